import { checks } from '../../../src/checks/privileged-access';
import type { CheckDefinition } from '../../../src/checks/types';
import {
  addWorkspaceRoleAssignments,
  builtInRoleDefinitions,
  customRole,
  failedRead,
  hardenedSnapshot,
  KEY_VAULT_ID,
  noneLinked,
  ok,
  PRINCIPALS,
  REGISTRY_ID,
  RESOURCE_GROUP_SCOPE,
  ROLE,
  roleAssignment,
  STORAGE_ID,
  SUBSCRIPTION_SCOPE,
  WORKSPACE_ID,
  withKeyVault,
  withRoleAssignments,
  withRoleDefinitions,
  withWorkspace,
} from '../../support/snapshot-builder';
import { expectEvidence, resultFor, run, statuses } from '../harness';
import { azCommandProblem, azCommands } from '../../support/az-commands';

/** A fix command built at scan time is held to the same Azure CLI parameters as the written ones. */
const azProblems = (cli: string | undefined): (string | undefined)[] => azCommands(cli ?? '').map(azCommandProblem).filter((p) => p !== undefined);

const check = (id: string): CheckDefinition => {
  const found = checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found;
};

const SP = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
const USER = PRINCIPALS.alice;
const CUSTOM_OWNER_GUID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('privileged access checks on the hardened snapshot', () => {
  it.each(checks.map((c) => [c.id, c] as const))('%s does not fail', (_id, c) => {
    const s = statuses(run(c, hardenedSnapshot()));
    expect(s).not.toContain('fail');
    expect(s).not.toContain('error');
  });
});

describe('AML-PRA-001 service principals and the workspace identity at subscription scope', () => {
  const pra001 = check('AML-PRA-001');

  it('fails a service principal holding Contributor on the subscription, naming role and scope', () => {
    const a = roleAssignment(ROLE.contributor, SP, 'ServicePrincipal', SUBSCRIPTION_SCOPE);
    const r = resultFor(run(pra001, addWorkspaceRoleAssignments(hardenedSnapshot(), a)), a.id);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(new RegExp(`service principal ${SP} holds Contributor on subscription`));
    expectEvidence(r, 'role', 'Contributor');
    expectEvidence(r, 'scope', SUBSCRIPTION_SCOPE);
  });

  it('fails the workspace identity holding User Access Administrator, even from a management group', () => {
    const mg = '/providers/Microsoft.Management/managementGroups/contoso-platform';
    const a = roleAssignment(ROLE.userAccessAdministrator, PRINCIPALS.workspaceUami, 'ServicePrincipal', mg);
    const r = resultFor(run(pra001, addWorkspaceRoleAssignments(hardenedSnapshot(), a)), a.id);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/workspace's own managed identity.*User Access Administrator.*can grant itself any access/);
  });

  it('fails an owner-equivalent custom role resolved through roleDefinitions', () => {
    const defs = [...builtInRoleDefinitions(), customRole(CUSTOM_OWNER_GUID, 'Platform Automation', ['*'])];
    const a = roleAssignment(CUSTOM_OWNER_GUID, SP, 'ServicePrincipal', SUBSCRIPTION_SCOPE);
    const s = withRoleDefinitions(addWorkspaceRoleAssignments(hardenedSnapshot(), a), defs);
    expect(resultFor(run(pra001, s), a.id).message).toContain('Platform Automation');
  });

  it('resolves built-in names from the GUID table when role definitions could not be read', () => {
    const a = roleAssignment(ROLE.owner, SP, 'ServicePrincipal', SUBSCRIPTION_SCOPE);
    const s = hardenedSnapshot({ roleDefinitions: failedRead('forbidden', 403, 'Microsoft.Authorization/roleDefinitions/read', SUBSCRIPTION_SCOPE) });
    const r = resultFor(run(pra001, addWorkspaceRoleAssignments(s, a)), a.id);
    expect(r).toMatchObject({ status: 'fail' });
    expect(r.message).toContain('holds Owner');
  });

  it('does not pass when an unknown role is held at subscription scope and definitions are unreadable', () => {
    const a = roleAssignment(CUSTOM_OWNER_GUID, SP, 'ServicePrincipal', SUBSCRIPTION_SCOPE);
    const s = hardenedSnapshot({ roleDefinitions: failedRead('forbidden', 403, 'Microsoft.Authorization/roleDefinitions/read', SUBSCRIPTION_SCOPE) });
    expect(statuses(run(pra001, addWorkspaceRoleAssignments(s, a)))).toEqual(['error']);
  });

  it('ignores a Contributor service principal scoped to the resource group', () => {
    const a = roleAssignment(ROLE.contributor, SP, 'ServicePrincipal', RESOURCE_GROUP_SCOPE);
    expect(statuses(run(pra001, addWorkspaceRoleAssignments(hardenedSnapshot(), a)))).toEqual(['pass']);
  });

  it('reports error when role assignments could not be read', () => {
    const s = withRoleAssignments(hardenedSnapshot(), { workspace: failedRead('forbidden', 403, 'Microsoft.Authorization/roleAssignments/read', WORKSPACE_ID) });
    expect(statuses(run(pra001, s))).toEqual(['error']);
  });
});

