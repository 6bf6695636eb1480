/**
 * Which reads a changed resource can affect: the workspace (everything), its children, its linked resources as
 * the last report names them, and extension resources at a scope that covers them; anything else, nothing.
 */
import { affectedReads, checksAffected, watchedWorkspaceOf, type AffectedReads } from '../../src/events/affected-reads';
import { readsOfCheck } from '../../src/checks/check-reads';
import { allChecks } from '../../src/checks/registry';
import { finding, report, WS_ID } from '../notifications/helpers';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const RG = `${SUB}/resourceGroups/rg-ml`;
const STORAGE = `${RG}/providers/Microsoft.Storage/storageAccounts/stml`;
const VAULT = `${RG}/providers/Microsoft.KeyVault/vaults/kv-ml`;
const watched = watchedWorkspaceOf(report([finding('AML-NET-010', 'pass', { resourceId: STORAGE }), finding('AML-NET-011', 'fail', { resourceId: `${VAULT}/keys/cmk` }), finding('AML-NET-001', 'fail')]));

const reads = (id: string): string[] | 'all' => {
  const r: AffectedReads = affectedReads(id, watched);
  return r === 'all' ? 'all' : [...r].sort();
};

describe('reads a change can affect', () => {
  it('knows the linked resources from the findings of the last report', () => {
    expect(watched).toEqual({ workspaceId: WS_ID, linked: { storageAccount: STORAGE.toLowerCase(), keyVault: VAULT.toLowerCase() } });
  });

  it.each([
    ['the workspace itself', WS_ID, 'all'],
    ['a compute of the workspace', `${WS_ID}/computes/cpu`, ['computes']],
    ['a deployment of an endpoint', `${WS_ID}/onlineEndpoints/ep/deployments/blue`, ['onlineDeployments']],
    ['the linked storage account, in another case', STORAGE.toUpperCase(), ['storageAccount']],
    ['its blob service', `${STORAGE}/blobServices/default`, ['blobService']],
    ['a key in the linked vault', `${VAULT}/keys/cmk`, ['cmkKey']],
    ['a role assignment on the resource group', `${RG}/providers/Microsoft.Authorization/roleAssignments/1`, ['roleAssignments.keyVault', 'roleAssignments.storageAccount', 'roleAssignments.workspace']],
    ['a role assignment on the storage account only', `${STORAGE}/providers/Microsoft.Authorization/roleAssignments/2`, ['roleAssignments.storageAccount']],
    ['a policy assignment on the subscription', `${SUB}/providers/Microsoft.Authorization/policyAssignments/p`, ['policyAssignments', 'policyStates']],
    ['a diagnostic setting of the workspace', `${WS_ID}/providers/Microsoft.Insights/diagnosticSettings/d`, ['diagnostics.workspace']],
    ['the activity log export of the subscription', `${SUB}/providers/Microsoft.Insights/diagnosticSettings/d`, ['diagnostics.subscription']],
    ['a Defender plan', `${SUB}/providers/Microsoft.Security/pricings/StorageAccounts`, ['defenderPlans']],
    ['an ML registry in another resource group of the subscription', `${SUB}/resourceGroups/rg-shared-assets/providers/Microsoft.MachineLearningServices/registries/mlr-shared`, ['mlRegistries']],
  ])('%s', (_, id, expected) => {
    expect(reads(id)).toEqual(expected);
  });

  it.each([
    ['another storage account', `${RG}/providers/Microsoft.Storage/storageAccounts/other`],
    ['a role assignment on another resource group', `${SUB}/resourceGroups/rg-other/providers/Microsoft.Authorization/roleAssignments/3`],
    ['a virtual machine', `${RG}/providers/Microsoft.Compute/virtualMachines/vm`],
    ['an ML registry in another subscription', '/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/registries/mlr'],
    ['another subscription\'s Defender plan', '/subscriptions/00000000-0000-0000-0000-000000000002/providers/Microsoft.Security/pricings/VirtualMachines'],
  ])('nothing for %s', (_, id) => {
    expect(reads(id)).toEqual([]);
  });

  it('picks exactly the checks whose reads meet the change, from the read table', () => {
    const chosen = checksAffected(allChecks, new Set(['storageAccount'])).map((c) => c.id);
    expect(chosen).toContain('AML-NET-010');
    expect(chosen).not.toContain('AML-NET-001');
    for (const id of chosen) expect([...(readsOfCheck(id) ?? ['storageAccount'])]).toContain('storageAccount');
    expect(checksAffected(allChecks, 'all')).toHaveLength(allChecks.length);
    expect(checksAffected(allChecks, new Set())).toEqual([]);
  });
});
