/**
 * Named changes to the sample environment's ARM data, at the exact paths the collectors read, so that a test
 * can drive one check to `pass` or `fail` through the real collectors and SDK clients. Each mutation changes
 * one thing; `snapshotSample` takes the whole store back afterwards so that cases never leak into each other.
 */
import { HARDENED_NAMES, LAB_NAMES, SAMPLE_TENANT_ID, sampleIds, type JsonObject, type SampleArm, type SampleIds, type SampleNames } from '../../src/sample';
import { putConnection, putMlRegistry, putOutboundRule, putPolicyAssignment, putPolicyState, type Put } from '../../src/sample/data/builders';

export type SampleMutation = (arm: SampleArm) => void;

export const LAB_IDS: SampleIds = sampleIds(LAB_NAMES);
export const HARDENED_IDS: SampleIds = sampleIds(HARDENED_NAMES);

/** The policy that limits model deployments to one registry (AML-DP-010). */
export const REGISTRY_MODELS_POLICY = '/providers/Microsoft.Authorization/policyDefinitions/19539b54-c61e-4196-9a38-67598701be90';

const putInto = (arm: SampleArm): Put => (path, body) => arm.setResource(path, body);

const clusterPath = (names: SampleNames, ids: SampleIds): string => `${ids.workspace}/computes/${names.computeCluster}`;

/** Takes the whole store (order included) and gives back a function that puts it back exactly. */
export function snapshotSample(arm: SampleArm): () => void {
  const saved = arm.store.entries();
  return () => {
    for (const [key] of arm.store.entries()) arm.store.delete(key);
    for (const [key, body] of saved) arm.store.set(key, body);
  };
}

/** Replaces a resource's top-level tags (patch only reaches `properties`). */
function setTags(arm: SampleArm, path: string, tags: JsonObject): void {
  const current = arm.getResource(path);
  if (current === undefined) throw new Error(`No sample resource at ${path}`);
  arm.setResource(path, { ...current, tags });
}

/** An attached VM compute (computeType VirtualMachine), shaped on machineLearningServices.json's VirtualMachine schema. */
function putAttachedVm(arm: SampleArm, names: SampleNames, ids: SampleIds): void {
  const id = `${ids.workspace}/computes/attached-dsvm`;
  arm.setResource(id, {
    id,
    name: 'attached-dsvm',
    type: 'Microsoft.MachineLearningServices/workspaces/computes',
    location: names.location,
    properties: {
      computeType: 'VirtualMachine',
      computeLocation: names.location,
      resourceId: `${ids.resourceGroup}/providers/Microsoft.Compute/virtualMachines/vm-dsvm-01`,
      provisioningState: 'Succeeded',
      isAttachedCompute: true,
      properties: { virtualMachineSize: 'Standard_D4s_v3', sshPort: 22, address: '10.0.1.10' },
    },
  });
}

