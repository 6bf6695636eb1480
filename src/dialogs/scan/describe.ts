/** How the scan feature names what it scans and what it offers next: titles, next steps, target names. */
import type { Area } from '../../checks/types';
import type { ScanSelection } from '../../scan/scan-service';
import { isSampleTarget } from '../../shared/scan-target';
import { MAX_SUGGESTIONS, type Suggestion } from '../port';

/** The question each area stands for, as the title of its answer. */
export const AREA_QUESTIONS: Readonly<Record<Area, (workspace: string) => string>> = {
  'public-network': (ws) => `Is public network access off on ${ws}?`,
  rbac: (ws) => `Who holds Owner, and are role assignments on ${ws} least privilege?`,
  defender: (ws) => `Does Defender for Cloud protect ${ws}?`,
};

const AREA_SUGGESTIONS: Readonly<Record<Area, (target: string) => Suggestion>> = {
  rbac: (target) => ({ title: 'Check RBAC', text: `check rbac on ${target}` }),
  'public-network': (target) => ({ title: 'Public network access?', text: `is public network access off on ${target}?` }),
  defender: (target) => ({ title: 'Defender status', text: `defender status for ${target}` }),
};

/** What to ask next about the same workspace: the areas not just asked, and the full scan after a partial one. */
export function nextSteps(selection: ScanSelection, target: string): Suggestion[] {
  const steps = Object.entries(AREA_SUGGESTIONS)
    .filter(([area]) => selection.kind !== 'area' || selection.area !== area)
    .map(([, suggest]) => suggest(target));
  if (selection.kind !== 'all') steps.unshift({ title: 'Full scan', text: `scan ${target}` });
  return steps.slice(0, MAX_SUGGESTIONS);
}

/** How a target is named while it is scanned: "the sample workspace", the sample's name, or the workspace name. */
export function describeTarget(target: string): string {
  if (isSampleTarget(target)) return target.toLowerCase() === 'sample' ? 'the sample workspace' : target.slice('sample:'.length);
  return target.split('/').filter((part) => part !== '').at(-1) ?? target;
}
