/**
 * The single number on the summary: the severity-weighted share of assessed results that pass.
 * `error` (not assessed), `manual` and `not_applicable` are left out, so a missing permission neither
 * lowers nor raises the score; the summary states how many were not assessed beside it. An `accepted` finding
 * still fails the baseline — an exception records a decision, it does not fix anything — so it counts as not
 * passing, and accepting a risk never raises the score.
 */
import type { ScanReport, Severity } from '../checks/types';

const WEIGHT: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 4, critical: 8 };

/** 0..100, or undefined when nothing could be assessed. */
export function reportScore(report: ScanReport): number | undefined {
  let passed = 0;
  let assessed = 0;
  for (const f of report.findings) {
    if (f.status !== 'pass' && f.status !== 'fail' && f.status !== 'accepted') continue;
    assessed += WEIGHT[f.severity];
    if (f.status === 'pass') passed += WEIGHT[f.severity];
  }
  return assessed === 0 ? undefined : Math.round((100 * passed) / assessed);
}
