/**
 * Checks over the official example bodies (test/fixtures/arm-examples), parsed by the same code a scan uses: each
 * case changes only the property it is about, so the outcome follows from the contract's shapes and defaults, not
 * from data we wrote ourselves.
 */
import am001 from '../../src/checks/asset-management/aml-am-001-compute-idle-shutdown';
import am003 from '../../src/checks/asset-management/aml-am-003-ml-policies-assigned';
import am004 from '../../src/checks/asset-management/aml-am-004-allowed-types-locations-policy';
import am005 from '../../src/checks/asset-management/aml-am-005-mcsb-initiative-assigned';
import br003 from '../../src/checks/backup-recovery/aml-br-003-workspace-soft-delete';
import dp003 from '../../src/checks/data-protection/aml-dp-003-key-vault-recoverable';
import lt007 from '../../src/checks/logging-threat-detection/aml-lt-007-defender-for-storage';
import net008 from '../../src/checks/network-security/aml-net-008-online-endpoint-not-public';
import net009 from '../../src/checks/network-security/aml-net-009-online-deployment-egress-locked';
import net010 from '../../src/checks/network-security/aml-net-010-linked-storage-not-public';
import net011 from '../../src/checks/network-security/aml-net-011-linked-key-vault-not-public';
import net012 from '../../src/checks/network-security/aml-net-012-linked-registry-not-public';
import net015 from '../../src/checks/network-security/aml-net-015-workspace-public-access-ip-limited';
import pv002 from '../../src/checks/posture-vulnerability/aml-pv-002-registry-image-vulnerabilities';
import type { CheckDefinition, CheckResult, Status } from '../../src/checks/types';
import type { WorkspaceSnapshot } from '../../src/azure/snapshot';
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { readKeyVault, readStorageAccount } from '../../src/azure/reads';
import { parseAssessment, parseDefenderPlan, parsePolicyAssignment } from '../../src/azure/parse/governance';
import { JsonReader } from '../../src/azure/parse/json-reader';
import { parseCompute } from '../../src/azure/parse/ml';
import { parseContainerRegistry } from '../../src/azure/parse/registry';
import { parseWorkspace, parseWorkspacePreviewSettings } from '../../src/azure/parse/workspace';
import type { JsonObject } from '../../src/sample';
import { EXAMPLES, exampleBody, items, member, text, withProperties } from '../support/arm-example';
import { startTestArm, type TestArm } from '../support/fake-arm';
import { RESOURCE_GROUP_SCOPE, SUBSCRIPTION_SCOPE, WORKSPACE_ID, hardenedSnapshot } from '../support/snapshot-builder';

const reader = (body: JsonObject): JsonReader => JsonReader.of(body, 'an example body');
const statuses = (results: readonly CheckResult[]): Status[] => results.map((r) => r.status);
const evaluate = (check: CheckDefinition, overrides: Partial<WorkspaceSnapshot>): readonly CheckResult[] => check.evaluate(hardenedSnapshot(overrides));
const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

