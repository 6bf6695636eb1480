import { checks } from '../../../src/checks/identity-management';
import type { CheckDefinition } from '../../../src/checks/types';
import type { WorkspaceSnapshot } from '../../../src/azure/snapshot';
import {
  amlCluster,
  APP_INSIGHTS_ID,
  computeInstance,
  connection,
  datastore,
  failedRead,
  hardenedSnapshot,
  KEY_VAULT_ID,
  noneLinked,
  onlineEndpoint,
  REGISTRY_ID,
  STORAGE_ID,
  WORKSPACE_ID,
  withAppInsights,
  withComputes,
  withConnections,
  withDatastores,
  withEndpoints,
  withKeyVault,
  withRegistry,
  withStorage,
  withWorkspace,
} from '../../support/snapshot-builder';
import { expectEvidence, resultFor, run, statuses } from '../harness';

const check = (id: string): CheckDefinition => {
  const found = checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found;
};

interface FailCase {
  readonly id: string;
  readonly name: string;
  readonly snapshot: WorkspaceSnapshot;
  readonly resourceId: string;
  readonly message: RegExp;
  readonly evidence: readonly [string, string];
}

const keyStore = datastore({ id: `${WORKSPACE_ID}/datastores/rawdata`, name: 'rawdata', credentialsType: 'AccountKey', isDefault: false });
const patConnection = connection({ id: `${WORKSPACE_ID}/connections/git-pat`, name: 'git-pat', category: 'Git', authType: 'PAT', target: 'https://dev.azure.com/contoso', isSharedToAll: true });

const failCases: readonly FailCase[] = [
  { id: 'AML-IDM-001', name: 'compute instance with local auth not set', snapshot: withComputes(hardenedSnapshot(), [computeInstance({ disableLocalAuth: undefined })]), resourceId: computeInstance().id, message: /ci-alice.*not set \(defaults to false\)/, evidence: ['properties.disableLocalAuth', 'not set'] },
  { id: 'AML-IDM-001', name: 'cluster with local auth on', snapshot: withComputes(hardenedSnapshot(), [amlCluster({ disableLocalAuth: false })]), resourceId: amlCluster().id, message: /cpu-cluster-build \(AmlCompute\) allows local authentication/, evidence: ['properties.disableLocalAuth', 'false'] },
  { id: 'AML-IDM-002', name: 'system-assigned identity only', snapshot: withWorkspace(hardenedSnapshot(), { identity: { type: 'SystemAssigned', principalId: 'aaaaaaaa-0000-4000-8000-000000000001', tenantId: undefined, userAssigned: [] }, primaryUserAssignedIdentity: undefined }), resourceId: WORKSPACE_ID, message: /identity type is SystemAssigned/, evidence: ['identity.type', 'SystemAssigned'] },
  { id: 'AML-IDM-003', name: 'systemDatastoresAuthMode absent (AccessKey)', snapshot: withWorkspace(hardenedSnapshot(), { systemDatastoresAuthMode: undefined }), resourceId: WORKSPACE_ID, message: /storage account key.*defaults to AccessKey/, evidence: ['properties.systemDatastoresAuthMode', 'not set'] },
  { id: 'AML-IDM-003', name: 'systemDatastoresAuthMode UserDelegationSAS (tokens, not the account key)', snapshot: withWorkspace(hardenedSnapshot(), { systemDatastoresAuthMode: 'UserDelegationSAS' }), resourceId: WORKSPACE_ID, message: /user delegation SAS tokens.*not the account key/, evidence: ['properties.systemDatastoresAuthMode', 'UserDelegationSAS'] },
  { id: 'AML-IDM-004', name: 'account-key datastore', snapshot: withDatastores(hardenedSnapshot(), [datastore(), keyStore]), resourceId: keyStore.id, message: /rawdata \(AzureBlob\) stores a credential: credentialsType is AccountKey/, evidence: ['properties.credentials.credentialsType', 'AccountKey'] },
  { id: 'AML-IDM-005', name: 'key-auth endpoint', snapshot: withEndpoints(hardenedSnapshot(), [onlineEndpoint({ authMode: 'Key' })]), resourceId: onlineEndpoint().id, message: /ep-churn-scoring.*authMode is Key/, evidence: ['properties.authMode', 'Key'] },
  { id: 'AML-IDM-006', name: 'shared key not set, with accessKey datastores', snapshot: withWorkspace(withStorage(hardenedSnapshot(), { allowSharedKeyAccess: undefined }), { systemDatastoresAuthMode: 'accessKey' }), resourceId: STORAGE_ID, message: /stmlcontosoprod accepts the account key.*Switch workspace mlw-contoso-prod to identity-based datastores/, evidence: ['allowSharedKeyAccess', 'not set'] },
  { id: 'AML-IDM-007', name: 'ACR admin on', snapshot: withRegistry(hardenedSnapshot(), { adminUserEnabled: true }), resourceId: REGISTRY_ID, message: /crmlcontosoprod has the admin user enabled/, evidence: ['adminUserEnabled', 'true'] },
  { id: 'AML-IDM-008', name: 'ACR anonymous pull on', snapshot: withRegistry(hardenedSnapshot(), { anonymousPullEnabled: true }), resourceId: REGISTRY_ID, message: /crmlcontosoprod allows anonymous pull/, evidence: ['anonymousPullEnabled', 'true'] },
  { id: 'AML-IDM-009', name: 'App Insights local auth not set', snapshot: withAppInsights(hardenedSnapshot(), { disableLocalAuth: undefined }), resourceId: APP_INSIGHTS_ID, message: /appi-ml-contoso-prod accepts instrumentation-key telemetry/, evidence: ['properties.DisableLocalAuth', 'not set'] },
  { id: 'AML-IDM-010', name: 'vault with access policies', snapshot: withKeyVault(hardenedSnapshot(), { enableRbacAuthorization: false, accessPolicies: [{ objectId: 'o1', keys: ['get'], secrets: ['get'], certificates: [] }] }), resourceId: KEY_VAULT_ID, message: /kv-ml-contoso-prod uses vault access policies \(1 defined\)/, evidence: ['enableRbacAuthorization', 'false'] },
  { id: 'AML-IDM-011', name: 'storage does not default to Entra', snapshot: withStorage(hardenedSnapshot(), { defaultToOAuthAuthentication: undefined }), resourceId: STORAGE_ID, message: /stmlcontosoprod does not default.*not set/, evidence: ['defaultToOAuthAuthentication', 'not set'] },
  { id: 'AML-IDM-012', name: 'PAT connection shared to all', snapshot: withConnections(hardenedSnapshot(), [connection(), patConnection]), resourceId: patConnection.id, message: /git-pat to https:\/\/dev\.azure\.com\/contoso stores a credential: authType is PAT\. It is shared with every user/, evidence: ['properties.authType', 'PAT'] },
];

