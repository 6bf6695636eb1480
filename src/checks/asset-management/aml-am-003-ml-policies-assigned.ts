/**
 * AML-AM-003 — The Azure ML built-in policies are assigned at a scope covering the workspace.
 *
 * Required: public network disabled, private link, compute local auth disabled, compute in a VNet — each assigned
 * directly or through the Microsoft cloud security benchmark initiative (which contains all four; notes/check-catalog.md §1.6).
 * Beats anchor defect §5.3: when "Allow Only Approved Outbound" (6ddb1705) is assigned, its isolationMode parameter
 * must not be left at the default `Disabled`, which audits the wrong direction. An assignment whose notScopes contain
 * the workspace does not count.
 */
import type { PolicyAssignment } from '../../azure/snapshot';
import type { Evidence } from '../types';
import { defineCheck, evidence, fail, pass, withReads } from '../define';
import { ML_POLICY, policyName } from '../governance/known-policies';
import { MCSB_INITIATIVE_GUID, applyingTo, assignmentLabel, assignmentsOfDefinition, assignmentsOfInitiative, exclusionNotes, parameterValue } from '../governance/policy';

const REQUIRED = [ML_POLICY.publicNetworkDisabled, ML_POLICY.privateLink, ML_POLICY.computeLocalAuthDisabled, ML_POLICY.computeInVnet];

/** The assignments that would have covered the missing definitions, had their notScopes not excluded the workspace. */
function excludable(assignments: readonly PolicyAssignment[], missing: readonly string[]): readonly PolicyAssignment[] {
  if (missing.length === 0) return [];
  return [...assignmentsOfInitiative(assignments, MCSB_INITIATIVE_GUID), ...missing.flatMap((guid) => assignmentsOfDefinition(assignments, guid))];
}

export default defineCheck({
  id: 'AML-AM-003',
  slug: 'aml-am-003-ml-policies-assigned',
  title: 'Azure ML built-in policies assigned to the workspace',
  category: 'asset-management',
  severity: 'medium',
  resourceType: 'Microsoft.Authorization/policyAssignments',
  mcsb: ['PV-2', 'AM-2'],
  workshopQuestions: ['AM-02', 'PV-02'],
  areas: [],
  risk:
    'Without the Azure ML policies, a data scientist can create a public workspace or a compute instance with SSH keys outside any VNet and nobody is told. ' +
    'An approved-outbound policy left at its default parameter reports the opposite of what you meant, giving false assurance.',
  remediation: {
    portal: [
      'Azure Policy > Assignments > Assign policy at the subscription or resource group of the workspace.',
      'Assign the four Azure ML definitions (or the Microsoft cloud security benchmark initiative); for "Allow Only Approved Outbound" set isolationMode to AllowOnlyApprovedOutbound.',
    ],
    cli: 'az policy assignment create --name aml-public-network --policy 438c38d2-3772-465a-a9cc-7a6666a275ce --scope /subscriptions/<sub>/resourceGroups/<rg>',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-integrate-azure-policy',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.policyAssignments, (assignments) => {
      const applying = applyingTo(assignments, snapshot.workspaceId);
      const mcsb = assignmentsOfInitiative(applying, MCSB_INITIATIVE_GUID)[0];
      const facts: Evidence[] = [];
      const missing: string[] = [];
      for (const guid of REQUIRED) {
        const direct = assignmentsOfDefinition(applying, guid)[0];
        const how = direct !== undefined ? `assigned as ${assignmentLabel(direct)}` : mcsb !== undefined ? `via initiative ${assignmentLabel(mcsb)}` : undefined;
        if (how === undefined) missing.push(guid);
        facts.push(evidence(`policy ${guid}`, how, 'assigned, directly or via the MCSB initiative'));
      }
      const problems: string[] = [];
      if (missing.length > 0) problems.push(`not assigned: ${missing.map(policyName).join('; ')}`);
      for (const outbound of assignmentsOfDefinition(applying, ML_POLICY.approvedOutboundOnly)) {
        const mode = parameterValue(outbound, 'isolationMode');
        facts.push(evidence(`${outbound.name}.parameters.isolationMode`, mode, 'AllowOnlyApprovedOutbound'));
        if (typeof mode !== 'string' || mode.toLowerCase() === 'disabled') {
          problems.push(`${assignmentLabel(outbound)} leaves isolationMode at ${typeof mode === 'string' ? mode : 'its default Disabled'}, so it audits the wrong direction`);
        }
      }
      return problems.length === 0
        ? [pass(snapshot.workspaceId, 'The Azure ML built-in policies for public access, private link, compute local auth and compute VNet apply to the workspace.', facts)]
        : [fail(snapshot.workspaceId, `Azure ML policy coverage is incomplete: ${problems.join('. ')}.${exclusionNotes(excludable(assignments, missing), snapshot.workspaceId)}`, facts)];
    });
  },
});