describe('AML-PRA-002 key vault access policies', () => {
  const pra002 = check('AML-PRA-002');

  it('is not applicable under the RBAC model and when no vault is linked', () => {
    expect(statuses(run(pra002, hardenedSnapshot()))).toEqual(['not_applicable']);
    expect(statuses(run(pra002, hardenedSnapshot({ keyVault: noneLinked() })))).toEqual(['not_applicable']);
  });

  it('fails a policy granting All secrets and Purge keys, and passes narrow ones', () => {
    const s = withKeyVault(hardenedSnapshot(), {
      enableRbacAuthorization: false,
      accessPolicies: [
        { objectId: 'obj-wide', keys: ['Get', 'Purge'], secrets: ['all'], certificates: [] },
        { objectId: 'obj-narrow', keys: ['get', 'wrapKey', 'unwrapKey'], secrets: ['get', 'list'], certificates: [] },
      ],
    });
    const results = run(pra002, s);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'fail', resourceId: `${KEY_VAULT_ID}/accessPolicies/obj-wide` });
    expect(results[0]!.message).toContain('keys:Purge, secrets:all');
    const narrow = withKeyVault(hardenedSnapshot(), { enableRbacAuthorization: false, accessPolicies: [{ objectId: 'o', keys: ['get'], secrets: ['get'], certificates: [] }] });
    expect(statuses(run(pra002, narrow))).toEqual(['pass']);
  });

  it('reports error when the vault could not be read', () => {
    expect(statuses(run(pra002, hardenedSnapshot({ keyVault: failedRead('forbidden', 403, 'Microsoft.KeyVault/vaults/read', KEY_VAULT_ID) })))).toEqual(['error']);
  });

  it("builds each fix from the policy it found: the kinds holding All or Purge are set in full, without them", () => {
    const s = withKeyVault(hardenedSnapshot(), {
      enableRbacAuthorization: false,
      accessPolicies: [
        { objectId: 'obj-purger', keys: [], secrets: ['get', 'list', 'purge'], certificates: ['get'] },
        { objectId: 'obj-all', keys: ['all'], secrets: [], certificates: [] },
      ],
    });
    const results = run(pra002, s);
    const purger = resultFor(results, `${KEY_VAULT_ID}/accessPolicies/obj-purger`);
    // set-policy replaces only the kinds it is given: the certificates stay as they are, and no key permission is granted
    expect(purger.cli).toBe('az keyvault set-policy -n <vault> -g <rg> --object-id <object-id> --secret-permissions get list');
    // All was everything it held: the scan cannot know what it uses
    expect(resultFor(results, `${KEY_VAULT_ID}/accessPolicies/obj-all`).cli).toBe('az keyvault set-policy -n <vault> -g <rg> --object-id <object-id> --key-permissions <key-permissions-it-uses>');
  });

  it("keeps every permission but purge for the workspace's own identities, system- and user-assigned", () => {
    const s = withKeyVault(hardenedSnapshot(), {
      enableRbacAuthorization: false,
      accessPolicies: [
        { objectId: PRINCIPALS.workspaceSystem, keys: ['all'], secrets: ['all'], certificates: ['all'] },
        { objectId: PRINCIPALS.workspaceUami, keys: ['get', 'list', 'wrapKey', 'unwrapKey'], secrets: ['get', 'list', 'set', 'delete'], certificates: [] },
      ],
    });
    const results = run(pra002, s);
    const system = resultFor(results, `${KEY_VAULT_ID}/accessPolicies/${PRINCIPALS.workspaceSystem}`);
    expect(system.status).toBe('fail');
    expect(system.message).toContain("the workspace's managed identity");
    expect(system.message).toContain('Keep every permission except purge');
    expect(system.cli).toContain('--secret-permissions get list set delete recover backup restore --');
    expect(system.cli).toContain('--certificate-permissions get list');
    expect(system.cli).not.toMatch(/\bpurge\b/);
    expect(azProblems(system.cli)).toEqual([]);
    // narrower than Learn asks is not this check's finding (AML-PRA-005 checks the identity's required access)
    expect(results.filter((r) => r.resourceId.endsWith(PRINCIPALS.workspaceUami))).toEqual([]);
  });
});

