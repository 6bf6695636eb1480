import { defineCheck, evidence, fail, notAssessed, pass, withReads } from '../define';
import type { CheckResult } from '../types';
import { describeScope, isBroadScope, isUnresolved, isWorkspacePrincipal, privilegeOf, roleCatalogOf } from '../rbac';

/**
 * Service principals (managed identities included: ARM reports them as `ServicePrincipal`) and the workspace's
 * own identity must not hold Owner, Contributor, User Access Administrator, RBAC Administrator or an
 * owner-equivalent custom role at subscription scope or above. Prowler flags only UAA; no anchor covers the
 * workspace identity.
 */
export default defineCheck({
  id: 'AML-PRA-001',
  slug: 'aml-pra-001-no-privileged-service-principals-at-subscription',
  title: 'No service principal or workspace identity holds Owner, Contributor or access-admin roles at subscription scope',
  category: 'privileged-access',
  severity: 'high',
  resourceType: 'Microsoft.Authorization/roleAssignments',
  mcsb: ['PA-1', 'PA-7'],
  workshopQuestions: ['PA-01', 'PA-02'],
  areas: ['rbac'],
  risk:
    'Code runs as a service principal or managed identity, so anyone who can change a training script, pipeline or deployment can act with that identity: with Owner or Contributor on the subscription, a compromised job can change or delete every resource, and with an access-admin role it can grant itself anything. Scope automation identities to the resource group or resources they manage.',
  remediation: {
    portal: [
      'Open the subscription, select Access control (IAM), then Role assignments, and filter by the principal.',
      'Add a narrower assignment (a specific role on the resource group or resource the identity needs), then remove the subscription-scope assignment.',
    ],
    cli: 'az role assignment delete --assignee <principal-id> --role "<role>" --scope /subscriptions/<subscription-id>',
    url: 'https://learn.microsoft.com/azure/role-based-access-control/best-practices',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.roleAssignments.workspace, (ws, assignments) => {
      const roles = roleCatalogOf(snapshot.roleDefinitions);
      const results: CheckResult[] = [];
      let unresolved = 0;
      for (const a of assignments) {
        if (!isBroadScope(a.scope)) continue;
        const ownIdentity = isWorkspacePrincipal(ws, a.principalId);
        if (!ownIdentity && a.principalType !== 'ServicePrincipal') continue;
        const role = roles.resolve(a.roleDefinitionId);
        if (isUnresolved(role)) unresolved += 1;
        const privilege = privilegeOf(role);
        if (privilege === undefined) continue;
        const who = ownIdentity ? `the workspace's own managed identity (${a.principalId})` : `service principal ${a.principalId}`;
        const power = privilege === 'takeover' ? 'can grant itself any access' : 'can change or delete every resource';
        results.push(
          fail(a.id, `${who} holds ${role.name} on ${describeScope(a.scope, ws.id)}, so it ${power} there.`, [
            evidence('principalId', a.principalId, 'not a service principal or managed identity'),
            evidence('principalType', a.principalType, 'User or Group (reviewed separately)'),
            evidence('role', role.name, 'a narrower role'),
            evidence('scope', a.scope, 'a resource group or resource'),
          ]),
        );
      }
      if (results.length > 0) return results;
      // Unknown role GUIDs could be owner-equivalent custom roles: without their definitions, do not pass.
      if (unresolved > 0 && !snapshot.roleDefinitions.ok) return [notAssessed(snapshot.roleDefinitions.error)];
      return [pass(ws.id, `No service principal or workspace identity holds a privileged role at subscription scope or above for workspace ${ws.name}.`, [evidence('privileged service-principal assignments at subscription scope', 0, '0')])];
    }),
});
