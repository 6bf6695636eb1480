/**
 * AML-AM-006 — No policy reports the workspace or its own linked resources as non-compliant.
 * One FAIL per NonCompliant policy state on the workspace, its children (computes, endpoints) and its linked
 * storage, vault, registry and Application Insights; one PASS when there is none. Other resources in the
 * resource group are left out: they are not this workspace's.
 */
import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';
import { policyName } from '../governance/known-policies';
import { belongsToWorkspace } from '../governance/scope';
import { lastSegment } from '../../shared/resource-id';

export default defineCheck({
  id: 'AML-AM-006',
  slug: 'aml-am-006-policy-compliance',
  title: 'Workspace resources are compliant with assigned policies',
  category: 'asset-management',
  severity: 'medium',
  resourceType: 'Microsoft.PolicyInsights/policyStates',
  mcsb: ['PV-2'],
  workshopQuestions: ['AM-01'],
  areas: [],
  risk:
    'A non-compliant state is your own organisation\'s rule telling you this workspace breaks it. ' +
    'Left open, it means the guardrail exists on paper only and auditors will find the gap before you do.',
  remediation: {
    portal: [
      'Azure Policy > Compliance > select the assignment named in the finding and open the non-compliant resource.',
      'Fix the setting the policy audits, or record a policy exemption with a reason and an expiry if it is an accepted risk.',
    ],
    url: 'https://learn.microsoft.com/azure/governance/policy/how-to/get-compliance-data',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.workspace, snapshot.policyStates, (ws, states) => {
      const open = states.filter((s) => sameText(s.complianceState, 'NonCompliant') && belongsToWorkspace(s.resourceId, ws));
      if (open.length === 0) return [pass(ws.id, `No policy reports workspace ${ws.name} or its linked resources as non-compliant.`, [])];
      // One resource can break several policies (and one initiative assignment holds many): the assignment and
      // the definition together tell the findings apart (the subject).
      return open.map((s) => ({
        ...fail(s.resourceId, `${lastSegment(s.resourceId)} is non-compliant with ${policyName(s.policyDefinitionId)} (assignment ${lastSegment(s.policyAssignmentId)}).`, [
          evidence('complianceState', s.complianceState, 'Compliant'),
          evidence('policyAssignmentId', s.policyAssignmentId, 'any'),
          evidence('policyDefinitionId', s.policyDefinitionId, 'any'),
        ]),
        subject: `${s.policyAssignmentId} ${s.policyDefinitionId}`,
      }));
    });
  },
});
