/**
 * Exercises 10 and 11: the catalog's network and RBAC checks, as advice. A failed check makes the exercise a
 * `warning` (it never blocks the lab); the items name each check and its fix.
 */
import { fixCommand } from '../checks/fix-command';
import type { Finding } from '../checks/types';
import { item, type LabValidationItem, type LabValidationResult } from './result';

const SEVERITY_RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

export function validateControls(findings: readonly Finding[], areaLabel: string): LabValidationResult {
  if (findings.length === 0) return { status: 'cannot_validate', items: [item(false, `Could not validate: no ${areaLabel} checks ran on the workspace.`)] };
  const ordered = [...findings].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.checkId.localeCompare(b.checkId));
  const failed = ordered.filter((f) => f.status === 'fail');
  const errors = ordered.filter((f) => f.status === 'error');
  const passed = ordered.filter((f) => f.status === 'pass');

  const advice: LabValidationItem[] = failed.map((f) =>
    item(false, `${f.checkId} ${f.title} (${f.severity}): ${f.message}`, [fixCommand(f), f.remediation.url].filter((x): x is string => x !== undefined).join(' — ')),
  );
  const unread: LabValidationItem[] = errors.map((f) => item(false, `${f.checkId} ${f.title}: ${f.message}`));
  const ok: LabValidationItem[] = passed.length > 0 ? [item(true, `${passed.length} ${areaLabel} check(s) pass: ${unique(passed.map((f) => f.title)).join('; ')}.`)] : [];

  if (failed.length > 0) {
    const headline = item(false, `${unique(failed.map((f) => f.checkId)).length} ${areaLabel} control(s) a production environment would need are missing. This is advice: the lab does not require them.`);
    return { status: 'warning', items: [headline, ...advice, ...unread, ...ok] };
  }
  if (errors.length > 0 && passed.length === 0) return { status: 'cannot_validate', items: unread };
  return { status: errors.length > 0 ? 'warning' : 'passed', items: [...unread, ...ok] };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
