import { BUILT_IN_ROLE_IDS, customPrivilege, describeScope, isBroadScope, primaryWorkspacePrincipal, RoleCatalog, roleGuid, scopeLevel, workspacePrincipals } from '../../../src/checks/rbac';
import { customRole, hardenedWorkspace, RESOURCE_GROUP_SCOPE, SUBSCRIPTION_SCOPE, UAMI_ID, WORKSPACE_ID } from '../../support/snapshot-builder';

describe('rbac helpers', () => {
  it('extracts the GUID from subscription- and tenant-scoped role definition ids', () => {
    expect(roleGuid(`${SUBSCRIPTION_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/B24988AC-6180-42A0-AB88-20F7382DD24C`)).toBe(BUILT_IN_ROLE_IDS.contributor);
    expect(roleGuid(`/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS.owner}`)).toBe(BUILT_IN_ROLE_IDS.owner);
  });

  it('prefers the snapshot definition, falls back to the built-in table, and labels unknown roles', () => {
    const custom = customRole('12345678-1234-4123-8123-123456789abc', 'Custom Ops', ['Microsoft.Compute/*/read']);
    const catalog = new RoleCatalog([custom]);
    expect(catalog.resolve(custom.id).name).toBe('Custom Ops');
    expect(catalog.resolve(`/x/roleDefinitions/${BUILT_IN_ROLE_IDS.userAccessAdministrator}`).name).toBe('User Access Administrator');
    expect(catalog.resolve('/x/roleDefinitions/00000000-0000-4000-8000-000000000000').name).toBe('role 00000000-0000-4000-8000-000000000000');
  });

  it('classifies scopes', () => {
    expect(scopeLevel('/')).toBe('root');
    expect(scopeLevel('/providers/Microsoft.Management/managementGroups/mg1')).toBe('management-group');
    expect(scopeLevel(SUBSCRIPTION_SCOPE)).toBe('subscription');
    expect(scopeLevel(RESOURCE_GROUP_SCOPE)).toBe('resource-group');
    expect(scopeLevel(WORKSPACE_ID)).toBe('resource');
    expect(isBroadScope(`${SUBSCRIPTION_SCOPE}/`)).toBe(true);
    expect(isBroadScope(RESOURCE_GROUP_SCOPE)).toBe(false);
    expect(describeScope(WORKSPACE_ID.toUpperCase(), WORKSPACE_ID)).toBe('the workspace');
    expect(describeScope(RESOURCE_GROUP_SCOPE)).toBe('resource group rg-mlsec-prod');
  });

  it('finds the workspace principals and picks the primary user-assigned identity', () => {
    const ws = hardenedWorkspace({
      identity: { type: 'SystemAssigned,UserAssigned', principalId: 'AAAA0000-0000-4000-8000-000000000001', tenantId: undefined, userAssigned: [{ resourceId: UAMI_ID, principalId: 'bbbb0000-0000-4000-8000-000000000002' }] },
    });
    expect(workspacePrincipals(ws).map((p) => p.principalId)).toEqual(['aaaa0000-0000-4000-8000-000000000001', 'bbbb0000-0000-4000-8000-000000000002']);
    expect(primaryWorkspacePrincipal(ws)?.principalId).toBe('bbbb0000-0000-4000-8000-000000000002');
  });

  it('judges custom roles by their effective actions', () => {
    expect(customPrivilege(customRole('a', 'r', ['Microsoft.MachineLearningServices/workspaces/*/read']))).toBeUndefined();
    expect(customPrivilege(customRole('a', 'r', ['Microsoft.Authorization/roleAssignments/write']))).toBe('takeover');
    expect(customPrivilege({ ...customRole('a', 'r', ['*']), notActions: ['*'] })).toBeUndefined();
  });
});
