/**
 * One rule for every Defender for Cloud plan check: the subscription's `Microsoft.Security/pricings/<plan>`
 * must be on the Standard tier. A plan missing from the list is "not enabled", never a pass. Plans whose value
 * depends on an extension (malware scanning, registry vulnerability assessment) get a second result for the
 * extension, so "plan on, scanning off" is visible as its own finding.
 */
import type { DefenderPlan, WorkspaceSnapshot } from '../../azure/snapshot';
import type { CheckResult, Evidence } from '../types';
import { evidence, fail, notApplicable, pass, sameText, withReads } from '../define';
import { subscriptionScope } from '../governance/scope';

export interface PlanExtension {
  readonly name: string;
  /** What people call it, e.g. "on-upload malware scanning". */
  readonly label: string;
}

export interface PlanSpec {
  /** The pricing name, e.g. `StorageAccounts`. */
  readonly plan: string;
  /** What people call it, e.g. "Defender for Storage". */
  readonly label: string;
  /** Extensions that must be on for the plan to do its job here; each gets its own result. */
  readonly requiredExtensions?: readonly PlanExtension[];
  /** What a good sub-plan looks like, for the evidence (e.g. `P1 or P2`). */
  readonly expectedSubPlan?: string;
  /** The sub-plan the plan must be on (compared case-insensitively); any other, or none, fails. */
  readonly requiredSubPlan?: string;
}

export function pricingId(snapshot: WorkspaceSnapshot, plan: string): string {
  return `${subscriptionScope(snapshot.workspaceId)}/providers/Microsoft.Security/pricings/${plan}`;
}

export function findPlan(plans: readonly DefenderPlan[], name: string): DefenderPlan | undefined {
  return plans.find((p) => sameText(p.name, name));
}

export function isExtensionOn(plan: DefenderPlan, extension: string): boolean {
  return plan.extensions.some((e) => sameText(e.name, extension) && e.isEnabled);
}

export function evaluateDefenderPlan(snapshot: WorkspaceSnapshot, spec: PlanSpec): readonly CheckResult[] {
  const id = pricingId(snapshot, spec.plan);
  const subscription = subscriptionScope(snapshot.workspaceId);
  return withReads(snapshot.defenderPlans, (plans) => {
    const plan = findPlan(plans, spec.plan);
    if (plan === undefined) {
      return [
        fail(id, `${spec.label} is not enabled on ${subscription}: the ${spec.plan} plan is not in the subscription's Defender pricings.`, [
          evidence('pricingTier', undefined, 'Standard'),
        ]),
      ];
    }
    const facts = planEvidence(plan, spec);
    if (!sameText(plan.pricingTier, 'Standard')) {
      return [fail(id, `${spec.label} is off on ${subscription} (tier ${plan.pricingTier}).`, facts)];
    }
    if (spec.requiredSubPlan !== undefined && !sameText(plan.subPlan, spec.requiredSubPlan)) {
      return [fail(id, `${spec.label} is on for ${subscription}, but on sub-plan ${plan.subPlan ?? 'not set'} instead of ${spec.requiredSubPlan}.`, facts)];
    }
    const subPlan = plan.subPlan !== undefined ? `, sub-plan ${plan.subPlan}` : '';
    const results: CheckResult[] = [pass(id, `${spec.label} is on for ${subscription} (Standard${subPlan}).`, facts)];
    for (const extension of spec.requiredExtensions ?? []) {
      const extensionId = `${id}/extensions/${extension.name}`;
      const actual = plan.extensions.find((e) => sameText(e.name, extension.name))?.isEnabled;
      const fact = [evidence(`extensions[${extension.name}].isEnabled`, actual, 'true')];
      results.push(
        isExtensionOn(plan, extension.name)
          ? pass(extensionId, `${spec.label} has ${extension.label} (${extension.name}) on.`, fact)
          : fail(extensionId, `${spec.label} is on, but ${extension.label} (${extension.name}) is off.`, fact),
      );
    }
    return results;
  });
}

/** What of a workspace a plan protects, when the plan protects only some of what a workspace may use. */
export interface PlanUse {
  /** The workspace's resources the plan protects, by name; none makes the check not applicable. */
  readonly users: readonly string[];
  /** What they are, for the message: "Azure OpenAI or AI services connections". */
  readonly what: string;
  /** Why the plan is not asked for when there are none: one sentence. */
  readonly whenNone: string;
}

/**
 * The plan's rule, applied only when the workspace uses what the plan protects; not applicable otherwise. The
 * result stays on the pricing id either way, so a finding keeps its identity when the workspace starts using it.
 */
export function evaluatePlanWhereUsed(snapshot: WorkspaceSnapshot, spec: PlanSpec, use: PlanUse): readonly CheckResult[] {
  if (use.users.length === 0) return [notApplicable(pricingId(snapshot, spec.plan), use.whenNone)];
  const because = ` It applies because the workspace has ${use.what}: ${use.users.join(', ')}.`;
  return evaluateDefenderPlan(snapshot, spec).map((r) => (r.status === 'error' ? r : { ...r, message: `${r.message}${because}` }));
}

function planEvidence(plan: DefenderPlan, spec: PlanSpec): Evidence[] {
  const facts: Evidence[] = [evidence('pricingTier', plan.pricingTier, 'Standard')];
  facts.push(evidence('subPlan', plan.subPlan, spec.requiredSubPlan ?? spec.expectedSubPlan ?? 'any'));
  const extensions = plan.extensions.map((e) => `${e.name}=${e.isEnabled ? 'on' : 'off'}`).join(', ');
  const required = (spec.requiredExtensions ?? []).map((e) => `${e.name}=on`).join(', ');
  facts.push(evidence('extensions', extensions === '' ? undefined : extensions, required === '' ? 'any' : required));
  if (plan.deprecated === true) facts.push(evidence('deprecated', true, 'false'));
  return facts;
}