describe('AML-NET-015 on the workspace example', () => {
  const workspace = (changes: JsonObject): Partial<WorkspaceSnapshot> => {
    const body = withProperties(exampleBody(EXAMPLES.workspace), changes);
    return { workspace: ok(parseWorkspace(reader(body))), workspacePreview: ok(parseWorkspacePreviewSettings(reader(body))) };
  };

  test('passes public access "Enabled from selected IP addresses": networkAcls deny by default with one office range', () => {
    const results = evaluate(net015, workspace({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] } }));
    expect(statuses(results)).toEqual(['pass']);
    expect(results[0]!.message).toContain('203.0.113.0/24');
  });

  test('fails public access from all networks: no networkAcls, or rules that allow by default', () => {
    expect(statuses(evaluate(net015, workspace({ publicNetworkAccess: 'Enabled' })))).toEqual(['fail']);
    expect(statuses(evaluate(net015, workspace({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow', ipRules: [] } })))).toEqual(['fail']);
  });

  test('is not applicable to the example as published (public network access Disabled)', () => {
    expect(statuses(evaluate(net015, workspace({})))).toEqual(['not_applicable']);
  });
});

describe('AML-AM-005 and AML-AM-003 on the policy assignment list example', () => {
  const example = items(exampleBody(EXAMPLES.policyAssignments))[0]!;
  const managementGroup = '/providers/Microsoft.Management/managementGroups/contoso-mg';
  const mcsbSet = '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8';
  const publicNetworkPolicy = '/providers/Microsoft.Authorization/policyDefinitions/438c38d2-3772-465a-a9cc-7a6666a275ce';
  /** The example's first assignment, made at `scope` for `policyDefinitionId` and excluding `notScopes`. */
  const assignment = (name: string, scope: string, policyDefinitionId: string, notScopes: string[]) =>
    parsePolicyAssignment(
      reader({
        ...withProperties(example, { displayName: name, policyDefinitionId, scope, notScopes, parameters: {} }),
        id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`,
        name,
      }),
    );
  const mcsbExcluding = (notScopes: string[]) => assignment('MCSB', managementGroup, mcsbSet, notScopes);

  test("AML-AM-005 fails the benchmark assigned at a management group whose notScopes hold the workspace's resource group, naming the exclusion", () => {
    const results = evaluate(am005, { policyAssignments: ok([mcsbExcluding([RESOURCE_GROUP_SCOPE.toUpperCase()])]) });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain(`notScopes exclude the workspace (${RESOURCE_GROUP_SCOPE.toUpperCase()})`);
  });

  test('AML-AM-005 passes when notScopes hold only a resource group whose name merely starts with the workspace resource group name', () => {
    expect(statuses(evaluate(am005, { policyAssignments: ok([mcsbExcluding([`${RESOURCE_GROUP_SCOPE}-archive`])]) }))).toEqual(['pass']);
    expect(statuses(evaluate(am005, { policyAssignments: ok([mcsbExcluding([])]) }))).toEqual(['pass']);
  });

  test('AML-AM-003 fails when the benchmark excludes the resource group and the public-network policy excludes the subscription', () => {
    const results = evaluate(am003, {
      policyAssignments: ok([mcsbExcluding([RESOURCE_GROUP_SCOPE]), assignment('aml-public-network', managementGroup, publicNetworkPolicy, [SUBSCRIPTION_SCOPE])]),
    });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain(`"MCSB" (MCSB) is assigned but its notScopes exclude the workspace (${RESOURCE_GROUP_SCOPE})`);
    expect(results[0]!.message).toContain(`"aml-public-network" (aml-public-network) is assigned but its notScopes exclude the workspace (${SUBSCRIPTION_SCOPE})`);
  });

  test('AML-AM-004 fails allowed-types and allowed-locations assignments whose notScopes hold the workspace itself', () => {
    const definition = (guid: string) => `/providers/Microsoft.Authorization/policyDefinitions/${guid}`;
    const results = evaluate(am004, {
      policyAssignments: ok([
        assignment('allowed-types', managementGroup, definition('a08ec900-254a-4555-9bf5-e42af04b5c5c'), [WORKSPACE_ID]),
        assignment('allowed-locations', managementGroup, definition('e56962a6-4747-49cd-b67b-bf8b01975c4c'), [WORKSPACE_ID]),
      ]),
    });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain(`"allowed-locations" (allowed-locations) is assigned but its notScopes exclude the workspace (${WORKSPACE_ID})`);
  });

  test('AML-AM-003 passes the benchmark at a management group that excludes nothing covering the workspace', () => {
    expect(statuses(evaluate(am003, { policyAssignments: ok([mcsbExcluding([`${SUBSCRIPTION_SCOPE}/resourceGroups/rg-sandbox`])]) }))).toEqual(['pass']);
  });
});

describe('AML-BR-003 on the workspace example', () => {
  const workspace = (changes: JsonObject): Partial<WorkspaceSnapshot> => {
    const body = withProperties(exampleBody(EXAMPLES.workspace), changes);
    return { workspace: ok(parseWorkspace(reader(body))), workspacePreview: ok(parseWorkspacePreviewSettings(reader(body))) };
  };

  test('passes the example, which sets no retention (the 14-day default) and keeps a system-assigned identity', () => {
    const [r] = evaluate(br003, workspace({}));
    expect(r).toMatchObject({ status: 'pass' });
    expect(r!.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ property: 'properties.softDeleteRetentionInDays', actual: 'not set (default 14)' })]));
  });

  test('fails a retention shorter than 14 days', () => {
    expect(statuses(evaluate(br003, workspace({ softDeleteRetentionInDays: 7 })))).toEqual(['fail']);
  });
});

describe('AML-AM-001 on the compute instance example', () => {
  const instance = parseCompute(reader(exampleBody(EXAMPLES.computeInstance)));

  test('does not fail an instance whose body, like the stable contract, says nothing about idle shutdown', () => {
    expect(instance.idleTimeBeforeShutdown).toBeUndefined();
    const results = evaluate(am001, { computes: ok([instance]), policyStates: ok([]) });
    expect(statuses(results)).toEqual(['manual']);
    expect(results[0]!.message).toContain('does not define idleTimeBeforeShutdown');
  });

  test('passes when the service returns the idle time', () => {
    const body = exampleBody(EXAMPLES.computeInstance);
    const outer = member(body, 'properties');
    const withIdle = withProperties(body, { properties: { ...member(outer, 'properties'), idleTimeBeforeShutdown: 'PT60M' } });
    expect(statuses(evaluate(am001, { computes: ok([parseCompute(reader(withIdle))]) }))).toEqual(['pass']);
  });
});

describe('AML-PV-002 on the registry, assessment and pricing examples', () => {
  const registry = parseContainerRegistry(reader(exampleBody(EXAMPLES.containerRegistry)));
  const plans = (changes: Readonly<Record<string, JsonObject>> = {}) => {
    return ok(
      items(exampleBody(EXAMPLES.pricings)).map((p) => {
        const change = changes[text(p, 'name')];
        return parseDefenderPlan(reader(change !== undefined ? withProperties(p, change) : p));
      }),
    );
  };
  /** The example assessment, as the registry image assessment (its current display name) on the example registry. */
  const imageAssessment = (code: string) => {
    const example = exampleBody(EXAMPLES.assessment);
    const properties = member(example, 'properties');
    const id = `${registry.id}/providers/Microsoft.Security/assessments/c0b7cfc6-3172-465a-b378-53c7ff2cc0d5`;
    return parseAssessment(
      reader({
        ...example,
        id,
        name: 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5',
        properties: { ...properties, resourceDetails: { source: 'Azure', id: registry.id }, displayName: 'Container registry images should have vulnerability findings resolved', status: { code } },
      }),
    );
  };

  test('fails open vulnerabilities reported under the current display name (matched by the assessment key)', () => {
    const results = evaluate(pv002, { containerRegistry: ok(registry), assessments: ok([imageAssessment('Unhealthy')]), defenderPlans: plans() });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('Container registry images should have vulnerability findings resolved');
  });

  test('passes when that assessment is healthy', () => {
    expect(statuses(evaluate(pv002, { containerRegistry: ok(registry), assessments: ok([imageAssessment('Healthy')]), defenderPlans: plans() }))).toEqual(['pass']);
  });

  test("counts Defender CSPM's registry vulnerability assessment as scanning when Defender for Containers is off", () => {
    const results = evaluate(pv002, { containerRegistry: ok(registry), assessments: ok([]), defenderPlans: plans({ Containers: { pricingTier: 'Free', extensions: [] } }) });
    expect(statuses(results)).toEqual(['pass']);
    expect(results[0]!.message).toContain('Defender CSPM');
  });

  test('fails when neither plan scans registry images', () => {
    const off = { pricingTier: 'Free', extensions: [] };
    expect(statuses(evaluate(pv002, { containerRegistry: ok(registry), assessments: ok([]), defenderPlans: plans({ Containers: off, CloudPosture: off }) }))).toEqual(['fail']);
  });
});

describe('AML-NET-012 on the registry example', () => {
  const registry = (changes: JsonObject, sku?: string) => {
    const body = withProperties(exampleBody(EXAMPLES.containerRegistry), changes);
    return ok(parseContainerRegistry(reader(sku === undefined ? body : { ...body, sku: { name: sku, tier: sku } })));
  };

  test('fails the Standard registry of the example even when its networkRuleSet denies by default: the rules need Premium', () => {
    const results = evaluate(net012, { containerRegistry: registry({ networkRuleSet: { defaultAction: 'Deny', ipRules: [] } }) });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('networkRuleSet.defaultAction Deny has no effect');
    expect(results[0]!.message).toContain('Standard SKU');
  });

  test('labels the evidence with the registry property networkRuleSet.defaultAction', () => {
    const [result] = evaluate(net012, { containerRegistry: registry({ networkRuleSet: { defaultAction: 'Deny', ipRules: [] } }, 'Premium') });
    expect(result!.status).toBe('pass');
    expect(result!.evidence.map((e) => e.property)).toContain('networkRuleSet.defaultAction');
    expect(result!.evidence.map((e) => e.property)).not.toContain('networkAcls.defaultAction');
  });

  test('fails a Premium registry whose networkRuleSet allows an overly broad range', () => {
    const rules = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '0.0.0.0/0' }] };
    const results = evaluate(net012, { containerRegistry: registry({ networkRuleSet: rules }, 'Premium') });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('overly broad ranges (0.0.0.0/0)');
  });
});

describe('AML-LT-007 on the pricing list example (2024-01-01)', () => {
  const plans = (storage: JsonObject = {}) => {
    return ok(items(exampleBody(EXAMPLES.pricings)).map((p) => parseDefenderPlan(reader(p.name === 'StorageAccounts' ? withProperties(p, storage) : p))));
  };
  const extensions = (malware: string, sensitive: string) => [
    { name: 'OnUploadMalwareScanning', isEnabled: malware },
    { name: 'SensitiveDataDiscovery', isEnabled: sensitive },
  ];

  test('passes the example: DefenderForStorageV2 with both extensions "True" (strings, as the contract defines them)', () => {
    expect(statuses(evaluate(lt007, { defenderPlans: plans() }))).toEqual(['pass', 'pass', 'pass']);
  });

  test('fails sensitive data discovery switched off ("False")', () => {
    const results = evaluate(lt007, { defenderPlans: plans({ extensions: extensions('True', 'False') }) });
    expect(results.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['StorageAccounts', 'pass'],
      ['OnUploadMalwareScanning', 'pass'],
      ['SensitiveDataDiscovery', 'fail'],
    ]);
  });

  test('fails a Standard plan on the older per-transaction sub-plan', () => {
    const results = evaluate(lt007, { defenderPlans: plans({ subPlan: 'PerTransaction', extensions: [] }) });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('PerTransaction instead of DefenderForStorageV2');
  });
});

describe('checks on the vault and storage examples, read through the SDK', () => {
  let t: TestArm;
  const signal = new AbortController().signal;
  beforeEach(async () => {
    t = await startTestArm({ seed: () => undefined });
  });
  afterEach(() => t.close());

  const vault = async (changes: JsonObject) => {
    const body = withProperties(exampleBody(EXAMPLES.vault), changes);
    t.arm.setResource(text(body, 'id'), body);
    return ok(await readKeyVault(t.clients, text(body, 'id'), signal));
  };

  test('AML-DP-003 passes a vault whose body omits enableSoftDelete (the contract default is true) with purge protection on', async () => {
    const keyVault = await vault({ enablePurgeProtection: true });
    expect(keyVault.value.enableSoftDelete).toBeUndefined();
    expect(statuses(evaluate(dp003, { keyVault }))).toEqual(['pass']);
  });

  test('AML-DP-003 fails soft delete only when it is explicitly false, and purge protection when it is absent', async () => {
    const results = evaluate(dp003, { keyVault: await vault({ enableSoftDelete: false }) });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('lacks soft delete and purge protection');
    expect(evaluate(dp003, { keyVault: await vault({}) })[0]!.message).toMatch(/lacks purge protection\.$/);
  });

  const storage = async (changes: JsonObject) => {
    const example = exampleBody(EXAMPLES.storageAccount);
    // The example's id carries a `{subscription-id}` placeholder: give it a real one to serve it at its path.
    const id = text(example, 'id').replace('{subscription-id}', '3f2c8a1e-5b7d-4c9e-a1f0-6d2b8e4c7a90');
    t.arm.setResource(id, withProperties({ ...example, id }, changes));
    return ok(await readStorageAccount(t.clients, id, signal));
  };
  /** Two halves of the IPv4 space: "deny by default" in name only. */
  const wholeInternet = [{ value: '0.0.0.0/1' }, { value: '128.0.0.0/1' }];

  test('AML-NET-010 fails a storage firewall that denies by default but allows both halves of the IPv4 space', async () => {
    const example = member(exampleBody(EXAMPLES.storageAccount), 'properties');
    const networkAcls = { ...member(example, 'networkAcls'), defaultAction: 'Deny', ipRules: wholeInternet.map((r) => ({ ...r, action: 'Allow' })) };
    const results = evaluate(net010, { storageAccount: await storage({ networkAcls }) });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('overly broad ranges (0.0.0.0/1, 128.0.0.0/1)');
  });

  test('AML-NET-010 passes a storage firewall that denies by default and allows one office range', async () => {
    const example = member(exampleBody(EXAMPLES.storageAccount), 'properties');
    const networkAcls = { ...member(example, 'networkAcls'), defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24', action: 'Allow' }] };
    expect(statuses(evaluate(net010, { storageAccount: await storage({ networkAcls }) }))).toEqual(['pass']);
  });

  test('AML-NET-011 fails a vault firewall that denies by default but allows both halves of the IPv4 space', async () => {
    const results = evaluate(net011, { keyVault: await vault({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: wholeInternet } }) });
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('overly broad ranges (0.0.0.0/1, 128.0.0.0/1)');
    expect(statuses(evaluate(net011, { keyVault: await vault({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '203.0.113.7' }] } }) }))).toEqual(['pass']);
  });

  test('AML-NET-010 treats a storage account SecuredByPerimeter as not public, governed by its network security perimeter', async () => {
    const storageAccount = await storage({ publicNetworkAccess: 'SecuredByPerimeter' });
    expect(storageAccount.value.networkAcls?.defaultAction).toBe('Allow');
    const results = evaluate(net010, { storageAccount });
    expect(statuses(results)).toEqual(['pass']);
    expect(results[0]!.message).toContain('network security perimeter');
  });
});

describe('AML-NET-008 and AML-NET-009 on the online endpoint and deployment list examples, collected through the SDK', () => {
  let t: TestArm;
  beforeEach(async () => {
    t = await startTestArm({ seed: () => undefined });
  });
  afterEach(() => t.close());

  const workspace = exampleBody(EXAMPLES.workspace);
  const endpointId = `${text(workspace, 'id')}/onlineEndpoints/ep-scoring`;
  /** The examples' first endpoint and deployment, served below the workspace example, changed as the case says. */
  const collect = async (endpoint: JsonObject, deployment: JsonObject) => {
    t.arm.setResource(text(workspace, 'id'), workspace);
    const endpointBody = withProperties(items(exampleBody(EXAMPLES.onlineEndpoints))[0]!, endpoint);
    t.arm.setResource(endpointId, { ...endpointBody, id: endpointId, name: 'ep-scoring' });
    const deploymentBody = withProperties(items(exampleBody(EXAMPLES.onlineDeployments))[0]!, deployment);
    t.arm.setResource(`${endpointId}/deployments/blue`, { ...deploymentBody, id: `${endpointId}/deployments/blue`, name: 'blue' });
    const snapshot = await collectWorkspaceSnapshot(t.clients, text(workspace, 'id'), { timeoutMs: 10_000, concurrency: 4, only: new Set(['onlineEndpoints', 'onlineDeployments']) });
    return { workspace: snapshot.workspace, onlineEndpoints: snapshot.onlineEndpoints, onlineDeployments: snapshot.onlineDeployments };
  };
  const kubernetes = `${text(workspace, 'id')}/computes/aks-inference`;

  test('AML-NET-009 is not applicable to the Kubernetes deployment of the example, which sets no egressPublicNetworkAccess', async () => {
    const results = evaluate(net009, await collect({ compute: kubernetes }, {}));
    expect(statuses(results)).toEqual(['not_applicable']);
    expect(results[0]!.message).toContain('attached Kubernetes cluster');
  });

  test('AML-NET-009 still fails the same deployment made Managed, on the default Enabled egress', async () => {
    const results = evaluate(net009, await collect({ compute: null }, { endpointComputeType: 'Managed' }));
    expect(statuses(results)).toEqual(['fail']);
    expect(results[0]!.message).toContain('egressPublicNetworkAccess is not set (defaults to Enabled)');
  });

  test('AML-NET-008 is not applicable to the endpoint of the example, which names a Kubernetes compute', async () => {
    const results = evaluate(net008, await collect({ compute: kubernetes }, {}));
    expect(statuses(results)).toEqual(['not_applicable']);
    expect(results[0]!.message).toContain(`attached Kubernetes compute ${kubernetes}`);
  });

  test('AML-NET-008 still fails a managed endpoint (no compute) that leaves publicNetworkAccess at its default', async () => {
    expect(statuses(evaluate(net008, await collect({ compute: null }, { endpointComputeType: 'Managed' })))).toEqual(['fail']);
  });
});
