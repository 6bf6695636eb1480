/**
 * "Defender status for subscription <id>": the Defender checks that are about the subscription itself
 * (AML-LT-005…010, 012, 013 read its pricings and security connectors) run over a snapshot whose workspace fields
 * are marked "not read". Nothing about a workspace is read, so no workspace check can run here; the checks keep
 * their own rules (a plan missing from the pricings fails, an extension off fails). The two plans a workspace
 * needs only when it uses what they protect (AI services, attached VMs) are asked of the subscription as a whole:
 * their plan rule runs without the workspace test that a subscription cannot answer.
 */
import type { ArmClients } from '../azure/clients';
import type { Collected, SecurityAssessment, WorkspaceSnapshot } from '../azure/snapshot';
import { readOf, snapshotFromFields, type SnapshotField } from '../azure/snapshot-fields';
import { collectSubscriptionDefender, type SubscriptionDefenderSnapshot } from '../azure/subscription-defender';
import { fixCommand } from '../checks/fix-command';
import { evaluateDefenderPlan, type PlanSpec } from '../checks/defender/plans';
import { DEFENDER_FOR_AI } from '../checks/logging-threat-detection/aml-lt-005-defender-for-ai';
import { DEFENDER_FOR_SERVERS } from '../checks/logging-threat-detection/aml-lt-012-defender-for-servers';
import { checkById, CHECK_SET_VERSION } from '../checks/registry';
import { runChecks } from '../checks/runner';
import type { CheckDefinition, Finding, Status } from '../checks/types';
import type { DefenderPlanStatus, DefenderStatusReport } from './scan-service';

/** A plan the baseline asks of a workspace only when the workspace uses what the plan protects. */
interface ConditionalPlan {
  /** The plan rule asked of the subscription as a whole. */
  readonly spec: PlanSpec;
  /** When the plan is needed, as the report says it ("needed for attached VMs"). */
  readonly condition: string;
}

/**
 * The subscription-level Defender checks, the pricing each plan check reads (undefined: not a plan), and, for a
 * check that applies to a workspace only when it uses what the plan protects, that plan's rule and condition.
 */
export const SUBSCRIPTION_DEFENDER_CHECKS: readonly { readonly checkId: string; readonly plan?: string; readonly wholeSubscription?: ConditionalPlan }[] = [
  { checkId: 'AML-LT-006', plan: 'CloudPosture' },
  { checkId: 'AML-LT-005', plan: 'AI', wholeSubscription: { spec: DEFENDER_FOR_AI, condition: 'needed where workspaces connect to AI services' } },
  { checkId: 'AML-LT-007', plan: 'StorageAccounts' },
  { checkId: 'AML-LT-008', plan: 'KeyVaults' },
  { checkId: 'AML-LT-009', plan: 'Containers' },
  { checkId: 'AML-LT-010', plan: 'Arm' },
  { checkId: 'AML-LT-012', plan: 'VirtualMachines', wholeSubscription: { spec: DEFENDER_FOR_SERVERS, condition: 'needed for attached VMs' } },
  { checkId: 'AML-LT-013' },
];

const STATUS_RANK: Readonly<Record<Status, number>> = { fail: 0, error: 1, accepted: 2, manual: 3, pass: 4, not_applicable: 5 };
const SEVERITY_RANK: Readonly<Record<string, number>> = { high: 0, medium: 1, low: 2 };
const TOP_RECOMMENDATIONS = 5;

/** The checks the status runs, each as it applies to a subscription alone. */
export function subscriptionChecks(): CheckDefinition[] {
  return SUBSCRIPTION_DEFENDER_CHECKS.map(({ checkId, wholeSubscription }) => {
    const check = checkById(checkId);
    if (check === undefined) throw new Error(`The check ${checkId} is missing from the registry.`);
    return wholeSubscription === undefined ? check : { ...check, evaluate: (snapshot: WorkspaceSnapshot) => evaluateDefenderPlan(snapshot, wholeSubscription.spec) };
  });
}

