import br001 from '../../../src/checks/backup-recovery/aml-br-001-storage-blob-recovery';
import br002 from '../../../src/checks/backup-recovery/aml-br-002-registry-soft-delete';
import br003 from '../../../src/checks/backup-recovery/aml-br-003-workspace-soft-delete';
import br004 from '../../../src/checks/backup-recovery/aml-br-004-storage-geo-redundant';
import br005 from '../../../src/checks/backup-recovery/aml-br-005-key-vault-retention';
import { checks } from '../../../src/checks/backup-recovery';
import type { Workspace } from '../../../src/azure/snapshot';
import {
  KEY_VAULT_ID,
  REGISTRY_ID,
  STORAGE_ID,
  TENANT_ID,
  WORKSPACE_ID,
  failedRead,
  hardenedSnapshot,
  noneLinked,
  withBlobService,
  withKeyVault,
  withRegistry,
  withStorage,
  withWorkspace,
} from '../../support/snapshot-builder';
import { actual, single } from './_helpers';

const bothIdentities = { type: 'SystemAssigned,UserAssigned', principalId: undefined, tenantId: TENANT_ID, userAssigned: [] };
const retention = (softDeleteRetentionInDays: number | undefined): Workspace['preview'] => ({ ok: true, value: { networkAcls: undefined, softDeleteRetentionInDays } });

describe('backup-recovery index', () => {
  it('lists the five checks in id order', () => {
    expect(checks).toEqual([br001, br002, br003, br004, br005]);
    expect(checks.map((c) => c.id)).toEqual(['AML-BR-001', 'AML-BR-002', 'AML-BR-003', 'AML-BR-004', 'AML-BR-005']);
  });
});

describe('AML-BR-001 storage blob recovery', () => {
  it('passes with soft delete, container soft delete and versioning', () => {
    const r = single(br001.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: `${STORAGE_ID}/blobServices/default` });
    expect(actual(r, 'deleteRetentionPolicy.days')).toBe('14');
  });
  it('fails and names each missing protection', () => {
    const r = single(br001.evaluate(withBlobService(hardenedSnapshot(), { versioningEnabled: undefined, containerDeleteRetentionEnabled: false })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('container soft delete, versioning');
    expect(actual(r, 'isVersioningEnabled')).toBe('not set');
  });
  it('is not applicable without storage, and an error when the blob service read failed', () => {
    expect(single(br001.evaluate(hardenedSnapshot({ storageAccount: noneLinked() }))).status).toBe('not_applicable');
    expect(single(br001.evaluate(hardenedSnapshot({ blobService: failedRead('forbidden', 403, 'Microsoft.Storage/storageAccounts/blobServices/read', STORAGE_ID) }))).status).toBe('error');
  });
});

describe('AML-BR-002 registry soft delete', () => {
  it('passes when enabled', () => {
    expect(single(br002.evaluate(hardenedSnapshot()))).toMatchObject({ status: 'pass', resourceId: REGISTRY_ID });
  });
  it('fails when absent', () => {
    const r = single(br002.evaluate(withRegistry(hardenedSnapshot(), { softDeletePolicyStatus: undefined })));
    expect(r.status).toBe('fail');
    expect(actual(r, 'properties.policies.softDeletePolicy.status')).toBe('not set');
  });
  it('is not applicable without a registry and an error on a failed read', () => {
    expect(single(br002.evaluate(hardenedSnapshot({ containerRegistry: noneLinked() }))).status).toBe('not_applicable');
    expect(single(br002.evaluate(hardenedSnapshot({ containerRegistry: failedRead() }))).status).toBe('error');
  });
});

describe('AML-BR-003 workspace soft delete', () => {
  it('passes with 14 days and a system-assigned identity', () => {
    const r = single(br003.evaluate(withWorkspace(hardenedSnapshot(), { identity: bothIdentities })));
    expect(r).toMatchObject({ status: 'pass', resourceId: WORKSPACE_ID });
    expect(r.message).toContain('14 days');
  });
  it('treats an absent retention as the 14-day default', () => {
    const r = single(br003.evaluate(withWorkspace(hardenedSnapshot(), { identity: bothIdentities, preview: retention(undefined) })));
    expect(r.status).toBe('pass');
    expect(actual(r, 'properties.softDeleteRetentionInDays')).toBe('not set (default 14)');
  });
  it('fails a shorter retention', () => {
    const r = single(br003.evaluate(withWorkspace(hardenedSnapshot(), { identity: bothIdentities, preview: retention(3) })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('only 3 day');
  });
  it('fails a workspace with only a user-assigned identity (soft delete unsupported)', () => {
    const hardened = hardenedSnapshot();
    const ws = hardened.workspace.ok ? hardened.workspace.value : undefined;
    const uamiOnly = { type: 'UserAssigned', principalId: undefined, tenantId: ws?.identity?.tenantId, userAssigned: ws?.identity?.userAssigned ?? [] };
    const r = single(br003.evaluate(withWorkspace(hardened, { identity: uamiOnly })));
    expect(r.status).toBe('fail');
    expect(actual(r, 'identity.type')).toBe('UserAssigned');
  });
  it('is an error when the workspace cannot be read', () => {
    expect(single(br003.evaluate(hardenedSnapshot({ workspace: failedRead() }))).status).toBe('error');
  });
  it('is an error when only the preview read that carries the retention failed', () => {
    const r = single(br003.evaluate(withWorkspace(hardenedSnapshot(), { identity: bothIdentities, preview: failedRead('forbidden') })));
    expect(r.status).toBe('error');
  });
});

describe('AML-BR-004 storage geo-redundancy', () => {
  it('passes for RA-GZRS', () => {
    const r = single(br004.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(actual(r, 'sku.name')).toBe('Standard_RAGZRS');
  });
  it('fails for LRS', () => {
    const r = single(br004.evaluate(withStorage(hardenedSnapshot(), { sku: 'Standard_LRS', geoRedundant: false })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Standard_LRS');
  });
  it('reads the SKU when the flag is absent', () => {
    expect(single(br004.evaluate(withStorage(hardenedSnapshot(), { sku: 'Standard_GRS', geoRedundant: undefined }))).status).toBe('pass');
    expect(single(br004.evaluate(withStorage(hardenedSnapshot(), { sku: 'Standard_ZRS', geoRedundant: undefined }))).status).toBe('fail');
  });
  it('is not applicable without storage and an error on a failed read', () => {
    expect(single(br004.evaluate(hardenedSnapshot({ storageAccount: noneLinked() }))).status).toBe('not_applicable');
    expect(single(br004.evaluate(hardenedSnapshot({ storageAccount: failedRead() }))).status).toBe('error');
  });
});

describe('AML-BR-005 Key Vault retention', () => {
  it('passes with 90 days', () => {
    const r = single(br005.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: KEY_VAULT_ID });
    expect(actual(r, 'properties.softDeleteRetentionInDays')).toBe('90');
  });
  it('fails with 7 days', () => {
    const r = single(br005.evaluate(withKeyVault(hardenedSnapshot(), { softDeleteRetentionInDays: 7 })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('only 7 days');
  });
  it('fails when soft delete is off', () => {
    expect(single(br005.evaluate(withKeyVault(hardenedSnapshot(), { enableSoftDelete: false }))).message).toContain('soft delete off');
  });
  it('is not applicable without a vault and an error on a failed read', () => {
    expect(single(br005.evaluate(hardenedSnapshot({ keyVault: noneLinked() }))).status).toBe('not_applicable');
    expect(single(br005.evaluate(hardenedSnapshot({ keyVault: failedRead() }))).status).toBe('error');
  });
});