export const mutations = {
  /** AML-AM-002: the lab cluster keeps two nodes warm. */
  labClusterMinNodes2: (arm) => arm.patch(clusterPath(LAB_NAMES, LAB_IDS), { properties: { scaleSettings: { minNodeCount: 2 } } }),

  /** AML-AM-006: a NonCompliant state for the lab workspace, as …/policyStates/latest/queryResults returns it. */
  labWorkspaceNonCompliant: (arm) => {
    const definition = '/providers/Microsoft.Authorization/policyDefinitions/438c38d2-3772-465a-a9cc-7a6666a275ce';
    const assignment = putPolicyAssignment(putInto(arm), LAB_IDS.subscription, 'pa-aml-public-access', 'Azure Machine Learning Workspaces should disable public network access', definition, { effect: 'Audit' });
    putPolicyState(putInto(arm), LAB_IDS.workspace, assignment, definition, 'NonCompliant');
  },

  /** AML-BR-003: the lab workspace is recoverable for 7 days only. */
  labWorkspaceSoftDelete7Days: (arm) => arm.patch(LAB_IDS.workspace, { softDeleteRetentionInDays: 7 }),

  /** AML-BR-005: the lab vault keeps deleted secrets for 7 days only. */
  labVaultRetention7Days: (arm) => arm.patch(LAB_IDS.keyVault, { softDeleteRetentionInDays: 7 }),

  /** AML-DP-001, AML-DP-007: the lab workspace says it holds high-business-impact data. */
  labWorkspaceHbi: (arm) => arm.patch(LAB_IDS.workspace, { hbiWorkspace: true }),

  /** AML-DP-002: the lab workspace is tagged confidential but not flagged HBI. */
  labWorkspaceTaggedConfidential: (arm) => setTags(arm, LAB_IDS.workspace, { environment: 'prod', project: 'mlopsv2', dataClassification: 'confidential' }),

  /** AML-DP-004 */
  labStorageTls10: (arm) => arm.patch(LAB_IDS.storageAccount, { minimumTlsVersion: 'TLS1_0' }),

  /** AML-DP-005 */
  labStorageAnonymousBlob: (arm) => arm.patch(LAB_IDS.storageAccount, { allowBlobPublicAccess: true }),

  /** AML-DP-006 */
  labStorageCrossTenantReplication: (arm) => arm.patch(LAB_IDS.storageAccount, { allowCrossTenantReplication: true }),

  /** AML-DP-009: the hardened CMK keeps its expiry notice but loses its rotate action. */
  hardenedCmkWithoutRotation: (arm) =>
    arm.patch(`${HARDENED_IDS.keyVault}/keys/cmk-aml`, {
      rotationPolicy: { lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } }] },
    }),

  /** AML-DP-010 pass: the registry-models Deny policy allows exactly the registry the hardened deployment uses. */
  hardenedRegistryModelsDenyOwnRegistry: (arm) =>
    void putPolicyAssignment(putInto(arm), HARDENED_IDS.workspace, 'pa-registry-models', 'Restrict registry models', REGISTRY_MODELS_POLICY, {
      allowedRegistryName: HARDENED_IDS.mlRegistry.split('/').pop() ?? '',
      effect: 'Deny',
    }),

  /** AML-DP-010 fail: the Deny policy allows another registry, but the deployment already serves one from its own. */
  hardenedRegistryModelsDenyOtherRegistry: (arm) =>
    void putPolicyAssignment(putInto(arm), HARDENED_IDS.workspace, 'pa-registry-models', 'Restrict registry models', REGISTRY_MODELS_POLICY, {
      allowedRegistryName: 'mlr-approved-elsewhere',
      effect: 'Deny',
    }),

  /** AML-IDM-008 */
  labRegistryAnonymousPull: (arm) => arm.patch(LAB_IDS.containerRegistry, { anonymousPullEnabled: true }),

  /** AML-NET-004: a user-defined rule to every blob endpoint in Azure. */
  hardenedOutboundRuleToAnyBlob: (arm) =>
    putOutboundRule(putInto(arm), HARDENED_IDS, 'allow-any-blob', { type: 'FQDN', category: 'UserDefined', status: 'Active', destination: '*.blob.core.windows.net' }),

  /** AML-LT-005 fail: the lab workspace connects to Azure OpenAI while its subscription has Defender for AI services off. */
  labAzureOpenAiConnection: (arm) =>
    putConnection(putInto(arm), LAB_IDS, 'aoai-lab-chat', { category: 'AzureOpenAI', target: 'https://oai-guardian-lab.openai.azure.com/', authType: 'AAD', isSharedToAll: true }),

  /** AML-LT-012: a virtual machine of the customer's own attached to the lab workspace as compute. */
  labAttachedVm: (arm) => putAttachedVm(arm, LAB_NAMES, LAB_IDS),

  /** AML-LT-012: a virtual machine of the customer's own attached to the hardened workspace as compute. */
  hardenedAttachedVm: (arm) => putAttachedVm(arm, HARDENED_NAMES, HARDENED_IDS),

  /** AML-NET-014: an AML registry open to public networks in the lab's resource group. */
  labPublicMlRegistry: (arm) => putMlRegistry(putInto(arm), LAB_NAMES, LAB_IDS, 'Enabled'),

  /** AML-NET-015 pass: the hardened workspace opened to the public, but only from one office range ("selected IP addresses"). */
  hardenedPublicWithIpAllowlist: (arm) =>
    arm.patch(HARDENED_IDS.workspace, { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] } }),

  /** AML-AM-001 fail: policy 679ddf89 reports the lab compute instance without idle shutdown. */
  labComputeInstanceIdleShutdownNonCompliant: (arm) => {
    const definition = '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449';
    const assignment = putPolicyAssignment(putInto(arm), LAB_IDS.subscription, 'pa-aml-idle-shutdown', 'Azure Machine Learning Compute Instance should have idle shutdown', definition, { effect: 'Audit' });
    putPolicyState(putInto(arm), `${LAB_IDS.workspace}/computes/${LAB_NAMES.computeInstance}`, assignment, definition, 'NonCompliant');
  },

  /** AML-PRA-002 pass: the lab vault's access policies trimmed to the operations AML uses. */
  labVaultLeastPrivilegePolicies: (arm) => {
    const narrow = (objectId: string): JsonObject => ({
      tenantId: SAMPLE_TENANT_ID,
      objectId,
      permissions: { keys: ['get', 'wrapKey', 'unwrapKey'], secrets: ['get', 'list', 'set', 'delete'], certificates: [], storage: [] },
    });
    arm.patch(LAB_IDS.keyVault, { accessPolicies: [narrow(LAB_NAMES.principals.workspace), narrow(LAB_NAMES.principals.devOpsServicePrincipal)] });
  },

  /** AML-PRA-005: the lab workspace identity loses Contributor on its key vault (assignment #9 in lab-default.ts). */
  labWorkspaceIdentityLosesVaultContributor: (arm) =>
    arm.deleteResource(`${LAB_IDS.keyVault}/providers/Microsoft.Authorization/roleAssignments/a1000000-0000-4000-8000-000000000009`),
} satisfies Record<string, SampleMutation>;

export type MutationName = keyof typeof mutations;
