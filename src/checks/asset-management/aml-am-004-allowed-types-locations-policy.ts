/**
 * AML-AM-004 — Policies restrict which resource types and locations may be deployed around the workspace.
 *
 * Built-ins (GUIDs read from Azure/azure-policy built-in-policies/policyDefinitions/General/):
 *   "Allowed resource types" a08ec900… (AllowedResourceTypes_Deny.json),
 *   "Not allowed resource types" 6c112d4e… (InvalidResourceTypes_Deny.json),
 *   "Allowed locations" e56962a6… (AllowedLocations_Deny.json).
 * Pass needs a type restriction (allow- or deny-list) AND a location restriction, each enforced
 * (enforcementMode DoNotEnforce turns their Deny effect off). Restrictions hidden in custom initiatives are not seen.
 */
import type { PolicyAssignment } from '../../azure/snapshot';
import { defineCheck, evidence, fail, pass, withReads } from '../define';
import { GENERAL_POLICY } from '../governance/known-policies';
import { applyingTo, assignmentLabel, assignmentsOfDefinition, exclusionNotes, isEnforced } from '../governance/policy';

function describe(found: PolicyAssignment | undefined): string | undefined {
  if (found === undefined) return undefined;
  return `${assignmentLabel(found)}${isEnforced(found) ? '' : ' (DoNotEnforce)'}`;
}

export default defineCheck({
  id: 'AML-AM-004',
  slug: 'aml-am-004-allowed-types-locations-policy',
  title: 'Allowed resource types and locations are restricted by policy',
  category: 'asset-management',
  severity: 'low',
  resourceType: 'Microsoft.Authorization/policyAssignments',
  mcsb: ['AM-2'],
  policyDefinitionId: GENERAL_POLICY.allowedResourceTypes,
  workshopQuestions: ['AM-02'],
  areas: [],
  risk:
    'Without type and location restrictions, anyone with Contributor rights can create unreviewed services or place data in regions your compliance rules forbid. ' +
    'Shadow resources next to the workspace escape every other control in this baseline.',
  remediation: {
    portal: [
      'Azure Policy > Assignments > Assign policy at the subscription or management group.',
      'Assign "Allowed resource types" (or "Not allowed resource types") and "Allowed locations" with your lists, enforcement mode Enabled.',
    ],
    cli: 'az policy assignment create --name allowed-locations --policy e56962a6-4747-49cd-b67b-bf8b01975c4c --scope /subscriptions/<sub> --params \'{"listOfAllowedLocations":{"value":["<region>"]}}\'',
    url: 'https://learn.microsoft.com/azure/governance/policy/tutorials/create-and-manage',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.policyAssignments, (assignments) => {
      const applying = applyingTo(assignments, snapshot.workspaceId);
      const enforcedOf = (guid: string) => assignmentsOfDefinition(applying, guid).find(isEnforced) ?? assignmentsOfDefinition(applying, guid)[0];
      const allowedTypes = enforcedOf(GENERAL_POLICY.allowedResourceTypes);
      const deniedTypes = enforcedOf(GENERAL_POLICY.notAllowedResourceTypes);
      const locations = enforcedOf(GENERAL_POLICY.allowedLocations);
      const facts = [
        evidence(`policy ${GENERAL_POLICY.allowedResourceTypes} (Allowed resource types)`, describe(allowedTypes), 'assigned and enforced (or Not allowed resource types)'),
        evidence(`policy ${GENERAL_POLICY.notAllowedResourceTypes} (Not allowed resource types)`, describe(deniedTypes), 'assigned and enforced (or Allowed resource types)'),
        evidence(`policy ${GENERAL_POLICY.allowedLocations} (Allowed locations)`, describe(locations), 'assigned and enforced'),
      ];
      const typesOk = [allowedTypes, deniedTypes].some((a) => a !== undefined && isEnforced(a));
      const locationsOk = locations !== undefined && isEnforced(locations);
      if (typesOk && locationsOk) return [pass(snapshot.workspaceId, 'Enforced policies restrict the resource types and locations that can be deployed at the workspace.', facts)];
      const missing = [typesOk ? undefined : 'resource types', locationsOk ? undefined : 'locations'].filter((m): m is string => m !== undefined);
      const excluded = exclusionNotes(
        [GENERAL_POLICY.allowedResourceTypes, GENERAL_POLICY.notAllowedResourceTypes, GENERAL_POLICY.allowedLocations].flatMap((guid) => assignmentsOfDefinition(assignments, guid)),
        snapshot.workspaceId,
      );
      return [fail(snapshot.workspaceId, `No enforced policy restricts the ${missing.join(' or ')} that can be deployed at the workspace.${excluded}`, facts)];
    });
  },
});
