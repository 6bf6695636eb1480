import { defineCheck, evidence, fail, notApplicable, notAssessed, pass, withReads } from '../define';
import type { CheckResult } from '../types';
import type { Linked, RoleAssignment, Workspace, WorkspaceSnapshot } from '../../azure/snapshot';
import { BUILT_IN_ROLE_IDS, primaryWorkspacePrincipal, roleCatalogOf, type RoleCatalog, type WorkspacePrincipal } from '../rbac';

/**
 * The roles Microsoft Learn documents for the workspace identity ("how-to-identity-based-service-authentication",
 * user-assigned identity section): Contributor on the storage account, the key vault and the container
 * registry, plus Key Vault Administrator on a vault that uses the RBAC permission model. Owner also satisfies
 * the control-plane need. Storage Blob Data Contributor is optional (studio data preview), so it is not required.
 */
const CONTROL_PLANE = new Set<string>([BUILT_IN_ROLE_IDS.contributor, BUILT_IN_ROLE_IDS.owner]);

interface Target {
  readonly kind: string;
  readonly resourceId: string | undefined;
  readonly assignments: Linked<readonly RoleAssignment[]>;
  /** Data-plane role GUIDs of which at least one is needed, with their label. */
  readonly dataPlane?: { readonly roles: ReadonlySet<string>; readonly label: string };
}

function rolesHeld(assignments: readonly RoleAssignment[], principal: WorkspacePrincipal, roles: RoleCatalog): string[] {
  return assignments.filter((a) => a.principalId.toLowerCase() === principal.principalId).map((a) => roles.resolve(a.roleDefinitionId).guid);
}

function judge(target: Target, ws: Workspace, principal: WorkspacePrincipal, roles: RoleCatalog): CheckResult {
  const { assignments } = target;
  if (!assignments.ok) return notAssessed(assignments.error);
  if (assignments.value === null || target.resourceId === undefined) return notApplicable(ws.id, `Workspace ${ws.name} names no ${target.kind}.`);
  const held = rolesHeld(assignments.value, principal, roles);
  const names = held.map((g) => roles.resolve(g).name);
  const hasControl = held.some((g) => CONTROL_PLANE.has(g));
  const hasData = target.dataPlane === undefined || held.some((g) => target.dataPlane?.roles.has(g) === true);
  const expected = ['Contributor', ...(target.dataPlane !== undefined ? [target.dataPlane.label] : [])].join(' + ');
  const facts = [
    evidence('principalId', principal.principalId, `the workspace ${principal.label}`),
    evidence('roles held', names.length > 0 ? names.join(', ') : 'none', expected),
  ];
  const name = target.resourceId.split('/').pop() ?? target.resourceId;
  if (hasControl && hasData) return pass(target.resourceId, `The workspace ${principal.label} holds ${names.join(', ')} on ${target.kind} ${name}.`, facts);
  const missing = [...(hasControl ? [] : ['Contributor']), ...(hasData || target.dataPlane === undefined ? [] : [target.dataPlane.label])];
  return fail(target.resourceId, `The workspace ${principal.label} lacks ${missing.join(' and ')} on ${target.kind} ${name} (holds ${names.length > 0 ? names.join(', ') : 'no role'}).`, facts);
}

function targets(snapshot: WorkspaceSnapshot, ws: Workspace): { readonly error: CheckResult } | { readonly list: readonly Target[] } {
  const vault = snapshot.keyVault;
  // The vault's permission model decides whether a data-plane role is needed: unknown model, no verdict.
  if (!vault.ok) return { error: notAssessed(vault.error) };
  const rbacVault = vault.value?.enableRbacAuthorization === true;
  const list: readonly Target[] = [
    { kind: 'storage account', resourceId: ws.storageAccountId, assignments: snapshot.roleAssignments.storageAccount },
    {
      kind: 'key vault',
      resourceId: ws.keyVaultId,
      assignments: snapshot.roleAssignments.keyVault,
      ...(rbacVault ? { dataPlane: { roles: new Set<string>([BUILT_IN_ROLE_IDS.keyVaultAdministrator]), label: 'Key Vault Administrator' } } : {}),
    },
    { kind: 'container registry', resourceId: ws.containerRegistryId, assignments: snapshot.roleAssignments.containerRegistry },
  ];
  return { list };
}

export default defineCheck({
  id: 'AML-PRA-005',
  slug: 'aml-pra-005-workspace-identity-required-roles',
  title: 'The workspace identity holds its documented roles on its storage, key vault and registry',
  category: 'privileged-access',
  severity: 'medium',
  resourceType: 'Microsoft.Authorization/roleAssignments',
  mcsb: ['IM-3', 'PA-7'],
  workshopQuestions: ['PA-02', 'IM-01'],
  areas: ['rbac'],
  risk:
    'When the workspace identity lacks its roles, teams "fix" failing jobs by re-enabling account keys, the registry admin user or broad human access, undoing the hardening elsewhere. Granting exactly the documented roles to the workspace identity keeps the service working on identity-based access alone.',
  remediation: {
    portal: [
      'Open each linked resource (storage account, key vault, container registry), select Access control (IAM) and add a role assignment for the workspace managed identity.',
      'Grant Contributor on each, plus Key Vault Administrator on a vault that uses the RBAC permission model.',
    ],
    cli: 'az role assignment create --assignee-object-id <workspace-identity-principal-id> --assignee-principal-type ServicePrincipal --role Contributor --scope <linked-resource-id>',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-identity-based-service-authentication?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, (ws) => {
      const principal = primaryWorkspacePrincipal(ws);
      if (principal === undefined) {
        return [fail(ws.id, `Workspace ${ws.name} has no managed identity with a known principal id, so it cannot hold the roles it needs.`, [evidence('identity.type', ws.identity?.type, 'UserAssigned or SystemAssigned')])];
      }
      const planned = targets(snapshot, ws);
      if ('error' in planned) return [planned.error];
      const roles = roleCatalogOf(snapshot.roleDefinitions);
      return planned.list.map((t) => judge(t, ws, principal, roles));
    }),
});
