/**
 * Runs checks over a snapshot and turns their results into findings and a report. A check that throws, or
 * returns nothing, becomes an `error` finding naming the check: a scan never silently loses a check.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import type { CheckDefinition, CheckResult, Finding, ScanReport, Status, StatusCounts } from './types';
import { STATUSES } from './types';
import { compareFindings } from './order';
import { CHECK_SET_VERSION } from './registry';

function toFinding(check: CheckDefinition, result: CheckResult): Finding {
  return {
    ...result,
    checkId: check.id,
    title: check.title,
    category: check.category,
    severity: check.severity,
    remediation: check.remediation,
    workshopQuestions: check.workshopQuestions,
  };
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}

function evaluateOne(check: CheckDefinition, snapshot: WorkspaceSnapshot): readonly CheckResult[] {
  try {
    const results = check.evaluate(snapshot);
    if (results.length > 0) return results;
    return [{ status: 'error', resourceId: snapshot.workspaceId, message: `Check ${check.id} returned no result.`, evidence: [] }];
  } catch (error: unknown) {
    return [
      {
        status: 'error',
        resourceId: snapshot.workspaceId,
        message: `Check ${check.id} (${check.title}) failed while evaluating: ${describeThrown(error)}`,
        evidence: [],
      },
    ];
  }
}

/** Every check yields at least one finding, in the one display order (checks/order.ts). */
export function runChecks(snapshot: WorkspaceSnapshot, checks: readonly CheckDefinition[]): Finding[] {
  return checks.flatMap((check) => evaluateOne(check, snapshot).map((r) => toFinding(check, r))).sort(compareFindings);
}

export function summarize(findings: readonly Finding[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

export function buildReport(snapshot: WorkspaceSnapshot, findings: readonly Finding[], now: Date): ScanReport {
  const name = snapshot.workspace.ok ? snapshot.workspace.value.name : (snapshot.workspaceId.split('/').filter((s) => s !== '').pop() ?? snapshot.workspaceId);
  return {
    workspace: { id: snapshot.workspaceId, name },
    scannedAt: now.toISOString(),
    checkSetVersion: CHECK_SET_VERSION,
    summary: summarize(findings),
    findings: [...findings].sort(compareFindings),
  };
}
