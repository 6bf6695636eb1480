/**
 * AML-AM-001 — Every compute instance shuts down when idle.
 *
 * The service returns `properties.properties.idleTimeBeforeShutdown` when idle shutdown is set (policy alias
 * `Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown`), but the stable contract
 * (2025-09-01 ComputeInstanceProperties) does not define it, so its absence proves nothing: set → PASS; absent →
 * the compliance state of the policy that audits exactly this (679ddf89) decides when there is one, else MANUAL.
 */
import type { Compute, Collected, PolicyState } from '../../azure/snapshot';
import type { CheckResult } from '../types';
import { defineCheck, evidence, fail, manual, notApplicable, pass, sameText, withReads } from '../define';
import { definitionGuid } from '../governance/policy';

const IDLE_SHUTDOWN_POLICY = '679ddf89-ab8f-48a5-9029-e76054077449';

export default defineCheck({
  id: 'AML-AM-001',
  slug: 'aml-am-001-compute-idle-shutdown',
  title: 'Compute instances shut down when idle',
  category: 'asset-management',
  severity: 'low',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/computes',
  mcsb: ['PV-1'],
  policyDefinitionId: IDLE_SHUTDOWN_POLICY,
  workshopQuestions: ['AM-01', 'PV-02'],
  areas: [],
  risk:
    'A forgotten compute instance keeps running with its user\'s credentials, mounted data and open Jupyter sessions, widening the attack window and the bill. ' +
    'Idle shutdown bounds both without taking work away from anyone.',
  remediation: {
    portal: [
      'Azure ML studio > Compute > Compute instances > select the instance > Schedules.',
      'Turn on "Idle shutdown" with a timeout such as 60 minutes.',
      'The CLI sets idle shutdown only when an instance is created (idle_time_before_shutdown_minutes in its YAML or --set of az ml compute create); az ml compute update has no idle-shutdown flag, so change an existing instance in the studio.',
    ],
    // No `cli`: every finding is about an instance that exists, and a create would only conflict with it.
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-create-compute-instance#configure-idle-shutdown',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.computes, (computes) => {
      const instances = computes.filter((c) => sameText(c.computeType, 'ComputeInstance'));
      if (instances.length === 0) return [notApplicable(snapshot.workspaceId, 'The workspace has no compute instances.')];
      return instances.map((ci) => idleShutdownResult(ci, snapshot.policyStates));
    });
  },
});

function idleShutdownResult(ci: Compute, policyStates: Collected<readonly PolicyState[]>): CheckResult {
  const facts = [evidence('properties.properties.idleTimeBeforeShutdown', ci.idleTimeBeforeShutdown, 'an ISO-8601 duration, e.g. PT60M')];
  if (ci.idleTimeBeforeShutdown !== undefined && ci.idleTimeBeforeShutdown.trim() !== '') {
    return pass(ci.id, `Compute instance ${ci.name} shuts down after ${ci.idleTimeBeforeShutdown} idle.`, facts);
  }
  const unknown = `Compute instance ${ci.name}: the compute read (api-version 2025-09-01) does not say whether idle shutdown is set, because the stable contract does not define idleTimeBeforeShutdown.`;
  if (!policyStates.ok) return manual(ci.id, `${unknown} The policy compliance states could not be read either (${policyStates.error.message}). Check Schedules > Idle shutdown in studio.`);
  const state = policyStates.value.find((s) => definitionGuid(s.policyDefinitionId) === IDLE_SHUTDOWN_POLICY && sameText(s.resourceId, ci.id));
  if (state === undefined) return manual(ci.id, `${unknown} Assign policy ${IDLE_SHUTDOWN_POLICY} to have it audited, or check Schedules > Idle shutdown in studio.`);
  const policyFacts = [...facts, evidence(`complianceState (policy ${IDLE_SHUTDOWN_POLICY})`, state.complianceState, 'Compliant')];
  if (sameText(state.complianceState, 'NonCompliant')) return fail(ci.id, `Compute instance ${ci.name} has no idle shutdown: policy ${IDLE_SHUTDOWN_POLICY} reports it NonCompliant.`, policyFacts);
  if (sameText(state.complianceState, 'Compliant')) return pass(ci.id, `Compute instance ${ci.name} shuts down when idle: policy ${IDLE_SHUTDOWN_POLICY} reports it Compliant.`, policyFacts);
  return manual(ci.id, `${unknown} Policy ${IDLE_SHUTDOWN_POLICY} reports it ${state.complianceState}.`);
}
