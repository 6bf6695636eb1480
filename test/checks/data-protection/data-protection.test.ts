import dp001 from '../../../src/checks/data-protection/aml-dp-001-workspace-cmk';
import dp002 from '../../../src/checks/data-protection/aml-dp-002-hbi-workspace';
import dp003 from '../../../src/checks/data-protection/aml-dp-003-key-vault-recoverable';
import dp004 from '../../../src/checks/data-protection/aml-dp-004-storage-secure-transport';
import dp005 from '../../../src/checks/data-protection/aml-dp-005-storage-no-anonymous-blob';
import dp006 from '../../../src/checks/data-protection/aml-dp-006-storage-no-cross-tenant-replication';
import dp007 from '../../../src/checks/data-protection/aml-dp-007-storage-registry-cmk';
import dp008 from '../../../src/checks/data-protection/aml-dp-008-registry-export-disabled';
import dp009 from '../../../src/checks/data-protection/aml-dp-009-cmk-key-rotation';
import dp010 from '../../../src/checks/data-protection/aml-dp-010-approved-registry-models';
import { checks } from '../../../src/checks/data-protection';
import {
  CMK_KEY_ID,
  KEY_VAULT_ID,
  REGISTRY_ID,
  STORAGE_ID,
  WORKSPACE_ID,
  failedRead,
  hardenedSnapshot,
  noneLinked,
  onlineDeployment,
  policyAssignment,
  withCmkKey,
  withDeployments,
  withKeyVault,
  withPolicyAssignments,
  withRegistry,
  withStorage,
  withWorkspace,
} from '../../support/snapshot-builder';
import { actual, single } from './_helpers';

const plain = { encryption: { status: undefined, keyIdentifier: undefined, keyVaultArmId: undefined }, hbiWorkspace: false, tags: { owner: 'ml' } };

describe('data-protection index', () => {
  it('lists the ten checks in id order', () => {
    expect(checks.map((c) => c.id)).toEqual([dp001, dp002, dp003, dp004, dp005, dp006, dp007, dp008, dp009, dp010].map((c) => c.id));
    expect(checks.map((c) => c.id)).toEqual([...checks.map((c) => c.id)].sort());
  });
});

