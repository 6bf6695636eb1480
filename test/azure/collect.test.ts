/**
 * The collectors through the real SDK clients against the sample ARM server.
 */
import { collectWorkspaceSnapshot, SNAPSHOT_READ_COUNT, type CollectOptions } from '../../src/azure/collect';
import type { Collected, ReadError, WorkspaceSnapshot } from '../../src/azure/snapshot';
import { HARDENED_NAMES, LAB_NAMES, SAMPLE_WORKSPACE_IDS, sampleIds, type JsonObject } from '../../src/sample';
import { startTestArm, type TestArm } from '../support/fake-arm';

const OPTIONS: CollectOptions = { timeoutMs: 30_000, concurrency: 8 };
const hardened = sampleIds(HARDENED_NAMES);
const lab = sampleIds(LAB_NAMES);

function value<T>(c: Collected<T>): T {
  if (!c.ok) throw new Error(`expected a value, got ${c.error.kind}: ${c.error.message}`);
  return c.value;
}
/** A linked resource that must be there. */
function present<T>(c: Collected<T | null>): T {
  const v = value(c);
  if (v === null) throw new Error('expected a linked resource, got none');
  return v;
}
function error<T>(c: Collected<T>): ReadError {
  if (c.ok) throw new Error('expected an error, got a value');
  return c.error;
}
function obj(v: unknown): JsonObject {
  return v as JsonObject;
}

/** Every Collected in the snapshot, by path. */
function reads(snapshot: WorkspaceSnapshot): Record<string, Collected<unknown>> {
  const { diagnostics, roleAssignments, collectedAt: _at, workspaceId: _id, ...top } = snapshot;
  const out: Record<string, Collected<unknown>> = {};
  for (const [k, v] of Object.entries(top)) out[k] = v;
  for (const [k, v] of Object.entries(diagnostics)) out[`diagnostics.${k}`] = v;
  for (const [k, v] of Object.entries(roleAssignments)) out[`roleAssignments.${k}`] = v as Collected<unknown>;
  return out;
}

