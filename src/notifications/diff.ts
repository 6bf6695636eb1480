/**
 * What changed between two scans of one workspace, keyed by the finding identity (checkId, resourceId, subject:
 * checks/identity.ts), so that two open recommendations on one resource stay two findings. Only what a security team
 * acts on counts as a change: a new failure, a resolved failure, a check that can no longer be assessed, and
 * any other status move of a finding both scans have. An accepted risk is a decision the channel made, not news:
 * a finding that becomes accepted is never announced, and one whose exception expired (accepted → fail) is a new
 * failure again. Everything is in the one display order of checks/order.ts.
 */
import { findingIdentity } from '../checks/identity';
import { compareFindings } from '../checks/order';
import type { Finding, ScanReport } from '../checks/types';

export { compareFindings };

export interface StatusChange {
  readonly before: Finding;
  readonly after: Finding;
}

export interface ReportDiff {
  /** Failing now, not failing before (or not there before). */
  readonly newFailures: readonly Finding[];
  /** Failing before; now passing, not applicable, or gone (the resource was removed). `after` absent when gone. */
  readonly resolved: readonly { readonly before: Finding; readonly after?: Finding }[];
  /** Not assessed now (`error`), assessed or absent before. */
  readonly newlyUnassessed: readonly Finding[];
  /** Any other status move (error → pass, pass → manual, fail → manual …). */
  readonly statusChanges: readonly StatusChange[];
  readonly hasChanges: boolean;
}

/** The finding identity (checkId, resourceId, subject), case-folded: ARM ids may come back in another case. */
export function findingKey(f: Pick<Finding, 'checkId' | 'resourceId' | 'subject'>): string {
  return findingIdentity(f);
}

/** Failed, or failed and accepted: either way the baseline is not met, so a pass is a resolution. */
function isFailing(finding: Finding | undefined): finding is Finding {
  return finding?.status === 'fail' || finding?.status === 'accepted';
}

export function diffReports(before: ScanReport, after: ScanReport): ReportDiff {
  const old = new Map(before.findings.map((f) => [findingKey(f), f]));
  const now = new Map(after.findings.map((f) => [findingKey(f), f]));
  const newFailures: Finding[] = [];
  const resolved: { before: Finding; after?: Finding }[] = [];
  const newlyUnassessed: Finding[] = [];
  const statusChanges: StatusChange[] = [];

  for (const [key, current] of now) {
    const previous = old.get(key);
    if (previous?.status === current.status) continue;
    if (current.status === 'accepted') continue;
    if (current.status === 'fail') newFailures.push(current);
    else if (current.status === 'error') newlyUnassessed.push(current);
    else if (isFailing(previous) && (current.status === 'pass' || current.status === 'not_applicable')) resolved.push({ before: previous, after: current });
    else if (previous !== undefined) statusChanges.push({ before: previous, after: current });
    // A finding that appears passing (a new compute that is fine) is not news.
  }
  for (const [key, previous] of old) {
    if (!now.has(key) && isFailing(previous)) resolved.push({ before: previous });
  }

  newFailures.sort(compareFindings);
  newlyUnassessed.sort(compareFindings);
  resolved.sort((a, b) => compareFindings(a.before, b.before));
  statusChanges.sort((a, b) => compareFindings(a.after, b.after));
  return {
    newFailures,
    resolved,
    newlyUnassessed,
    statusChanges,
    hasChanges: newFailures.length + resolved.length + newlyUnassessed.length + statusChanges.length > 0,
  };
}

/** "2 new findings, 1 resolved, 1 not assessed, 1 changed" (only the non-zero parts). */
export function describeDiff(diff: ReportDiff): string {
  const parts: string[] = [];
  if (diff.newFailures.length > 0) parts.push(`${diff.newFailures.length} new ${plural(diff.newFailures.length, 'finding')}`);
  if (diff.resolved.length > 0) parts.push(`${diff.resolved.length} resolved`);
  if (diff.newlyUnassessed.length > 0) parts.push(`${diff.newlyUnassessed.length} not assessed`);
  if (diff.statusChanges.length > 0) parts.push(`${diff.statusChanges.length} changed`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
