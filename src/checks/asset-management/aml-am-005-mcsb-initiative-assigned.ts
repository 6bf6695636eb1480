/**
 * AML-AM-005 — The Microsoft cloud security benchmark initiative applies to the workspace, enforced.
 * enforcementMode absent means Default (enforced) in ARM; DoNotEnforce fails because it switches off Deny/DINE effects.
 * An assignment whose notScopes contain the workspace (or its resource group or subscription) does not apply to it.
 */
import { defineCheck, evidence, fail, pass, withReads } from '../define';
import { MCSB_INITIATIVE_GUID, applyingTo, assignmentLabel, assignmentsOfInitiative, exclusionNotes, isEnforced } from '../governance/policy';

export default defineCheck({
  id: 'AML-AM-005',
  slug: 'aml-am-005-mcsb-initiative-assigned',
  title: 'Microsoft cloud security benchmark initiative assigned',
  category: 'asset-management',
  severity: 'medium',
  resourceType: 'Microsoft.Authorization/policyAssignments',
  mcsb: ['PV-2'],
  workshopQuestions: ['AM-01', 'LT-01'],
  areas: [],
  risk:
    'The benchmark initiative is what feeds Defender for Cloud\'s secure score and most of its recommendations for Azure ML and the linked resources. ' +
    'Without it, or with enforcement off, misconfigurations go unreported and you lose the compliance view your auditors expect.',
  remediation: {
    portal: [
      'Defender for Cloud > Environment settings > the subscription > Security policy.',
      'Turn on "Microsoft cloud security benchmark", or in Azure Policy assign the initiative with enforcement mode Enabled.',
    ],
    cli: 'az policy assignment create --name mcsb --policy-set-definition 1f3afdf9-d0c9-4c3d-847f-89da613e70a8 --scope /subscriptions/<sub>',
    url: 'https://learn.microsoft.com/security/benchmark/azure/introduction',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.policyAssignments, (assignments) => {
      const assigned = assignmentsOfInitiative(assignments, MCSB_INITIATIVE_GUID);
      const found = applyingTo(assigned, snapshot.workspaceId);
      const enforced = found.find(isEnforced);
      const shown = enforced ?? found[0];
      const facts = [
        evidence(`policySetDefinitions/${MCSB_INITIATIVE_GUID}`, shown !== undefined ? assignmentLabel(shown) : undefined, 'assigned'),
        evidence('enforcementMode', shown !== undefined ? (shown.enforcementMode ?? 'Default') : undefined, 'Default'),
      ];
      if (enforced !== undefined) return [pass(snapshot.workspaceId, `The Microsoft cloud security benchmark applies to the workspace through ${assignmentLabel(enforced)}.`, facts)];
      if (shown !== undefined) return [fail(snapshot.workspaceId, `The Microsoft cloud security benchmark is assigned (${assignmentLabel(shown)}) but set to DoNotEnforce.`, facts)];
      const excluded = exclusionNotes(assigned, snapshot.workspaceId);
      if (excluded !== '') return [fail(snapshot.workspaceId, `The Microsoft cloud security benchmark does not apply to the workspace:${excluded}`, facts)];
      return [fail(snapshot.workspaceId, 'The Microsoft cloud security benchmark initiative is not assigned at any scope covering the workspace.', facts)];
    });
  },
});