describe('collectWorkspaceSnapshot on the hardened sample', () => {
  let t: TestArm;
  let snapshot: WorkspaceSnapshot;
  const progress: { done: number; total: number; label: string }[] = [];

  beforeAll(async () => {
    t = await startTestArm();
    snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, { ...OPTIONS, onProgress: (p) => progress.push(p) });
  });
  afterAll(() => t.close());

  test('every read succeeds', () => {
    const failed = Object.entries(reads(snapshot)).filter(([, c]) => !c.ok);
    expect(failed).toEqual([]);
  });

  test('properties the SDK models drop survive (read at the pinned api-version)', () => {
    const json = obj(t.arm.getResource(hardened.workspace)!.properties);
    const ws = value(snapshot.workspace);
    expect(ws.managedNetworkIsolationMode).toBe(obj(json.managedNetwork).isolationMode);
    expect(ws.managedNetworkIsolationMode).toBe('AllowOnlyApprovedOutbound');
    expect(ws.managedNetworkFirewallSku).toBe('Standard');
    expect(ws.systemDatastoresAuthMode).toBe(json.systemDatastoresAuthMode);
    expect(ws.systemDatastoresAuthMode).toBe('Identity');
    expect(snapshot.workspacePreview).toEqual({ ok: true, value: { networkAcls: { defaultAction: 'Deny', ipRules: [] }, softDeleteRetentionInDays: 14 } });
    expect(ws.primaryUserAssignedIdentity).toBe(hardened.userAssignedIdentity);
    expect(ws.identity?.userAssigned.map((u) => u.resourceId)).toEqual([hardened.userAssignedIdentity]);
    expect(ws.privateEndpointConnections.map((c) => c.status)).toEqual(['Approved']);
    expect(ws.encryption.status).toBe('Enabled');
    expect(ws.encryption.keyIdentifier).toMatch(/\/keys\/cmk-aml\//);
    expect(ws.hbiWorkspace).toBe(true);
    expect(ws.storageAccountId).toBe(hardened.storageAccount);
  });

  test('compute, endpoint, deployment, datastore and connection fields a check reads are present', () => {
    const computes = value(snapshot.computes);
    const ci = computes.find((c) => c.computeType === 'ComputeInstance')!;
    const cluster = computes.find((c) => c.computeType === 'AmlCompute')!;
    expect(ci).toMatchObject({ disableLocalAuth: true, enableNodePublicIp: false, sshPublicAccess: 'Disabled', idleTimeBeforeShutdown: 'PT30M', isLatestOsImageVersion: true });
    expect(cluster).toMatchObject({ disableLocalAuth: true, enableNodePublicIp: false, remoteLoginPortPublicAccess: 'Disabled', minNodeCount: 0, maxNodeCount: 4 });
    expect(value(snapshot.onlineEndpoints)).toEqual([expect.objectContaining({ name: HARDENED_NAMES.onlineEndpoint, authMode: 'AADToken', publicNetworkAccess: 'Disabled' })]);
    expect(value(snapshot.onlineDeployments)).toEqual([expect.objectContaining({ endpointName: HARDENED_NAMES.onlineEndpoint, egressPublicNetworkAccess: 'Disabled' })]);
    const blob = value(snapshot.datastores).find((d) => d.name === 'workspaceblobstore');
    expect(blob).toMatchObject({ datastoreType: 'AzureBlob', credentialsType: 'None', isDefault: true });
    expect(value(snapshot.connections)).toEqual([
      expect.objectContaining({ category: 'ADLSGen2', authType: 'AAD', isSharedToAll: false }),
      expect.objectContaining({ category: 'AzureOpenAI', authType: 'AAD', isSharedToAll: false }),
    ]);
    const rules = value(snapshot.outboundRules);
    expect(rules.map((r) => r.type).sort()).toEqual(['FQDN', 'PrivateEndpoint', 'PrivateEndpoint', 'ServiceTag']);
    expect(rules.find((r) => r.type === 'FQDN')?.destination).toBe('pypi.org');
    expect(rules.find((r) => r.name.includes('stguardianhardened'))?.destination).toBe(hardened.storageAccount);
    expect(value(snapshot.mlRegistries)).toEqual([expect.objectContaining({ publicNetworkAccess: 'Disabled' })]);
  });

  test('linked resources keep their security properties', () => {
    expect(value(snapshot.storageAccount)).toMatchObject({
      allowSharedKeyAccess: false,
      publicNetworkAccess: 'Disabled',
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      defaultToOAuthAuthentication: true,
      encryptionKeySource: 'Microsoft.Keyvault',
      requireInfrastructureEncryption: true,
      geoRedundant: true,
      networkAcls: expect.objectContaining({ defaultAction: 'Deny' }) as unknown,
    });
    expect(value(snapshot.blobService)).toEqual({ deleteRetentionEnabled: true, deleteRetentionDays: 14, containerDeleteRetentionEnabled: true, containerDeleteRetentionDays: 14, versioningEnabled: true });
    expect(value(snapshot.keyVault)).toMatchObject({ enablePurgeProtection: true, enableSoftDelete: true, enableRbacAuthorization: true, publicNetworkAccess: 'Disabled', sku: 'premium' });
    expect(value(snapshot.cmkKey)).toEqual({ id: `${hardened.keyVault}/keys/cmk-aml`, name: 'cmk-aml', expires: 1893456000, rotationEnabled: true, rotateAfter: 'P90D' });
    expect(value(snapshot.containerRegistry)).toMatchObject({ adminUserEnabled: false, sku: 'Premium', exportPolicyStatus: 'disabled', softDeletePolicyStatus: 'enabled', quarantinePolicyStatus: 'enabled' });
    expect(value(snapshot.applicationInsights)).toMatchObject({ disableLocalAuth: true, publicNetworkAccessForIngestion: 'Disabled', workspaceResourceId: hardened.logAnalytics });
  });

  test('Defender plans keep subPlan and extensions (2024-01-01 shape)', () => {
    const plans = value(snapshot.defenderPlans);
    const storage = plans.find((p) => p.name === 'StorageAccounts');
    expect(storage).toEqual({
      name: 'StorageAccounts',
      pricingTier: 'Standard',
      subPlan: 'DefenderForStorageV2',
      extensions: [
        { name: 'OnUploadMalwareScanning', isEnabled: true },
        { name: 'SensitiveDataDiscovery', isEnabled: true },
      ],
      deprecated: undefined,
    });
    expect(plans.find((p) => p.name === 'AI')?.extensions).toEqual([{ name: 'AIPromptEvidence', isEnabled: true }]);
    expect(plans.find((p) => p.name === 'KubernetesService')?.deprecated).toBe(true);
  });

  test('diagnostics, RBAC, connectors, assessments and policy are collected', () => {
    expect(value(snapshot.diagnostics.workspace)[0]?.logs).toEqual([
      { category: undefined, categoryGroup: 'allLogs', enabled: true },
      { category: undefined, categoryGroup: 'audit', enabled: true },
    ]);
    expect(Object.keys(value(snapshot.diagnostics.onlineEndpoints))).toEqual([`${hardened.workspace}/onlineEndpoints/${HARDENED_NAMES.onlineEndpoint}`]);
    expect(value(snapshot.diagnostics.subscription)[0]?.logs.map((l) => l.category)).toContain('Administrative');
    const wsAssignments = value(snapshot.roleAssignments.workspace);
    expect(wsAssignments.map((a) => a.scope)).toEqual(expect.arrayContaining([hardened.subscription, hardened.resourceGroup, hardened.workspace]));
    expect(present(snapshot.roleAssignments.keyVault).some((a) => a.scope === hardened.keyVault)).toBe(true);
    const custom = value(snapshot.roleDefinitions).find((d) => d.roleType === 'CustomRole');
    expect(custom?.actions.length).toBeGreaterThan(0);
    expect(value(snapshot.securityConnectors)).toEqual([expect.objectContaining({ environmentName: 'AzureDevOps' })]);
    expect(value(snapshot.assessments).every((a) => a.statusCode === 'Healthy')).toBe(true);
    expect(value(snapshot.assessments).map((a) => a.severity)).toContain('High');
    const assignments = value(snapshot.policyAssignments);
    expect(assignments.find((a) => a.name === 'pa-6ddb1705')?.parameters).toEqual({ isolationMode: 'AllowOnlyApprovedOutbound', effect: 'Audit' });
    expect(value(snapshot.policyStates).length).toBe(7);
    expect(value(snapshot.policyStates).every((s) => s.complianceState === 'Compliant')).toBe(true);
  });

  test('no resource is read twice (pages of one list are distinct reads)', () => {
    const keys = t.arm.requests.map((r) => `${r.method} ${r.path.toLowerCase()} ${r.apiVersion ?? ''} ${r.skipToken ?? ''}`);
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(repeated).toEqual([]);
    expect(t.arm.requests.every((r) => r.status === 200)).toBe(true);
  });

  test('paging is followed: the workspace role assignments span several pages', () => {
    const path = `${hardened.workspace}/providers/Microsoft.Authorization/roleAssignments`.toLowerCase();
    const pages = t.arm.requests.filter((r) => r.path.toLowerCase() === path);
    expect(pages.length).toBeGreaterThan(1);
    const expected = t.arm.store.list(path)!.length;
    expect(value(snapshot.roleAssignments.workspace)).toHaveLength(expected);
  });

  test('progress reports each field once, up to the total', () => {
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: SNAPSHOT_READ_COUNT }, (_, i) => i + 1));
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([SNAPSHOT_READ_COUNT]));
    expect(progress[0]?.label).toBe('workspace');
  });
});

