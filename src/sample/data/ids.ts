/**
 * Fixed identifiers of the sample environment. GUIDs are stable so that cards, tests and the lab can name them.
 *
 * `lab-default` is named the way the lab's MLOps v2 accelerator names things (config-infra-prod.yml:
 * namespace `mlopsv2`, postfix `0001`, environment `prod`). `hardened` lives in a second subscription because
 * Defender plans and subscription-scope role assignments are per subscription: in the lab's subscription
 * the hardened workspace would inherit the lab's Free plans and its over-privileged service principal.
 */

export const SAMPLE_TENANT_ID = '5a3b1c2d-0e4f-4a6b-8c7d-9e0f1a2b3c4d';

const LAB_NAMESPACE = 'mlopsv2';
const LAB_POSTFIX = '0001';
const LAB_ENVIRONMENT = 'prod';
/** The lab parameters (config-infra-prod.yml) the sample lab workspace was deployed with. */
export const LAB_PARAMETERS = { namespace: LAB_NAMESPACE, postfix: LAB_POSTFIX, environment: LAB_ENVIRONMENT } as const;
const LAB_BASE = `${LAB_NAMESPACE}-${LAB_POSTFIX}${LAB_ENVIRONMENT}`;
const LAB_COMPACT = `${LAB_NAMESPACE}${LAB_POSTFIX}${LAB_ENVIRONMENT}`;

export interface SampleNames {
  readonly key: SampleWorkspaceKey;
  readonly subscriptionId: string;
  readonly subscriptionName: string;
  readonly resourceGroup: string;
  readonly location: string;
  readonly workspace: string;
  readonly storageAccount: string;
  readonly keyVault: string;
  readonly containerRegistry: string;
  readonly applicationInsights: string;
  readonly logAnalytics: string;
  readonly computeCluster: string;
  readonly computeInstance: string;
  readonly onlineEndpoint: string;
  readonly deployment: string;
  /** Principal (object) ids. */
  readonly principals: {
    /** The identity AML acts as (the UAMI in the hardened sample, the system identity in the lab). */
    readonly workspace: string;
    /** The system-assigned identity when the workspace also has a UAMI. */
    readonly workspaceSystem: string;
    readonly labUser: string;
    readonly devOpsServicePrincipal: string;
    readonly dataScientists: string;
    readonly platformAdmins: string;
    readonly endpoint: string;
    /** Emergency-access group: a second subscription Owner, so one account is no single point of failure. */
    readonly breakGlass: string;
  };
}

export type SampleWorkspaceKey = 'lab-default' | 'hardened';

export const LAB_NAMES: SampleNames = {
  key: 'lab-default',
  subscriptionId: '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001',
  subscriptionName: 'Guardian sample: MLOps v2 lab',
  resourceGroup: `rg-${LAB_BASE}`,
  location: 'eastus',
  workspace: `mlw-${LAB_BASE}`,
  storageAccount: `st${LAB_COMPACT}`,
  keyVault: `kv-${LAB_BASE}`,
  containerRegistry: `cr${LAB_COMPACT}`,
  applicationInsights: `mlw-${LAB_BASE}`,
  logAnalytics: `log-${LAB_BASE}`,
  computeCluster: 'cpu-cluster',
  computeInstance: 'ci-lab-learner',
  onlineEndpoint: 'taxi-online-endpoint',
  deployment: 'blue',
  principals: {
    workspace: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0001',
    workspaceSystem: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0001',
    labUser: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0002',
    devOpsServicePrincipal: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0003',
    dataScientists: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0004',
    platformAdmins: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0005',
    endpoint: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0006',
    breakGlass: '7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d0008',
  },
};

export const HARDENED_NAMES: SampleNames = {
  key: 'hardened',
  subscriptionId: '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70002',
  subscriptionName: 'Guardian sample: hardened',
  resourceGroup: 'rg-guardian-hardened',
  location: 'eastus',
  workspace: 'mlw-guardian-hardened',
  storageAccount: 'stguardianhardened',
  keyVault: 'kv-guardian-hardened',
  containerRegistry: 'crguardianhardened',
  applicationInsights: 'appi-guardian-hardened',
  logAnalytics: 'log-guardian-hardened',
  computeCluster: 'cpu-cluster',
  computeInstance: 'ci-analyst-01',
  onlineEndpoint: 'churn-scoring',
  deployment: 'blue',
  principals: {
    workspace: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0001',
    workspaceSystem: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0007',
    labUser: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0002',
    devOpsServicePrincipal: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0003',
    dataScientists: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0004',
    platformAdmins: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0005',
    endpoint: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0006',
    breakGlass: '8d2f3e4a-5b6c-4d7e-9f80-1a2b3c4d0008',
  },
};

/** Resource ids derived from the names. */
export interface SampleIds {
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly workspace: string;
  readonly storageAccount: string;
  readonly keyVault: string;
  readonly containerRegistry: string;
  readonly applicationInsights: string;
  readonly logAnalytics: string;
  readonly userAssignedIdentity: string;
  readonly mlRegistry: string;
}

export function sampleIds(names: SampleNames): SampleIds {
  const subscription = `/subscriptions/${names.subscriptionId}`;
  const resourceGroup = `${subscription}/resourceGroups/${names.resourceGroup}`;
  const provider = (type: string, name: string): string => `${resourceGroup}/providers/${type}/${name}`;
  return {
    subscription,
    resourceGroup,
    workspace: provider('Microsoft.MachineLearningServices/workspaces', names.workspace),
    storageAccount: provider('Microsoft.Storage/storageAccounts', names.storageAccount),
    keyVault: provider('Microsoft.KeyVault/vaults', names.keyVault),
    containerRegistry: provider('Microsoft.ContainerRegistry/registries', names.containerRegistry),
    applicationInsights: provider('Microsoft.Insights/components', names.applicationInsights),
    logAnalytics: provider('Microsoft.OperationalInsights/workspaces', names.logAnalytics),
    userAssignedIdentity: provider('Microsoft.ManagedIdentity/userAssignedIdentities', `id-${names.workspace}`),
    mlRegistry: provider('Microsoft.MachineLearningServices/registries', `mlr-${names.workspace.replace(/^mlw-/, '')}`),
  };
}

/** The sample workspaces' resource ids, by sample name (`sample` alone means `lab-default`). */
export const SAMPLE_WORKSPACE_IDS: Readonly<Record<SampleWorkspaceKey, string>> = {
  'lab-default': sampleIds(LAB_NAMES).workspace,
  hardened: sampleIds(HARDENED_NAMES).workspace,
};

/** Built-in role definition GUIDs (the same in every tenant). */
export const ROLE_GUIDS = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  amlDataScientist: 'f6c7c914-8db3-469d-8ca1-694a8f32e121',
  amlComputeOperator: 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  storageFileDataPrivilegedContributor: '69566ab7-960f-475b-8e7c-b3118f30c6bd',
  keyVaultAdministrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  keyVaultCryptoServiceEncryptionUser: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
} as const;

/** The sample custom roles: an owner-equivalent one in the lab, a narrow one in the hardened subscription. */
export const CUSTOM_ROLE_GUIDS = {
  labAdmin: '3e9a7b1c-2d4f-4e6a-8b0c-1d2e3f4a5b6c',
  endpointOperator: '4f0b8c2d-3e5a-4f7b-9c1d-2e3f4a5b6c7d',
} as const;
