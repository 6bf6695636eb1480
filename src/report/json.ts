/**
 * `guardian scan --format json`: the report in a fixed, documented shape (an interface for pipelines).
 * A finding is identified by (checkId, resourceId, subject): `subject` is present only when a check can report
 * several findings on one resource (the Defender assessment name of AML-LT-014 and AML-PV-002, the policy
 * assignment and definition of AML-AM-006). Compare ids case-insensitively.
 */
import type { Evidence, Finding, RiskException, ScanReport, Severity, Status, Category } from '../checks/types';
import { fixCommand } from './wording';

export interface JsonFinding {
  readonly checkId: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly status: Status;
  readonly resourceId: string;
  /** What on the resource the finding is about, when a check reports several on one resource; else absent. */
  readonly subject?: string;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  readonly remediation: { readonly url: string; readonly cli: string | null };
  /** Present exactly when status is `accepted`: the exception that accepts this failed finding. */
  readonly exception?: RiskException;
}

export interface JsonReport {
  readonly workspace: { readonly id: string; readonly name: string };
  readonly scannedAt: string;
  readonly checkSetVersion: string;
  readonly summary: Readonly<Record<Status, number>>;
  readonly findings: readonly JsonFinding[];
}

function jsonFinding(f: Finding): JsonFinding {
  return {
    checkId: f.checkId,
    title: f.title,
    category: f.category,
    severity: f.severity,
    status: f.status,
    resourceId: f.resourceId,
    ...(f.subject === undefined ? {} : { subject: f.subject }),
    message: f.message,
    evidence: f.evidence.map((e) => ({ property: e.property, actual: e.actual, expected: e.expected })),
    remediation: { url: f.remediation.url, cli: fixCommand(f) ?? null },
    ...(f.exception === undefined ? {} : { exception: { ...f.exception } }),
  };
}

export function toJsonReport(report: ScanReport): JsonReport {
  const s = report.summary;
  return {
    workspace: { id: report.workspace.id, name: report.workspace.name },
    scannedAt: report.scannedAt,
    checkSetVersion: report.checkSetVersion,
    summary: { pass: s.pass, fail: s.fail, error: s.error, not_applicable: s.not_applicable, manual: s.manual, accepted: s.accepted },
    findings: report.findings.map(jsonFinding),
  };
}

export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