describe('collectWorkspaceSnapshot on the lab-default sample', () => {
  let t: TestArm;
  beforeAll(async () => {
    t = await startTestArm();
  });
  afterAll(() => t.close());

  test('reads the insecure defaults as they are', async () => {
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS['lab-default'], OPTIONS);
    const ws = value(snapshot.workspace);
    expect(ws).toMatchObject({ name: LAB_NAMES.workspace, resourceGroup: 'rg-mlopsv2-0001prod', publicNetworkAccess: 'Enabled', systemDatastoresAuthMode: 'AccessKey', managedNetworkIsolationMode: 'Disabled' });
    expect(ws.encryption.keyIdentifier).toBeUndefined();
    expect(value(snapshot.cmkKey)).toBeNull();
    expect(value(snapshot.containerRegistry)).toMatchObject({ sku: 'Basic', adminUserEnabled: true });
    expect(value(snapshot.keyVault)).toMatchObject({ enablePurgeProtection: undefined, enableRbacAuthorization: false });
    expect(present(snapshot.storageAccount).allowSharedKeyAccess).toBe(true);
    expect(present(snapshot.applicationInsights).disableLocalAuth).toBe(false);
    expect(value(snapshot.datastores).every((d) => d.credentialsType === 'AccountKey')).toBe(true);
    expect(value(snapshot.defenderPlans).every((p) => p.pricingTier === 'Free')).toBe(true);
    expect(value(snapshot.diagnostics.workspace)).toEqual([]);
    expect(value(snapshot.diagnostics.subscription)).toEqual([]);
    expect(value(snapshot.policyAssignments)).toEqual([]);
    expect(value(snapshot.outboundRules)).toEqual([]);
    const ci = value(snapshot.computes).find((c) => c.computeType === 'ComputeInstance');
    expect(ci?.idleTimeBeforeShutdown).toBeUndefined();
    const sp = value(snapshot.roleAssignments.workspace).find((a) => a.principalId === LAB_NAMES.principals.devOpsServicePrincipal);
    expect(sp).toMatchObject({ scope: lab.subscription, principalType: 'ServicePrincipal', roleDefinitionId: expect.stringMatching(/b24988ac-6180-42a0-ab88-20f7382dd24c$/) as unknown });
  });
});