/** A WorkspaceSnapshot of a subscription: its Defender reads, and every workspace read marked as not made. */
export function subscriptionSnapshot(collected: SubscriptionDefenderSnapshot): WorkspaceSnapshot {
  const scope = collected.subscriptionScope;
  const made: Partial<Record<SnapshotField, Collected<unknown>>> = {
    defenderPlans: collected.defenderPlans,
    securityConnectors: collected.securityConnectors,
    assessments: collected.assessments,
  };
  const notRead = (field: SnapshotField): Collected<unknown> => ({
    ok: false,
    error: { kind: 'invalid', message: `Not read: the Defender status of a subscription reads only its Defender settings, not the ${readOf(field).label}.`, resourceId: scope },
  });
  // The subscription scope stands where the workspace id would: the plan checks name `<subscription>/providers/Microsoft.Security/pricings/<plan>`.
  return snapshotFromFields({ collectedAt: collected.collectedAt, workspaceId: scope }, (field) => made[field] ?? notRead(field));
}

function worst(findings: readonly Finding[]): Finding | undefined {
  return [...findings].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status])[0];
}

function planStatus(check: CheckDefinition, plan: string, condition: string | undefined, findings: readonly Finding[], collected: SubscriptionDefenderSnapshot): DefenderPlanStatus {
  const own = findings.filter((f) => f.checkId === check.id);
  const top = worst(own);
  const status: Status = top?.status ?? 'error';
  const pricing = collected.defenderPlans.ok ? collected.defenderPlans.value.find((p) => p.name.toLowerCase() === plan.toLowerCase()) : undefined;
  return {
    plan,
    checkId: check.id,
    title: check.title,
    tier: pricing?.pricingTier,
    subPlan: pricing?.subPlan,
    extensions: pricing?.extensions ?? [],
    status,
    message: top?.message ?? `${check.id} returned no result.`,
    fix: status === 'pass' || top === undefined ? undefined : fixCommand(top),
    ...(condition === undefined ? {} : { condition }),
  };
}

function openRecommendations(assessments: SubscriptionDefenderSnapshot['assessments']): DefenderStatusReport['openRecommendations'] {
  if (!assessments.ok) return { ok: false, message: assessments.error.message };
  const open = assessments.value.filter((a) => a.statusCode.toLowerCase() === 'unhealthy');
  const rank = (a: SecurityAssessment): number => SEVERITY_RANK[(a.severity ?? '').toLowerCase()] ?? 9;
  const top = [...open]
    .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
    .slice(0, TOP_RECOMMENDATIONS)
    .map((a) => ({ displayName: a.displayName, severity: a.severity, resourceId: a.resourceId }));
  return { ok: true, count: open.length, top };
}

/** Runs the subscription-level Defender checks over what was collected. Pure. */
export function evaluateDefenderStatus(collected: SubscriptionDefenderSnapshot, now: Date): DefenderStatusReport {
  const checks = subscriptionChecks();
  const findings = runChecks(subscriptionSnapshot(collected), checks);
  const plans = SUBSCRIPTION_DEFENDER_CHECKS.flatMap(({ checkId, plan, wholeSubscription }) => {
    const check = checks.find((c) => c.id === checkId);
    return check === undefined || plan === undefined ? [] : [planStatus(check, plan, wholeSubscription?.condition, findings, collected)];
  });
  return {
    subscription: collected.subscriptionScope,
    scannedAt: now.toISOString(),
    checkSetVersion: CHECK_SET_VERSION,
    findings,
    plans,
    openRecommendations: openRecommendations(collected.assessments),
  };
}

export interface DefenderStatusOptions {
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly now: () => Date;
}

/** Collects and evaluates; read failures become `error` results, never a pass. */
export async function readDefenderStatus(clients: ArmClients, subscriptionId: string, options: DefenderStatusOptions): Promise<{ readonly collected: SubscriptionDefenderSnapshot; readonly report: DefenderStatusReport }> {
  const collected = await collectSubscriptionDefender(clients, subscriptionId, options);
  return { collected, report: evaluateDefenderStatus(collected, options.now()) };
}
