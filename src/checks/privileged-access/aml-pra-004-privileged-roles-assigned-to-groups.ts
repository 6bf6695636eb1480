import { defineCheck, evidence, fail, notAssessed, pass, withReads } from '../define';
import type { CheckResult } from '../types';
import { BUILT_IN_ROLE_IDS, describeScope, isUnresolved, privilegeOf, roleCatalogOf, scopeLevel } from '../rbac';

/** Roles that must go to groups (reviewed, PIM-eligible), not to individual users. */
const GROUP_ONLY_ROLES: ReadonlySet<string> = new Set([BUILT_IN_ROLE_IDS.amlDataScientist, BUILT_IN_ROLE_IDS.azureAiAdministrator]);

export default defineCheck({
  id: 'AML-PRA-004',
  slug: 'aml-pra-004-privileged-roles-assigned-to-groups',
  title: 'Privileged roles on the workspace, its resource group and subscription are assigned to groups, not users',
  category: 'privileged-access',
  severity: 'medium',
  resourceType: 'Microsoft.Authorization/roleAssignments',
  mcsb: ['PA-1', 'PA-7', 'PA-2'],
  workshopQuestions: ['PA-01', 'PA-02'],
  areas: ['rbac'],
  risk:
    'Direct user assignments of Owner, Contributor, access-admin or AzureML Data Scientist accumulate as people change teams, escape group-based access reviews and are rarely made just-in-time. Assign these roles to Entra groups (ideally PIM-eligible), so that leaving the group removes the access.',
  remediation: {
    portal: [
      'Create or pick an Entra group for the role, add the user, and assign the role to the group at the same scope (preferably as a PIM eligible assignment).',
      'Remove the direct user assignment.',
    ],
    // The group assignment comes first: deleting a user's only Owner assignment before it would leave no Owner.
    cli: 'az role assignment create --assignee-object-id <group-object-id> --assignee-principal-type Group --role "<role>" --scope <scope> && az role assignment delete --assignee <user-object-id> --role "<role>" --scope <scope>',
    url: 'https://learn.microsoft.com/azure/role-based-access-control/best-practices',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.roleAssignments.workspace, (ws, assignments) => {
      const roles = roleCatalogOf(snapshot.roleDefinitions);
      const results: CheckResult[] = [];
      let unresolvedUserRoles = 0;
      for (const a of assignments) {
        if (a.principalType !== 'User') continue;
        if (scopeLevel(a.scope) === 'resource' && a.scope.toLowerCase() !== ws.id.toLowerCase()) continue;
        const role = roles.resolve(a.roleDefinitionId);
        if (isUnresolved(role)) unresolvedUserRoles += 1;
        if (privilegeOf(role) === undefined && !GROUP_ONLY_ROLES.has(role.guid)) continue;
        results.push(
          fail(a.id, `User ${a.principalId} holds ${role.name} directly on ${describeScope(a.scope, ws.id)}; assign it to a group instead.`, [
            evidence('principalType', a.principalType, 'Group'),
            evidence('principalId', a.principalId, 'an Entra group'),
            evidence('role', role.name, 'any (privileged roles go to groups)'),
            evidence('scope', a.scope, 'any'),
          ]),
        );
      }
      if (results.length > 0) return results;
      if (unresolvedUserRoles > 0 && !snapshot.roleDefinitions.ok) return [notAssessed(snapshot.roleDefinitions.error)];
      return [pass(ws.id, `No user holds a privileged role directly on workspace ${ws.name}, its resource group or its subscription.`, [evidence('direct user assignments of privileged roles', 0, '0')])];
    }),
});
