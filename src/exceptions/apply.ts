/**
 * The one place a failed finding becomes `accepted`: every report, in chat and in pipelines, passes through
 * here with the exceptions that apply to it. Only a failed finding can be accepted: a result that could not be
 * assessed stays `error` (accepting an unknown is not a decision), and a passing one needs no exception.
 */
import { summarize } from '../checks/runner';
import type { Finding, ScanReport } from '../checks/types';
import { covers, isExpired, riskException, type ExceptionEntry } from './model';

export interface AppliedExceptions {
  readonly report: ScanReport;
  /** Unexpired exceptions that covered at least one failed finding. */
  readonly used: readonly ExceptionEntry[];
  /**
   * Unexpired exceptions for checks this report ran that covered no failed finding: the finding they accepted
   * passes now (or is gone), so they can be cleaned up.
   */
  readonly unused: readonly ExceptionEntry[];
  /** Exceptions whose expiry day has passed: ignored. */
  readonly expired: readonly ExceptionEntry[];
}

/** When several exceptions cover one finding, the one that lasts longest speaks for it. */
function longestLasting(entries: readonly ExceptionEntry[]): ExceptionEntry | undefined {
  return [...entries].sort((a, b) => b.expires.localeCompare(a.expires) || a.id.localeCompare(b.id))[0];
}

export function applyExceptions(report: ScanReport, exceptions: readonly ExceptionEntry[], now: Date): AppliedExceptions {
  const expired = exceptions.filter((e) => isExpired(e, now));
  const active = exceptions.filter((e) => !isExpired(e, now));
  const used = new Set<ExceptionEntry>();
  const findings = report.findings.map((f): Finding => {
    if (f.status !== 'fail') return f;
    const entry = longestLasting(active.filter((e) => covers(e, f, report.workspace.id)));
    if (entry === undefined) return f;
    used.add(entry);
    return { ...f, status: 'accepted', exception: riskException(entry) };
  });
  // An exception for a check this scan did not run (a selective re-check) says nothing about whether it is used.
  const ran = new Set(report.findings.map((f) => f.checkId.toLowerCase()));
  const relevant = active.filter((e) => ran.has(e.checkId.toLowerCase()) && report.findings.some((f) => covers(e, f, report.workspace.id)));
  return {
    report: { ...report, findings, summary: summarize(findings) },
    used: active.filter((e) => used.has(e)),
    unused: relevant.filter((e) => !used.has(e)),
    expired,
  };
}
