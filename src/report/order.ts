/**
 * The order findings are shown in, everywhere: what needs action first (failed, then not assessed), most
 * severe first, then by category in workshop order and by check id, so that cards, Markdown and tables agree.
 */
import { compareFindings } from '../checks/order';
import { CATEGORIES, countByStatus, SEVERITIES, type Category, type Finding, type ScanReport, type Severity, type Status } from '../checks/types';

export { compareFindings };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Findings someone has to act on: failed or not assessed. */
export function needsAction(finding: Finding): boolean {
  return finding.status === 'fail' || finding.status === 'error';
}

export function actionable(report: ScanReport): Finding[] {
  return sortFindings(report.findings.filter(needsAction));
}

/** Failed findings by severity (the counts a summary shows). */
export function failuresBySeverity(report: ScanReport): Readonly<Record<Severity, number>> {
  const counts: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of report.findings) if (f.status === 'fail') counts[f.severity] += 1;
  return counts;
}

export interface CategoryTally {
  readonly category: Category;
  readonly counts: Readonly<Record<Status, number>>;
  readonly total: number;
}

/** Per-category counts, in workshop order, for the categories that have findings. */
export function tallyByCategory(report: ScanReport): CategoryTally[] {
  return CATEGORIES.flatMap((category) => {
    const findings = report.findings.filter((f) => f.category === category);
    return findings.length > 0 ? [{ category, counts: countByStatus(findings), total: findings.length }] : [];
  });
}

/** Does any failed finding reach `threshold` (the CLI's --fail-on)? */
export function failsAt(report: ScanReport, threshold: Severity): boolean {
  const floor = SEVERITIES.indexOf(threshold);
  return report.findings.some((f) => f.status === 'fail' && SEVERITIES.indexOf(f.severity) >= floor);
}