describe('failed reads become errors, never throws and never gaps', () => {
  let t: TestArm;
  beforeEach(async () => {
    t = await startTestArm();
  });
  afterEach(() => t.close());

  test('403 on role assignments names the missing action; everything else is still collected', async () => {
    t.arm.inject({ pathPattern: /\/roleAssignments$/i, status: 403 });
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, OPTIONS);
    for (const scope of ['workspace', 'storageAccount', 'keyVault', 'containerRegistry'] as const) {
      expect(error(snapshot.roleAssignments[scope])).toMatchObject({
        kind: 'forbidden',
        status: 403,
        code: 'AuthorizationFailed',
        requiredAction: 'Microsoft.Authorization/roleAssignments/read',
      });
    }
    expect(error(snapshot.roleAssignments.keyVault).resourceId).toBe(hardened.keyVault);
    const others = Object.entries(reads(snapshot)).filter(([k]) => !k.startsWith('roleAssignments.'));
    expect(others.filter(([, c]) => !c.ok).map(([k]) => k)).toEqual([]);
  });

  test('404 on the linked vault is an error on the vault reads, not a crash', async () => {
    t.arm.deleteResource(hardened.keyVault);
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, OPTIONS);
    expect(error(snapshot.keyVault)).toMatchObject({ kind: 'not_found', status: 404, code: 'ResourceNotFound', resourceId: hardened.keyVault, requiredAction: 'Microsoft.KeyVault/vaults/read' });
    expect(error(snapshot.cmkKey).kind).toBe('not_found');
    expect(error(snapshot.diagnostics.keyVault).kind).toBe('not_found');
    expect(present(snapshot.storageAccount).name).toBe(HARDENED_NAMES.storageAccount);
    expect(value(snapshot.workspace).keyVaultId).toBe(hardened.keyVault);
  });

  test('429 with Retry-After is honoured, then the read succeeds', async () => {
    t.arm.inject({ pathPattern: '/providers/Microsoft.Security/pricings', status: 429, retryAfter: 1, times: 1 });
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, OPTIONS);
    expect(value(snapshot.defenderPlans).length).toBeGreaterThan(10);
    const statuses = t.arm.requests.filter((r) => r.path.endsWith('/pricings') && r.skipToken === undefined).map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  test('a Retry-After above the cap fails the read as throttled instead of waiting, and says how long ARM asked to wait', async () => {
    t.arm.inject({ pathPattern: '/providers/Microsoft.Security/pricings', status: 429, retryAfter: 3600 });
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, OPTIONS);
    expect(error(snapshot.defenderPlans)).toMatchObject({ kind: 'throttled', status: 429, requiredAction: 'Microsoft.Security/pricings/read', retryAfterSeconds: 3600 });
    expect(error(snapshot.defenderPlans).message).toContain('wait 60 minutes');
    expect(t.arm.requests.filter((r) => r.path.endsWith('/pricings')).length).toBe(1);
    expect(value(snapshot.computes).length).toBe(2);
  });

  test('5xx is retried; a persistent 5xx becomes a server error', async () => {
    t.arm.inject({ pathPattern: /\/computes$/i, status: 503, times: 2 });
    t.arm.inject({ pathPattern: /\/connections$/i, status: 500 });
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, OPTIONS);
    expect(value(snapshot.computes).length).toBe(2);
    expect(error(snapshot.connections)).toMatchObject({ kind: 'server', status: 500, code: 'InternalServerError' });
  });

  test('the scan deadline turns slow reads into timeout errors and keeps the rest', async () => {
    t.arm.inject({ pathPattern: /\/roleDefinitions$/i, delayMs: 60_000 });
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, { ...OPTIONS, timeoutMs: 1_500 });
    expect(error(snapshot.roleDefinitions)).toMatchObject({ kind: 'timeout', requiredAction: 'Microsoft.Authorization/roleDefinitions/read' });
    expect(error(snapshot.roleDefinitions).message).toMatch(/deadline/);
    expect(value(snapshot.workspace).name).toBe(HARDENED_NAMES.workspace);
  });

  test('a workspace that cannot be read fails every field with the same reason, without further reads', async () => {
    t.arm.setLatency(60_000);
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, { ...OPTIONS, timeoutMs: 300 });
    const all = Object.values(reads(snapshot));
    expect(all.every((c) => !c.ok && c.error.kind === 'timeout')).toBe(true);
    expect(error(snapshot.workspace).requiredAction).toBe('Microsoft.MachineLearningServices/workspaces/read');
  });

  test('the caller cancelling the scan stops it', async () => {
    t.arm.setLatency(60_000);
    const controller = new AbortController();
    const pending = collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, { ...OPTIONS, signal: controller.signal });
    controller.abort();
    const snapshot = await pending;
    expect(error(snapshot.workspace).kind).toBe('timeout');
    expect(error(snapshot.workspace).message).toMatch(/cancelled/);
  });

  test('a malformed workspace id is an invalid read, not a throw', async () => {
    const snapshot = await collectWorkspaceSnapshot(t.clients, '/subscriptions/nope/resourceGroups/x', OPTIONS);
    expect(error(snapshot.workspace).kind).toBe('invalid');
    expect(t.arm.requestCount).toBe(0);
  });

  test('a linked resource id the workspace holds is validated before use', async () => {
    t.arm.patch(hardened.workspace, { applicationInsights: '/subscriptions/x/evil' });
    const snapshot = await collectWorkspaceSnapshot(t.clients, SAMPLE_WORKSPACE_IDS.hardened, OPTIONS);
    expect(error(snapshot.applicationInsights).kind).toBe('invalid');
    expect(t.arm.requests.some((r) => r.path.includes('evil'))).toBe(false);
  });
});