describe('identity management checks', () => {
  it.each(checks.map((c) => [c.id, c] as const))('%s does not fail on the hardened snapshot', (_id, c) => {
    const s = statuses(run(c, hardenedSnapshot()));
    expect(s.every((x) => x === 'pass' || x === 'not_applicable')).toBe(true);
    expect(s).toContain('pass');
  });

  it('every identity check has a fail case', () => {
    const covered = new Set(failCases.map((f) => f.id));
    expect(checks.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(failCases.map((f) => [f.id, f.name, f] as const))('%s fails: %s', (_id, _name, f) => {
    const result = resultFor(run(check(f.id), f.snapshot), f.resourceId);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(f.message);
    expectEvidence(result, f.evidence[0], f.evidence[1]);
  });

  it('AML-IDM-004 gives one result per datastore and passes the identity-based ones', () => {
    const results = run(check('AML-IDM-004'), withDatastores(hardenedSnapshot(), [datastore(), keyStore]));
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([
      [datastore().id, 'pass'],
      [keyStore.id, 'fail'],
    ]);
  });

  it('AML-IDM-007 and AML-IDM-008 pass when the flags are absent (ARM default false)', () => {
    const s = withRegistry(hardenedSnapshot(), { adminUserEnabled: undefined, anonymousPullEnabled: undefined });
    expect(run(check('AML-IDM-007'), s)[0]!.message).toMatch(/not set, defaults to false/);
    expect(statuses(run(check('AML-IDM-007'), s))).toEqual(['pass']);
    expect(statuses(run(check('AML-IDM-008'), s))).toEqual(['pass']);
  });

  it('AML-IDM-012 passes managed-identity connections', () => {
    const s = withConnections(hardenedSnapshot(), [connection({ authType: 'ManagedIdentity' })]);
    expect(statuses(run(check('AML-IDM-012'), s))).toEqual(['pass']);
  });

  it.each([
    ['AML-IDM-001', () => withComputes(hardenedSnapshot(), [])],
    ['AML-IDM-004', () => withDatastores(hardenedSnapshot(), [])],
    ['AML-IDM-005', () => withEndpoints(hardenedSnapshot(), [])],
    ['AML-IDM-006', () => hardenedSnapshot({ storageAccount: noneLinked() })],
    ['AML-IDM-007', () => hardenedSnapshot({ containerRegistry: noneLinked() })],
    ['AML-IDM-008', () => hardenedSnapshot({ containerRegistry: noneLinked() })],
    ['AML-IDM-009', () => hardenedSnapshot({ applicationInsights: noneLinked() })],
    ['AML-IDM-010', () => hardenedSnapshot({ keyVault: noneLinked() })],
    ['AML-IDM-011', () => hardenedSnapshot({ storageAccount: noneLinked() })],
    ['AML-IDM-012', () => withConnections(hardenedSnapshot(), [])],
  ] as const)('%s is not applicable when there is nothing to judge', (id, make) => {
    expect(statuses(run(check(id), make()))).toEqual(['not_applicable']);
  });

  it.each([
    ['AML-IDM-001', 'computes'],
    ['AML-IDM-002', 'workspace'],
    ['AML-IDM-003', 'workspace'],
    ['AML-IDM-004', 'datastores'],
    ['AML-IDM-005', 'onlineEndpoints'],
    ['AML-IDM-006', 'storageAccount'],
    ['AML-IDM-007', 'containerRegistry'],
    ['AML-IDM-008', 'containerRegistry'],
    ['AML-IDM-009', 'applicationInsights'],
    ['AML-IDM-010', 'keyVault'],
    ['AML-IDM-011', 'storageAccount'],
    ['AML-IDM-012', 'connections'],
  ] as const)('%s reports error when %s could not be read', (id, key) => {
    const results = run(check(id), hardenedSnapshot({ [key]: failedRead('forbidden', 403, 'Microsoft.Example/read', WORKSPACE_ID) }));
    expect(statuses(results)).toEqual(['error']);
    expect(results[0]!.message).toContain('needs Microsoft.Example/read');
  });
});
