import { checks } from '../../../src/checks/network-security';
import type { CheckDefinition } from '../../../src/checks/types';
import type { WorkspaceNetworkAcls, WorkspaceSnapshot } from '../../../src/azure/snapshot';
import {
  amlCluster,
  APP_INSIGHTS_ID,
  computeInstance,
  failedRead,
  hardenedSnapshot,
  KEY_VAULT_ID,
  mlRegistry,
  ML_REGISTRY_ID,
  noneLinked,
  onlineDeployment,
  onlineEndpoint,
  outboundRule,
  REGISTRY_ID,
  STORAGE_ID,
  WORKSPACE_ID,
  withAppInsights,
  withComputes,
  withDeployments,
  withEndpoints,
  withKeyVault,
  withMlRegistries,
  withOutboundRules,
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

const ci = computeInstance();
const cluster = amlCluster();
const endpoint = onlineEndpoint();
const deployment = onlineDeployment();
const ipRules = (networkAcls: WorkspaceNetworkAcls | undefined): WorkspaceSnapshot['workspacePreview'] => ({ ok: true, value: { networkAcls, softDeleteRetentionInDays: undefined } });
const approvedOnly = (s: WorkspaceSnapshot) => withWorkspace(s, { managedNetworkIsolationMode: 'AllowOnlyApprovedOutbound' });

interface FailCase {
  readonly id: string;
  readonly name: string;
  readonly snapshot: WorkspaceSnapshot;
  readonly resourceId: string;
  readonly message: RegExp;
  readonly evidence: readonly [string, string];
}

const failCases: readonly FailCase[] = [
  { id: 'AML-NET-001', name: 'publicNetworkAccess absent (service default Enabled)', snapshot: withWorkspace(hardenedSnapshot(), { publicNetworkAccess: undefined }), resourceId: WORKSPACE_ID, message: /mlw-contoso-prod.*not set/, evidence: ['publicNetworkAccess', 'not set'] },
  { id: 'AML-NET-001', name: 'publicNetworkAccess Enabled', snapshot: withWorkspace(hardenedSnapshot(), { publicNetworkAccess: 'Enabled' }), resourceId: WORKSPACE_ID, message: /publicNetworkAccess is Enabled/, evidence: ['publicNetworkAccess', 'Enabled'] },
  { id: 'AML-NET-001', name: 'allowPublicAccessWhenBehindVnet true', snapshot: withWorkspace(hardenedSnapshot(), { allowPublicAccessWhenBehindVnet: true }), resourceId: WORKSPACE_ID, message: /allowPublicAccessWhenBehindVnet is true/, evidence: ['allowPublicAccessWhenBehindVnet', 'true'] },
  { id: 'AML-NET-002', name: 'only a pending private endpoint', snapshot: withWorkspace(hardenedSnapshot(), { privateEndpointConnections: [{ id: `${WORKSPACE_ID}/privateEndpointConnections/pe1`, status: 'Pending' }] }), resourceId: WORKSPACE_ID, message: /no approved private endpoint.*Pending/, evidence: ['approved private endpoint connections', '0'] },
  { id: 'AML-NET-003', name: 'AllowInternetOutbound', snapshot: withWorkspace(hardenedSnapshot(), { managedNetworkIsolationMode: 'AllowInternetOutbound' }), resourceId: WORKSPACE_ID, message: /AllowInternetOutbound/, evidence: ['managedNetwork.isolationMode', 'AllowInternetOutbound'] },
  { id: 'AML-NET-003', name: 'no managed network and computes outside any subnet', snapshot: withWorkspace(hardenedSnapshot(), { managedNetworkIsolationMode: undefined }), resourceId: WORKSPACE_ID, message: /no managed network outbound control.*not set/, evidence: ['managedNetwork.isolationMode', 'not set'] },
  { id: 'AML-NET-004', name: 'wildcard FQDN rule', snapshot: withOutboundRules(hardenedSnapshot(), [outboundRule({ name: 'allow-github', type: 'FQDN', category: 'UserDefined', destination: '*.github.com' })]), resourceId: `${WORKSPACE_ID}/outboundRules/allow-github`, message: /\*\.github\.com: a wildcard/, evidence: ['destination', '*.github.com'] },
  { id: 'AML-NET-004', name: 'FQDN rule to a foreign blob endpoint', snapshot: withOutboundRules(hardenedSnapshot(), [outboundRule({ name: 'to-partner', type: 'FQDN', category: 'UserDefined', destination: 'partnerdrop.blob.core.windows.net' })]), resourceId: `${WORKSPACE_ID}/outboundRules/to-partner`, message: /blob\.core\.windows\.net/, evidence: ['destination', 'partnerdrop.blob.core.windows.net'] },
  { id: 'AML-NET-004', name: 'Internet service tag', snapshot: withOutboundRules(hardenedSnapshot(), [outboundRule({ name: 'any', type: 'ServiceTag', category: 'UserDefined', destination: 'Internet' })]), resourceId: `${WORKSPACE_ID}/outboundRules/any`, message: /service tag internet/, evidence: ['type', 'ServiceTag'] },
  { id: 'AML-NET-004', name: 'region-less Storage service tag', snapshot: withOutboundRules(hardenedSnapshot(), [outboundRule({ name: 'st', type: 'ServiceTag', category: 'UserDefined', destination: 'Storage' })]), resourceId: `${WORKSPACE_ID}/outboundRules/st`, message: /service tag storage/, evidence: ['destination', 'Storage'] },
  { id: 'AML-NET-004', name: 'AzureCloud regional tag', snapshot: withOutboundRules(hardenedSnapshot(), [outboundRule({ name: 'cloud', type: 'ServiceTag', category: 'Recommended', destination: 'AzureCloud.westeurope' })]), resourceId: `${WORKSPACE_ID}/outboundRules/cloud`, message: /azurecloud\.westeurope/, evidence: ['destination', 'AzureCloud.westeurope'] },
  { id: 'AML-NET-005', name: 'cluster with no subnet and no managed network', snapshot: withWorkspace(withComputes(hardenedSnapshot(), [cluster]), { managedNetworkIsolationMode: 'Disabled' }), resourceId: cluster.id, message: /cpu-cluster-build.*no virtual network/, evidence: ['properties.properties.subnet.id', 'not set'] },
  { id: 'AML-NET-006', name: 'enableNodePublicIp absent (defaults to true)', snapshot: withComputes(hardenedSnapshot(), [computeInstance({ enableNodePublicIp: undefined })]), resourceId: ci.id, message: /ci-alice.*not set \(defaults to true\)/, evidence: ['properties.properties.enableNodePublicIp', 'not set'] },
  { id: 'AML-NET-007', name: 'compute instance with public SSH', snapshot: withComputes(hardenedSnapshot(), [computeInstance({ sshPublicAccess: 'Enabled' })]), resourceId: ci.id, message: /ci-alice.*SSH port open/, evidence: ['properties.properties.sshSettings.sshPublicAccess', 'Enabled'] },
  { id: 'AML-NET-007', name: 'cluster NotSpecified outside a VNet', snapshot: withWorkspace(withComputes(hardenedSnapshot(), [amlCluster({ remoteLoginPortPublicAccess: 'NotSpecified' })]), { managedNetworkIsolationMode: 'Disabled' }), resourceId: cluster.id, message: /NotSpecified and is in no virtual network/, evidence: ['properties.properties.remoteLoginPortPublicAccess', 'NotSpecified'] },
  { id: 'AML-NET-008', name: 'endpoint publicNetworkAccess absent', snapshot: withEndpoints(hardenedSnapshot(), [onlineEndpoint({ publicNetworkAccess: undefined })]), resourceId: endpoint.id, message: /ep-churn-scoring.*not set \(defaults to Enabled\)/, evidence: ['properties.publicNetworkAccess', 'not set'] },
  { id: 'AML-NET-009', name: 'deployment with open egress and no managed network', snapshot: withWorkspace(withDeployments(hardenedSnapshot(), [onlineDeployment({ egressPublicNetworkAccess: 'Enabled' })]), { managedNetworkIsolationMode: 'Disabled' }), resourceId: deployment.id, message: /blue.*egressPublicNetworkAccess is Enabled/, evidence: ['properties.egressPublicNetworkAccess', 'Enabled'] },
  { id: 'AML-NET-009', name: 'managed network allows internet outbound', snapshot: withWorkspace(hardenedSnapshot(), { managedNetworkIsolationMode: 'AllowInternetOutbound' }), resourceId: deployment.id, message: /AllowInternetOutbound mode/, evidence: ['workspace managedNetwork.isolationMode', 'AllowInternetOutbound'] },
  { id: 'AML-NET-010', name: 'storage open: public access absent, default action Allow', snapshot: withStorage(hardenedSnapshot(), { publicNetworkAccess: undefined, networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] } }), resourceId: STORAGE_ID, message: /stmlcontosoprod is reachable from any network.*defaults to Enabled/, evidence: ['networkAcls.defaultAction', 'Allow'] },
  { id: 'AML-NET-011', name: 'vault with public access Enabled and no ACLs', snapshot: withKeyVault(hardenedSnapshot(), { publicNetworkAccess: 'Enabled', networkAcls: undefined }), resourceId: KEY_VAULT_ID, message: /kv-ml-contoso-prod is reachable from any network/, evidence: ['publicNetworkAccess', 'Enabled'] },
  { id: 'AML-NET-012', name: 'Basic registry open to all', snapshot: withRegistry(hardenedSnapshot(), { sku: 'Basic', publicNetworkAccess: 'Enabled', networkDefaultAction: undefined, privateEndpointConnections: [] }), resourceId: REGISTRY_ID, message: /crmlcontosoprod is reachable.*Basic SKU/, evidence: ['approved private endpoints', '0'] },
  { id: 'AML-NET-013', name: 'App Insights query open', snapshot: withAppInsights(hardenedSnapshot(), { publicNetworkAccessForQuery: undefined }), resourceId: APP_INSIGHTS_ID, message: /open to public networks for query \(not set/, evidence: ['publicNetworkAccessForQuery', 'not set'] },
  { id: 'AML-NET-014', name: 'AML registry public', snapshot: withMlRegistries(hardenedSnapshot(), [mlRegistry({ publicNetworkAccess: 'Enabled' })]), resourceId: ML_REGISTRY_ID, message: /mlr-contoso-prod is open.*Enabled/, evidence: ['properties.publicNetworkAccess', 'Enabled'] },
  { id: 'AML-NET-015', name: 'public without network rules', snapshot: withWorkspace(hardenedSnapshot({ workspacePreview: ipRules(undefined) }), { publicNetworkAccess: 'Enabled' }), resourceId: WORKSPACE_ID, message: /no network rules \(networkAcls\)/, evidence: ['networkAcls.defaultAction', 'not set'] },
  { id: 'AML-NET-015', name: 'public with rules that allow by default', snapshot: withWorkspace(hardenedSnapshot({ workspacePreview: ipRules({ defaultAction: 'Allow', ipRules: ['203.0.113.0/24'] }) }), { publicNetworkAccess: 'Enabled' }), resourceId: WORKSPACE_ID, message: /allow by default \(defaultAction Allow\)/, evidence: ['networkAcls.defaultAction', 'Allow'] },
  { id: 'AML-NET-015', name: 'public with 0.0.0.0/0', snapshot: withWorkspace(hardenedSnapshot({ workspacePreview: ipRules({ defaultAction: 'Deny', ipRules: ['203.0.113.0/24', '0.0.0.0/0'] }) }), { publicNetworkAccess: 'Enabled' }), resourceId: WORKSPACE_ID, message: /overly broad ranges: 0\.0\.0\.0\/0/, evidence: ['networkAcls.ipRules', '203.0.113.0/24, 0.0.0.0/0'] },
];

