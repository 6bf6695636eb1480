/**
 * When an exception expires between scans, the findings it accepted are failed again: the last report of a
 * watch is re-stated with them as `fail` (no new scan needed to know that), so that the change card goes out on
 * the day the exception ends rather than at the next scheduled scan.
 */
import { summarize } from '../checks/runner';
import type { Finding, ScanReport } from '../checks/types';

/** The report with every finding accepted by `exceptionId` failed again; the same report when there is none. */
export function reopenAccepted(report: ScanReport, exceptionId: string): ScanReport {
  if (!report.findings.some((f) => f.exception?.id === exceptionId)) return report;
  const findings = report.findings.map((f): Finding => {
    if (f.exception?.id !== exceptionId) return f;
    const { exception: _expired, ...rest } = f;
    return { ...rest, status: 'fail' };
  });
  return { ...report, findings, summary: summarize(findings) };
}