describe('AML-PRA-003 custom roles', () => {
  const pra003 = check('AML-PRA-003');

  it.each([
    [['*'], 'owner-equivalent'],
    [['Microsoft.Authorization/*', '*/read'], 'owner-equivalent'],
    [['*/write'], 'owner-equivalent'],
  ])('fails a custom role with actions %j at subscription scope (%s)', (actions, kind) => {
    const role = customRole(CUSTOM_OWNER_GUID, 'Too Broad', actions);
    const r = resultFor(run(pra003, withRoleDefinitions(hardenedSnapshot(), [...builtInRoleDefinitions(), role])), role.id);
    expect(r.status).toBe('fail');
    expect(r.message).toContain(kind);
    expectEvidence(r, 'assignableScopes', SUBSCRIPTION_SCOPE);
  });

  it('calls a wildcard role that excludes authorization writes contributor-equivalent', () => {
    const role = { ...customRole(CUSTOM_OWNER_GUID, 'Almost Contributor', ['*']), notActions: ['Microsoft.Authorization/*/Write'] };
    const r = resultFor(run(pra003, withRoleDefinitions(hardenedSnapshot(), [role])), role.id);
    expect(r.message).toContain('contributor-equivalent');
  });

  it('passes a wildcard custom role assignable only to one resource group', () => {
    const role = customRole(CUSTOM_OWNER_GUID, 'RG Admin', ['*'], [RESOURCE_GROUP_SCOPE]);
    expect(statuses(run(pra003, withRoleDefinitions(hardenedSnapshot(), [role])))).toEqual(['pass']);
  });

  it('reports error when role definitions could not be read', () => {
    expect(statuses(run(pra003, hardenedSnapshot({ roleDefinitions: failedRead('forbidden', 403, 'Microsoft.Authorization/roleDefinitions/read', SUBSCRIPTION_SCOPE) })))).toEqual(['error']);
  });
});

describe('AML-PRA-004 privileged roles go to groups', () => {
  const pra004 = check('AML-PRA-004');

  it("creates the group's assignment before deleting the user's, so an only Owner is never removed first", () => {
    const cli = pra004.remediation.cli ?? '';
    expect(cli.indexOf('az role assignment create')).toBeGreaterThanOrEqual(0);
    expect(cli.indexOf('az role assignment create')).toBeLessThan(cli.indexOf('az role assignment delete'));
  });

  it.each([
    [ROLE.owner, SUBSCRIPTION_SCOPE, 'Owner', /subscription/],
    [ROLE.contributor, RESOURCE_GROUP_SCOPE, 'Contributor', /resource group rg-mlsec-prod/],
    [ROLE.amlDataScientist, WORKSPACE_ID, 'AzureML Data Scientist', /the workspace/],
  ])('fails a direct user assignment of %s', (role, scope, name, where) => {
    const a = roleAssignment(role, USER, 'User', scope);
    const r = resultFor(run(pra004, addWorkspaceRoleAssignments(hardenedSnapshot(), a)), a.id);
    expect(r.status).toBe('fail');
    expect(r.message).toContain(`User ${USER} holds ${name} directly`);
    expect(r.message).toMatch(where);
    expectEvidence(r, 'principalType', 'User');
  });

  it('passes a user holding Reader', () => {
    const a = roleAssignment(ROLE.reader, USER, 'User', WORKSPACE_ID);
    expect(statuses(run(pra004, addWorkspaceRoleAssignments(hardenedSnapshot(), a)))).toEqual(['pass']);
  });
});