describe('network security checks: the hardened workspace passes', () => {
  it.each(checks.map((c) => [c.id, c] as const))('%s passes (or is not applicable) on the hardened snapshot', (_id, c) => {
    const results = run(c, hardenedSnapshot());
    expect(statuses(results).every((s) => s === 'pass' || s === 'not_applicable')).toBe(true);
    expect(statuses(results)).not.toContain('fail');
  });

  it('every network check has at least one fail case below', () => {
    const covered = new Set(failCases.map((f) => f.id));
    expect(checks.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('network security checks: fail cases', () => {
  it.each(failCases.map((f) => [f.id, f.name, f] as const))('%s fails: %s', (_id, _name, f) => {
    const result = resultFor(run(check(f.id), f.snapshot), f.resourceId);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(f.message);
    expectEvidence(result, f.evidence[0], f.evidence[1]);
  });
});

describe('network security checks: specific passes and not_applicable', () => {
  it('AML-NET-001 passes with Disabled and names the workspace', () => {
    const [r] = run(check('AML-NET-001'), hardenedSnapshot());
    expect(r).toMatchObject({ status: 'pass', resourceId: WORKSPACE_ID });
    expect(r!.message).toContain('mlw-contoso-prod');
    expectEvidence(r!, 'publicNetworkAccess', 'Disabled');
  });

  it('AML-NET-003 is manual when there is no managed network but every compute is in a customer subnet', () => {
    const subnet = '/subscriptions/x/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/ml';
    const s = withWorkspace(withComputes(hardenedSnapshot(), [computeInstance({ subnetId: subnet }), amlCluster({ subnetId: subnet })]), { managedNetworkIsolationMode: 'Disabled' });
    expect(statuses(run(check('AML-NET-003'), s))).toEqual(['manual']);
  });

  it('AML-NET-004 is not applicable outside approved-outbound mode, passes Required rules and marks unknown FQDNs manual', () => {
    const internet = withWorkspace(hardenedSnapshot(), { managedNetworkIsolationMode: 'AllowInternetOutbound' });
    expect(statuses(run(check('AML-NET-004'), internet))).toEqual(['not_applicable']);
    const required = approvedOnly(withOutboundRules(hardenedSnapshot(), [outboundRule({ name: 'sys', type: 'FQDN', category: 'Required', destination: '*.blob.core.windows.net' })]));
    expect(statuses(run(check('AML-NET-004'), required))).toEqual(['pass']);
    const unknown = withOutboundRules(hardenedSnapshot(), [outboundRule({ name: 'hf', type: 'FQDN', category: 'UserDefined', destination: 'huggingface.co' })]);
    const [r] = run(check('AML-NET-004'), unknown);
    expect(r).toMatchObject({ status: 'manual', resourceId: `${WORKSPACE_ID}/outboundRules/hf` });
    expect(r!.message).toContain('huggingface.co');
  });

  it('AML-NET-004 treats allow-listed package hosts and required service tags as pass', () => {
    const s = withOutboundRules(hardenedSnapshot(), [
      outboundRule({ name: 'pypi', type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' }),
      outboundRule({ name: 'py-files', type: 'FQDN', category: 'UserDefined', destination: '*.pythonhosted.org' }),
      outboundRule({ name: 'aml', type: 'ServiceTag', category: 'UserDefined', destination: 'AzureMachineLearning' }),
    ]);
    const [r] = run(check('AML-NET-004'), s);
    expect(r).toMatchObject({ status: 'pass' });
    expect(r!.message).toContain('3 user-defined');
  });

  it.each(['AML-NET-005', 'AML-NET-006', 'AML-NET-007'])('%s gives one result per compute and not_applicable when there are none', (id) => {
    const two = run(check(id), hardenedSnapshot());
    expect(two.map((r) => r.resourceId).sort()).toEqual([cluster.id, ci.id].sort());
    expect(statuses(run(check(id), withComputes(hardenedSnapshot(), [])))).toEqual(['not_applicable']);
    const attached = computeInstance({ id: `${WORKSPACE_ID}/computes/aks`, name: 'aks', computeType: 'Kubernetes' });
    expect(statuses(run(check(id), withComputes(hardenedSnapshot(), [attached])))).toEqual(['not_applicable']);
  });

  it('AML-NET-007 passes a NotSpecified cluster that is in the managed network', () => {
    const s = withComputes(hardenedSnapshot(), [amlCluster({ remoteLoginPortPublicAccess: 'NotSpecified' })]);
    expect(statuses(run(check('AML-NET-007'), s))).toEqual(['pass']);
  });

  it.each(['AML-NET-008', 'AML-NET-009'])('%s is not applicable without endpoints/deployments', (id) => {
    const s = withDeployments(withEndpoints(hardenedSnapshot(), []), []);
    expect(statuses(run(check(id), s))).toEqual(['not_applicable']);
  });

  it('AML-NET-010 passes a public account whose firewall denies by default', () => {
    const s = withStorage(hardenedSnapshot(), { publicNetworkAccess: 'Enabled' });
    const [r] = run(check('AML-NET-010'), s);
    expect(r!.status).toBe('pass');
    expect(r!.message).toMatch(/default action Deny/);
  });

  it.each([
    ['AML-NET-010', 'storageAccount'],
    ['AML-NET-011', 'keyVault'],
    ['AML-NET-012', 'containerRegistry'],
    ['AML-NET-013', 'applicationInsights'],
  ] as const)('%s is not applicable when the workspace links no %s', (id, key) => {
    const s = hardenedSnapshot({ [key]: noneLinked() });
    expect(statuses(run(check(id), s))).toEqual(['not_applicable']);
  });

  it('AML-NET-014 is not applicable when the subscription has no AML registry', () => {
    expect(statuses(run(check('AML-NET-014'), withMlRegistries(hardenedSnapshot(), [])))).toEqual(['not_applicable']);
  });

  it('AML-NET-015 is not applicable when public access is Disabled and passes with a narrow allow-list', () => {
    expect(statuses(run(check('AML-NET-015'), hardenedSnapshot()))).toEqual(['not_applicable']);
    const s = withWorkspace(hardenedSnapshot({ workspacePreview: ipRules({ defaultAction: 'Deny', ipRules: ['203.0.113.0/28'] }) }), { publicNetworkAccess: 'Enabled' });
    const [r] = run(check('AML-NET-015'), s);
    expect(r!.status).toBe('pass');
    expect(r!.message).toContain('203.0.113.0/28');
  });
});

describe('network security checks: failed reads give error, never pass', () => {
  it('AML-NET-015 is an error, not a guess, when the preview read that carries networkAcls failed', () => {
    const s = withWorkspace(hardenedSnapshot({ workspacePreview: failedRead('invalid', 400) }), { publicNetworkAccess: 'Enabled' });
    expect(statuses(run(check('AML-NET-015'), s))).toEqual(['error']);
  });

  it.each([
    ['AML-NET-001', 'workspace'],
    ['AML-NET-004', 'outboundRules'],
    ['AML-NET-005', 'computes'],
    ['AML-NET-008', 'onlineEndpoints'],
    ['AML-NET-009', 'onlineDeployments'],
    ['AML-NET-010', 'storageAccount'],
    ['AML-NET-011', 'keyVault'],
    ['AML-NET-012', 'containerRegistry'],
    ['AML-NET-013', 'applicationInsights'],
    ['AML-NET-014', 'mlRegistries'],
  ] as const)('%s reports error when %s could not be read', (id, key) => {
    const s = hardenedSnapshot({ [key]: failedRead('forbidden', 403, 'Microsoft.Example/read', STORAGE_ID) });
    const results = run(check(id), s);
    expect(statuses(results)).toEqual(['error']);
    expect(results[0]!.message).toMatch(/Not assessed.*Microsoft\.Example\/read/);
  });
});

describe('AML-NET-012 on a registry below Premium', () => {
  it('upgrades it to Premium before turning public network access off', () => {
    const net012 = checks.find((c) => c.id === 'AML-NET-012')!;
    const [r] = net012.evaluate(withRegistry(hardenedSnapshot(), { sku: 'Standard', publicNetworkAccess: 'Enabled', networkDefaultAction: undefined, privateEndpointConnections: [] }));
    expect(r!.status).toBe('fail');
    expect(r!.cli).toBe('az acr update -n <registry> --sku Premium && az acr update -n <registry> --public-network-enabled false');
  });
});
