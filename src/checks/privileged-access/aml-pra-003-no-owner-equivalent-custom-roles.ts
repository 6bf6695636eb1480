import { defineCheck, evidence, fail, pass, withReads } from '../define';
import type { CheckResult } from '../types';
import { broadActions, customPrivilege, isBroadScope } from '../rbac';

export default defineCheck({
  id: 'AML-PRA-003',
  slug: 'aml-pra-003-no-owner-equivalent-custom-roles',
  title: 'No custom role grants wildcard or access-management actions at subscription scope',
  category: 'privileged-access',
  severity: 'high',
  resourceType: 'Microsoft.Authorization/roleDefinitions',
  mcsb: ['PA-7', 'PA-1'],
  workshopQuestions: ['PA-01', 'PA-02'],
  areas: ['rbac'],
  risk:
    'A custom role with "*", "*/write" or Microsoft.Authorization/* actions is Owner under another name: it does not show up in reviews of Owner assignments, yet whoever holds it can change everything and grant access. Custom roles should list the specific actions a job needs.',
  remediation: {
    portal: [
      'Open the subscription, select Access control (IAM), then Roles, and filter by type CustomRole.',
      'Replace wildcard actions with the specific actions needed (for example Microsoft.MachineLearningServices/workspaces/computes/start/action), or delete the role and use a built-in one.',
    ],
    cli: 'az role definition update --role-definition <narrowed-role>.json',
    url: 'https://learn.microsoft.com/azure/role-based-access-control/custom-roles',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.roleDefinitions, (definitions) => {
      const results: CheckResult[] = [];
      let customCount = 0;
      for (const d of definitions) {
        if (d.roleType.toLowerCase() !== 'customrole') continue;
        customCount += 1;
        const privilege = customPrivilege(d);
        const broadScopes = d.assignableScopes.filter(isBroadScope);
        if (privilege === undefined || broadScopes.length === 0) continue;
        const kind = privilege === 'takeover' ? 'owner-equivalent (it can grant access)' : 'contributor-equivalent (it can change every resource)';
        results.push(
          fail(d.id, `Custom role "${d.roleName}" allows ${broadActions(d).join(', ')} and is assignable at ${broadScopes.join(', ')}: it is ${kind}.`, [
            evidence('permissions.actions', broadActions(d).join(', '), 'specific actions, no * or Microsoft.Authorization/*'),
            evidence('permissions.notActions', d.notActions.length > 0 ? d.notActions.join(', ') : undefined, 'any'),
            evidence('assignableScopes', d.assignableScopes.join(', '), 'resource groups or resources'),
          ]),
        );
      }
      if (results.length > 0) return results;
      return [pass(snapshot.workspaceId.split('/').slice(0, 3).join('/'), `None of the ${customCount} custom role(s) visible at the subscription grants wildcard or access-management actions at a broad scope.`, [evidence('owner-equivalent custom roles', 0, '0')])];
    }),
});