describe('AML-PRA-005 workspace identity roles on its linked resources', () => {
  const pra005 = check('AML-PRA-005');

  it('gives one pass per linked resource on the hardened snapshot', () => {
    const results = run(pra005, hardenedSnapshot());
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([
      [STORAGE_ID, 'pass'],
      [KEY_VAULT_ID, 'pass'],
      [REGISTRY_ID, 'pass'],
    ]);
  });

  it('fails the vault when the identity lacks Key Vault Administrator under the RBAC model', () => {
    const s = withRoleAssignments(hardenedSnapshot(), { keyVault: ok([roleAssignment(ROLE.contributor, PRINCIPALS.workspaceUami, 'ServicePrincipal', KEY_VAULT_ID)]) });
    const r = resultFor(run(pra005, s), KEY_VAULT_ID);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/lacks Key Vault Administrator on key vault kv-ml-contoso-prod \(holds Contributor\)/);
    expectEvidence(r, 'roles held', 'Contributor');
  });

  it('does not need Key Vault Administrator on an access-policy vault', () => {
    const s = withRoleAssignments(withKeyVault(hardenedSnapshot(), { enableRbacAuthorization: false }), {
      keyVault: ok([roleAssignment(ROLE.contributor, PRINCIPALS.workspaceUami, 'ServicePrincipal', KEY_VAULT_ID)]),
    });
    expect(resultFor(run(pra005, s), KEY_VAULT_ID).status).toBe('pass');
  });

  it('fails storage when only another principal holds Contributor', () => {
    const s = withRoleAssignments(hardenedSnapshot(), { storageAccount: ok([roleAssignment(ROLE.contributor, SP, 'ServicePrincipal', STORAGE_ID)]) });
    const r = resultFor(run(pra005, s), STORAGE_ID);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('holds no role');
  });

  it('uses the system identity when there is no user-assigned one', () => {
    const systemId = 'aaaaaaaa-1111-4222-8333-444444444444';
    const s = withRoleAssignments(
      withWorkspace(hardenedSnapshot(), { identity: { type: 'SystemAssigned', principalId: systemId, tenantId: undefined, userAssigned: [] }, primaryUserAssignedIdentity: undefined }),
      { containerRegistry: ok([roleAssignment(ROLE.contributor, systemId, 'ServicePrincipal', REGISTRY_ID)]) },
    );
    const r = resultFor(run(pra005, s), REGISTRY_ID);
    expect(r.status).toBe('pass');
    expect(r.message).toContain('system-assigned identity');
  });

  it('is not applicable for a resource the workspace does not link, and error for an unreadable one', () => {
    const s = withRoleAssignments(withWorkspace(hardenedSnapshot(), { containerRegistryId: undefined }), {
      containerRegistry: noneLinked(),
      storageAccount: failedRead('forbidden', 403, 'Microsoft.Authorization/roleAssignments/read', STORAGE_ID),
    });
    expect(statuses(run(pra005, s))).toEqual(['error', 'pass', 'not_applicable']);
  });

  it('fails when the workspace has no identity', () => {
    const s = withWorkspace(hardenedSnapshot(), { identity: undefined, primaryUserAssignedIdentity: undefined });
    expect(statuses(run(pra005, s))).toEqual(['fail']);
  });
});

describe('AML-PRA-006 subscription owners', () => {
  const pra006 = check('AML-PRA-006');

  it('passes two owner groups', () => {
    const [r] = run(pra006, hardenedSnapshot());
    expect(r).toMatchObject({ status: 'pass', resourceId: SUBSCRIPTION_SCOPE });
    expectEvidence(r!, 'Owner principals at subscription scope or above', '2');
  });

  it('fails four owners', () => {
    const extra = ['11111111-0000-4000-8000-000000000001', '11111111-0000-4000-8000-000000000002'].map((p) => roleAssignment(ROLE.owner, p, 'User', SUBSCRIPTION_SCOPE));
    const [r] = run(pra006, addWorkspaceRoleAssignments(hardenedSnapshot(), ...extra));
    expect(r!.status).toBe('fail');
    expect(r!.message).toContain('4 Owner principals (more than 3)');
  });

  it('fails a foreign-group owner and a single owner', () => {
    const foreign = roleAssignment(ROLE.owner, '22222222-0000-4000-8000-000000000001', 'ForeignGroup', SUBSCRIPTION_SCOPE);
    expect(run(pra006, addWorkspaceRoleAssignments(hardenedSnapshot(), foreign))[0]!.message).toMatch(/foreign group/);
    const single = withRoleAssignments(hardenedSnapshot(), { workspace: ok([roleAssignment(ROLE.owner, PRINCIPALS.platformAdmins, 'Group', SUBSCRIPTION_SCOPE)]) });
    expect(run(pra006, single)[0]!.message).toMatch(/fewer than 2/);
  });

  it('fixes a single Owner by adding a group Owner, and too many by removing one', () => {
    const single = withRoleAssignments(hardenedSnapshot(), { workspace: ok([roleAssignment(ROLE.owner, PRINCIPALS.platformAdmins, 'Group', SUBSCRIPTION_SCOPE)]) });
    expect(run(pra006, single)[0]!.cli).toMatch(/^az role assignment create --assignee-object-id <group-object-id> --assignee-principal-type Group --role Owner /);
    const extra = ['11111111-0000-4000-8000-000000000001', '11111111-0000-4000-8000-000000000002'].map((p) => roleAssignment(ROLE.owner, p, 'User', SUBSCRIPTION_SCOPE));
    const many = run(pra006, addWorkspaceRoleAssignments(hardenedSnapshot(), ...extra))[0]!;
    expect(many.cli).toBeUndefined();
    expect(azProblems(run(pra006, single)[0]!.cli)).toEqual([]);
    expect(pra006.remediation.cli).toMatch(/^az role assignment delete /);
  });
});