describe('AML-DP-001 workspace CMK', () => {
  it('passes with a customer-managed key and shows the key', () => {
    const r = single(dp001.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(actual(r, 'properties.encryption.status')).toBe('Enabled');
    expect(actual(r, 'properties.encryption.keyVaultProperties.keyIdentifier')).toContain('/keys/cmk-mlw/');
  });
  it('fails when the workspace is tagged confidential but uses Microsoft-managed keys', () => {
    const r = single(dp001.evaluate(withWorkspace(hardenedSnapshot(), { ...plain, tags: { 'Data-Classification': 'Confidential' } })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Data-Classification=Confidential');
    expect(actual(r, 'properties.encryption.status')).toBe('not set');
  });
  it('fails when flagged HBI without CMK', () => {
    const r = single(dp001.evaluate(withWorkspace(hardenedSnapshot(), { ...plain, hbiWorkspace: true })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('high-business-impact');
  });
  it('asks for a manual decision when nothing says the data is sensitive', () => {
    const r = single(dp001.evaluate(withWorkspace(hardenedSnapshot(), plain)));
    expect(r.status).toBe('manual');
    expect(r.message).toContain('Microsoft-managed keys');
  });
  it('is not applicable to a project workspace', () => {
    expect(single(dp001.evaluate(withWorkspace(hardenedSnapshot(), { ...plain, kind: 'Project' }))).status).toBe('not_applicable');
  });
  it('is an error, never a pass, when the workspace read failed', () => {
    const r = single(dp001.evaluate(hardenedSnapshot({ workspace: failedRead('forbidden') })));
    expect(r.status).toBe('error');
    expect(r.message).toContain('Microsoft.MachineLearningServices/workspaces/read');
  });
});

describe('AML-DP-002 HBI workspace', () => {
  it('passes when flagged high business impact', () => {
    const r = single(dp002.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(actual(r, 'properties.hbiWorkspace')).toBe('true');
  });
  it('fails when tagged sensitive but not flagged', () => {
    const r = single(dp002.evaluate(withWorkspace(hardenedSnapshot(), { hbiWorkspace: undefined, tags: { classification: 'Restricted' } })));
    expect(r.status).toBe('fail');
    expect(actual(r, 'properties.hbiWorkspace')).toBe('not set');
    expect(r.message).toContain('classification=Restricted');
  });
  it('is manual when no classification says the data is sensitive', () => {
    const r = single(dp002.evaluate(withWorkspace(hardenedSnapshot(), { hbiWorkspace: false, tags: { dataClassification: 'Public' } })));
    expect(r.status).toBe('manual');
  });
  it('is an error when the workspace read failed', () => {
    expect(single(dp002.evaluate(hardenedSnapshot({ workspace: failedRead('server') }))).status).toBe('error');
  });
});

describe('AML-DP-003 Key Vault recoverable', () => {
  it('passes with soft delete and purge protection on the linked vault', () => {
    const r = single(dp003.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: KEY_VAULT_ID });
  });
  it('fails when purge protection is not set (absent means off)', () => {
    const r = single(dp003.evaluate(withKeyVault(hardenedSnapshot(), { enablePurgeProtection: undefined })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('purge protection');
    expect(actual(r, 'properties.enablePurgeProtection')).toBe('not set');
  });
  it('names both gaps', () => {
    const r = single(dp003.evaluate(withKeyVault(hardenedSnapshot(), { enableSoftDelete: false, enablePurgeProtection: false })));
    expect(r.message).toContain('soft delete and purge protection');
  });
  it('is not applicable when the workspace names no vault', () => {
    expect(single(dp003.evaluate(hardenedSnapshot({ keyVault: noneLinked() }))).status).toBe('not_applicable');
  });
  it('is an error when the vault read failed', () => {
    const r = single(dp003.evaluate(hardenedSnapshot({ keyVault: failedRead('forbidden', 403, 'Microsoft.KeyVault/vaults/read', KEY_VAULT_ID) })));
    expect(r.status).toBe('error');
    expect(r.message).toContain('Microsoft.KeyVault/vaults/read');
  });
});

describe('AML-DP-004 storage secure transport', () => {
  it('passes with HTTPS only and TLS 1.2', () => {
    const r = single(dp004.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: STORAGE_ID });
    expect(actual(r, 'properties.minimumTlsVersion')).toBe('TLS1_2');
  });
  it('accepts TLS 1.3', () => {
    expect(single(dp004.evaluate(withStorage(hardenedSnapshot(), { minimumTlsVersion: 'TLS1_3' }))).status).toBe('pass');
  });
  it('fails on TLS 1.0 and plain HTTP', () => {
    const r = single(dp004.evaluate(withStorage(hardenedSnapshot(), { minimumTlsVersion: 'TLS1_0', supportsHttpsTrafficOnly: false })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('plain HTTP');
    expect(r.message).toContain('TLS1_0');
  });
  it('fails when the minimum TLS version is not set', () => {
    const r = single(dp004.evaluate(withStorage(hardenedSnapshot(), { minimumTlsVersion: undefined })));
    expect(r.status).toBe('fail');
    expect(actual(r, 'properties.minimumTlsVersion')).toBe('not set');
  });
  it('is not applicable without storage and an error on a failed read', () => {
    expect(single(dp004.evaluate(hardenedSnapshot({ storageAccount: noneLinked() }))).status).toBe('not_applicable');
    expect(single(dp004.evaluate(hardenedSnapshot({ storageAccount: failedRead('forbidden', 403, 'Microsoft.Storage/storageAccounts/read', STORAGE_ID) }))).status).toBe('error');
  });
});

describe('AML-DP-005 storage anonymous blob access', () => {
  it('passes when anonymous access is disabled', () => {
    expect(single(dp005.evaluate(hardenedSnapshot())).status).toBe('pass');
  });
  it('fails when the property is absent (older accounts allow it)', () => {
    const r = single(dp005.evaluate(withStorage(hardenedSnapshot(), { allowBlobPublicAccess: undefined })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('not set');
    expect(actual(r, 'properties.allowBlobPublicAccess')).toBe('not set');
  });
  it('fails when allowed', () => {
    expect(single(dp005.evaluate(withStorage(hardenedSnapshot(), { allowBlobPublicAccess: true }))).status).toBe('fail');
  });
  it('is an error on a failed read', () => {
    expect(single(dp005.evaluate(hardenedSnapshot({ storageAccount: failedRead('timeout') }))).status).toBe('error');
  });
});

describe('AML-DP-006 cross-tenant replication', () => {
  it('passes when forbidden', () => {
    const r = single(dp006.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(actual(r, 'properties.allowCrossTenantReplication')).toBe('false');
  });
  it('fails when absent', () => {
    const r = single(dp006.evaluate(withStorage(hardenedSnapshot(), { allowCrossTenantReplication: undefined })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('other tenants');
  });
  it('is not applicable without storage', () => {
    expect(single(dp006.evaluate(hardenedSnapshot({ storageAccount: noneLinked() }))).status).toBe('not_applicable');
  });
});

describe('AML-DP-007 storage and registry CMK', () => {
  it('passes for both linked resources when both use CMK', () => {
    const results = dp007.evaluate(hardenedSnapshot());
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([
      [STORAGE_ID, 'pass'],
      [REGISTRY_ID, 'pass'],
    ]);
  });
  it('fails the storage account when the workspace itself uses CMK', () => {
    const results = dp007.evaluate(withStorage(hardenedSnapshot(), { encryptionKeySource: 'Microsoft.Storage' }));
    const storage = results.find((r) => r.resourceId === STORAGE_ID)!;
    expect(storage.status).toBe('fail');
    expect(storage.message).toContain('the workspace itself uses a customer-managed key');
    expect(actual(storage, 'properties.encryption.keySource')).toBe('Microsoft.Storage');
  });
  it('fails the registry when the workspace is sensitive', () => {
    const snapshot = withRegistry(withWorkspace(hardenedSnapshot(), { ...plain, hbiWorkspace: true }), { encryptionStatus: 'disabled' });
    const registry = dp007.evaluate(snapshot).find((r) => r.resourceId === REGISTRY_ID)!;
    expect(registry.status).toBe('fail');
    expect(registry.message).toContain('high business impact');
  });
  it('is manual for both when nothing requires CMK', () => {
    const snapshot = withRegistry(withStorage(withWorkspace(hardenedSnapshot(), plain), { encryptionKeySource: 'Microsoft.Storage' }), { encryptionStatus: 'disabled' });
    expect(dp007.evaluate(snapshot).map((r) => r.status)).toEqual(['manual', 'manual']);
  });
  it('gives not_applicable for a missing registry and error for a failed storage read', () => {
    const results = dp007.evaluate(hardenedSnapshot({ containerRegistry: noneLinked(), storageAccount: failedRead('forbidden', 403, 'Microsoft.Storage/storageAccounts/read', STORAGE_ID) }));
    expect(results.map((r) => r.status)).toEqual(['error', 'not_applicable']);
  });
  it('is an error when the workspace read failed', () => {
    expect(single(dp007.evaluate(hardenedSnapshot({ workspace: failedRead() }))).status).toBe('error');
  });
});

describe('AML-DP-008 registry export', () => {
  it('passes when export and public network are disabled', () => {
    const r = single(dp008.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: REGISTRY_ID });
  });
  it('fails when exports are allowed (absent = enabled)', () => {
    const r = single(dp008.evaluate(withRegistry(hardenedSnapshot(), { exportPolicyStatus: undefined })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('exported');
    expect(actual(r, 'properties.policies.exportPolicy.status')).toBe('not set');
  });
  it('fails when exports are off but the registry is public', () => {
    const r = single(dp008.evaluate(withRegistry(hardenedSnapshot(), { publicNetworkAccess: 'Enabled' })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('public networks');
  });
  it('is not applicable without a registry', () => {
    expect(single(dp008.evaluate(hardenedSnapshot({ containerRegistry: noneLinked() }))).status).toBe('not_applicable');
  });
  it('upgrades a Basic or Standard registry to Premium before the commands only Premium accepts', () => {
    const basic = single(dp008.evaluate(withRegistry(hardenedSnapshot(), { sku: 'Basic', exportPolicyStatus: undefined })));
    expect(basic.message).toContain('Basic SKU has no export policy');
    expect(basic.cli).toBe(`az acr update -n <registry> --sku Premium && ${dp008.remediation.cli ?? ''}`);
    // a Premium registry gets the check's own command
    expect(single(dp008.evaluate(withRegistry(hardenedSnapshot(), { sku: 'Premium', exportPolicyStatus: undefined }))).cli).toBeUndefined();
  });
});

describe('AML-DP-009 CMK rotation', () => {
  it('passes with auto-rotation and a distant expiry', () => {
    const r = single(dp009.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: CMK_KEY_ID });
    expect(actual(r, 'attributes.exp')).toBe('2030-01-01T00:00:00.000Z');
  });
  it('fails without rotation', () => {
    const r = single(dp009.evaluate(withCmkKey(hardenedSnapshot(), { rotationEnabled: false, rotateAfter: undefined })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('no automatic rotation');
  });
  it('fails when the key expires within 30 days of the scan, even with rotation', () => {
    const soon = Date.parse('2026-03-12T00:00:00Z') / 1000;
    const r = single(dp009.evaluate(withCmkKey(hardenedSnapshot(), { expires: soon })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('2026-03-12');
  });
  it('is not applicable when the workspace uses no CMK', () => {
    expect(single(dp009.evaluate(hardenedSnapshot({ cmkKey: noneLinked() }))).status).toBe('not_applicable');
  });
  it('is an error when the key read failed', () => {
    expect(single(dp009.evaluate(hardenedSnapshot({ cmkKey: failedRead('forbidden', 403, 'Microsoft.KeyVault/vaults/keys/read', KEY_VAULT_ID) }))).status).toBe('error');
  });
});

describe('AML-DP-010 approved registry models', () => {
  const denyPolicy = { ...policyAssignment('19539b54-c61e-4196-9a38-67598701be90', 'Restrict registry models'), parameters: { allowedRegistryName: 'mlr-contoso-prod', effect: 'Deny' } };
  it('passes when the Deny policy is assigned with effect Deny', () => {
    const r = single(dp010.evaluate(withPolicyAssignments(hardenedSnapshot(), [denyPolicy])));
    expect(r.status).toBe('pass');
    expect(actual(r, 'allowedRegistryName')).toBe('mlr-contoso-prod');
  });
  it('fails a deployment already serving a model from another registry: the Deny policy only blocks new ones', () => {
    const other = onlineDeployment({ modelId: 'azureml://registries/mlr-untrusted/models/churn/versions/3' });
    const results = dp010.evaluate(withPolicyAssignments(withDeployments(hardenedSnapshot(), [onlineDeployment(), other]), [denyPolicy]));
    const failed = results.filter((x) => x.status === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('mlr-untrusted');
    expect(failed[0]!.resourceId).toBe(other.id);
  });
  it('is manual when the policy is assigned with effect Disabled', () => {
    const r = single(dp010.evaluate(withPolicyAssignments(hardenedSnapshot(), [{ ...denyPolicy, parameters: { effect: 'Disabled' } }])));
    expect(r.status).toBe('manual');
    expect(r.message).toContain('ep-churn-scoring/blue');
  });
  it('is manual when the policy is DoNotEnforce', () => {
    expect(single(dp010.evaluate(withPolicyAssignments(hardenedSnapshot(), [{ ...denyPolicy, enforcementMode: 'DoNotEnforce' }]))).status).toBe('manual');
  });
  it('is not applicable without deployments', () => {
    expect(single(dp010.evaluate(withDeployments(hardenedSnapshot(), []))).status).toBe('not_applicable');
  });
  it('is an error when deployments cannot be read', () => {
    expect(dp010.evaluate(hardenedSnapshot({ onlineDeployments: failedRead('forbidden') })).map((x) => x.status)).toEqual(['error']);
    expect(dp010.evaluate(hardenedSnapshot({ policyAssignments: failedRead('forbidden') })).map((x) => x.status)).toEqual(['error']);
  });
  it('lists deployed models for the manual review', () => {
    const r = single(dp010.evaluate(withDeployments(hardenedSnapshot(), [onlineDeployment({ modelId: 'azureml://registries/unknown/models/x/versions/1' })])));
    expect(r.message).toContain('azureml://registries/unknown');
    expect(r.resourceId).toBe(WORKSPACE_ID);
  });
});
