/**
 * The check model: typed metadata plus a pure `evaluate(snapshot)`.
 * Statuses, ids and these shapes are an interface: cards, JSON, SARIF, notifications and diffs use them.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';

/** What a check itself can conclude about a resource. */
export const CHECK_STATUSES = ['pass', 'fail', 'error', 'not_applicable', 'manual'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * What a report says about a finding: a check's outcome, or `accepted` — a failed finding that a recorded,
 * unexpired exception covers (src/exceptions/apply.ts is the only place that makes one).
 */
export const STATUSES = [...CHECK_STATUSES, 'accepted'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The 8 workshop categories (seed 001), in workshop order. */
export const CATEGORIES = [
  'network-security',
  'identity-management',
  'privileged-access',
  'data-protection',
  'asset-management',
  'logging-threat-detection',
  'posture-vulnerability',
  'backup-recovery',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  'network-security': 'Network Security',
  'identity-management': 'Identity Management',
  'privileged-access': 'Privileged Access',
  'data-protection': 'Data Protection',
  'asset-management': 'Asset Management',
  'logging-threat-detection': 'Logging and Threat Detection',
  'posture-vulnerability': 'Posture and Vulnerability Management',
  'backup-recovery': 'Backup and Recovery',
};

/** The three areas users ask for by name ("check rbac", "defender status", "is public network access off"). */
export const AREAS = ['rbac', 'defender', 'public-network'] as const;
export type Area = (typeof AREAS)[number];

export function isArea(value: string): value is Area {
  return AREAS.some((area) => area === value);
}

/** An area or a category, told apart: the selection that runs its checks. */
export function areaOrCategory(scope: Area | Category): { readonly kind: 'area'; readonly area: Area } | { readonly kind: 'category'; readonly category: Category } {
  return isArea(scope) ? { kind: 'area', area: scope } : { kind: 'category', category: scope };
}

export interface Remediation {
  /** Portal steps, one sentence each. */
  readonly portal: readonly string[];
  /** An `az` command with `<placeholders>`; absent where no CLI fix exists (e.g. recreate-only settings). */
  readonly cli?: string;
  /** Microsoft Learn page the fix rests on. */
  readonly url: string;
}

/** One fact a finding rests on: which property, what it is, what it should be. */
export interface Evidence {
  readonly property: string;
  readonly actual: string;
  readonly expected: string;
}

/** What a check returns for one resource. */
export interface CheckResult {
  readonly status: CheckStatus;
  /** The resource the result is about (the workspace, a compute, the linked vault, the subscription…). */
  readonly resourceId: string;
  /**
   * What on that resource the result is about, when a check can report several things about one resource: the
   * Defender assessment name, the policy assignment and definition, … Stable from scan to scan (never a
   * display name or a position). Part of the finding identity: (checkId, resourceId, subject) names one finding,
   * compared case-insensitively (see findingIdentity in checks/identity.ts). Absent when the check reports at
   * most one result per resource.
   */
  readonly subject?: string;
  /** One sentence naming the resource and what was found. */
  readonly message: string;
  readonly evidence: readonly Evidence[];
  /**
   * The fix command for this result, when the check's general one (remediation.cli) would be wrong for it: too
   * few Owners need an assignment created, not deleted.
   */
  readonly cli?: string;
  /**
   * The whole remediation of this result, when it is about another kind of resource than the check's general
   * one (the registry of a storage-and-registry check): its own portal steps and link, and no CLI fix when none
   * can work. Wins over `cli`.
   */
  readonly remediation?: Remediation;
}

export interface CheckDefinition {
  /** Stable, never reused: `AML-NET-001`. */
  readonly id: string;
  /** kebab-case; equals the file name without `.ts`. */
  readonly slug: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: Severity;
  /** ARM type the check is about, e.g. `Microsoft.MachineLearningServices/workspaces`. */
  readonly resourceType: string;
  /** Microsoft cloud security benchmark control ids, e.g. `NS-2`. At least one. */
  readonly mcsb: readonly string[];
  /** Built-in Azure Policy definition GUID where one exists. */
  readonly policyDefinitionId?: string;
  /** Workshop question ids (workshop-questions.json) this check illustrates. */
  readonly workshopQuestions: readonly string[];
  /** Areas a user may ask for by name. */
  readonly areas: readonly Area[];
  /** Why it matters, for people. */
  readonly risk: string;
  readonly remediation: Remediation;
  /** The check-set version that added the check. */
  readonly since: string;
  /** Pure: no I/O, no clock, no randomness. May throw; the runner turns that into `error`. */
  evaluate(snapshot: WorkspaceSnapshot): readonly CheckResult[];
}

/**
 * An accepted risk as a finding carries it: who accepted what, why, and until when. `expires` is a calendar day
 * (YYYY-MM-DD, UTC): the exception covers the finding through the end of that day.
 */
export interface RiskException {
  readonly id: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A check result with the check's metadata, as reported. */
export interface Finding extends Omit<CheckResult, 'status'> {
  readonly status: Status;
  /** Present exactly when `status` is `accepted`: the exception that covers this failed finding. */
  readonly exception?: RiskException;
  readonly checkId: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly remediation: Remediation;
  readonly workshopQuestions: readonly string[];
}

export type StatusCounts = Readonly<Record<Status, number>>;

/** How many findings have each status (every status present, zero when none). */
export function countByStatus(findings: readonly { readonly status: Status }[]): StatusCounts {
  const counts: Record<Status, number> = { pass: 0, fail: 0, error: 0, not_applicable: 0, manual: 0, accepted: 0 };
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

export interface ScanReport {
  readonly workspace: { readonly id: string; readonly name: string };
  readonly scannedAt: string;
  readonly checkSetVersion: string;
  readonly summary: StatusCounts;
  readonly findings: readonly Finding[];
}
