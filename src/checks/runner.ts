/**
 * Runs checks over a snapshot and turns their results into findings and a report. A check that throws, or
 * returns nothing, becomes an `error` finding naming the check: a scan never silently loses a check.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import type { CheckDefinition, CheckResult, Finding, ScanReport, StatusCounts } from './types';
import { countByStatus } from './types';
import { withSnapshotValues } from './fix-command';
import { findingIdentity } from './identity';
import { compareFindings } from './order';
import { CHECK_SET_VERSION } from './registry';

function toFinding(check: CheckDefinition, result: CheckResult): Finding {
  const { cli, remediation, ...rest } = result;
  return {
    ...rest,
    checkId: check.id,
    title: check.title,
    category: check.category,
    severity: check.severity,
    remediation: remediation ?? (cli === undefined ? check.remediation : { ...check.remediation, cli }),
    workshopQuestions: check.workshopQuestions,
  };
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}

/**
 * Several failed reads about one resource (withReads over the workspace and its role assignments, both
 * refused) become one `error` result naming every missing read, so that a finding's identity
 * (checkId, resourceId, subject) stays unique and a diff or a SARIF fingerprint cannot confuse them.
 */
function mergeErrorsPerIdentity(checkId: string, results: readonly CheckResult[]): readonly CheckResult[] {
  const merged: CheckResult[] = [];
  const errorAt = new Map<string, number>();
  for (const result of results) {
    const key = findingIdentity({ checkId, resourceId: result.resourceId, ...(result.subject === undefined ? {} : { subject: result.subject }) });
    const at = result.status === 'error' ? errorAt.get(key) : undefined;
    const earlier = at === undefined ? undefined : merged[at];
    if (at === undefined || earlier === undefined) {
      if (result.status === 'error') errorAt.set(key, merged.length);
      merged.push(result);
      continue;
    }
    const message = earlier.message.includes(result.message) ? earlier.message : `${earlier.message} ${result.message}`;
    merged[at] = { ...earlier, message, evidence: [...earlier.evidence, ...result.evidence] };
  }
  return merged;
}

function evaluateOne(check: CheckDefinition, snapshot: WorkspaceSnapshot): readonly CheckResult[] {
  try {
    const results = mergeErrorsPerIdentity(check.id, check.evaluate(snapshot));
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
  return checks.flatMap((check) => evaluateOne(check, snapshot).map((r) => withSnapshotValues(toFinding(check, r), snapshot))).sort(compareFindings);
}

export function summarize(findings: readonly Finding[]): StatusCounts {
  return countByStatus(findings);
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
