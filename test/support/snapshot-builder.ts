/**
 * Test fixtures for the checks: a complete, hardened `WorkspaceSnapshot` (every read ok, every resource set
 * as the baseline wants) plus small helpers to make one thing insecure, missing or unreadable.
 *
 * Tests start from `hardenedSnapshot()` and change exactly what the case is about, so a fixture's name and
 * its single override say why a check fails.
 */
import type {
  ApplicationInsights,
  BlobServiceProperties,
  CmkKey,
  Collected,
  Compute,
  ContainerRegistry,
  Datastore,
  DefenderPlan,
  DiagnosticSetting,
  KeyVault,
  Linked,
  MlRegistry,
  OnlineDeployment,
  OnlineEndpoint,
  OutboundRule,
  PolicyAssignment,
  PolicyState,
  ReadError,
  ReadErrorKind,
  RoleAssignment,
  RoleAssignmentsByScope,
  RoleDefinition,
  SecurityAssessment,
  SecurityConnector,
  StorageAccount,
  Workspace,
  WorkspaceConnection,
  WorkspaceSnapshot,
} from '../../src/azure/snapshot';
import { fieldOf, readOf, snapshotFromFields, type SnapshotField } from '../../src/azure/snapshot-fields';
import type { AnyRead } from '../../src/azure/snapshot-reads';

// ---------------------------------------------------------------------------------------------------------
// Fixed, realistic identifiers
// ---------------------------------------------------------------------------------------------------------

export const SUBSCRIPTION_ID = '3f2c8a1e-5b7d-4c9e-a1f0-6d2b8e4c7a90';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const RESOURCE_GROUP = 'rg-mlsec-prod';
export const LOCATION = 'westeurope';
export const SUBSCRIPTION_SCOPE = `/subscriptions/${SUBSCRIPTION_ID}`;
export const RESOURCE_GROUP_SCOPE = `${SUBSCRIPTION_SCOPE}/resourceGroups/${RESOURCE_GROUP}`;

const provider = (type: string, name: string): string => `${RESOURCE_GROUP_SCOPE}/providers/${type}/${name}`;

export const WORKSPACE_NAME = 'mlw-contoso-prod';
export const WORKSPACE_ID = provider('Microsoft.MachineLearningServices/workspaces', WORKSPACE_NAME);
export const STORAGE_ID = provider('Microsoft.Storage/storageAccounts', 'stmlcontosoprod');
export const KEY_VAULT_ID = provider('Microsoft.KeyVault/vaults', 'kv-ml-contoso-prod');
export const REGISTRY_ID = provider('Microsoft.ContainerRegistry/registries', 'crmlcontosoprod');
export const APP_INSIGHTS_ID = provider('Microsoft.Insights/components', 'appi-ml-contoso-prod');
export const LOG_ANALYTICS_ID = provider('Microsoft.OperationalInsights/workspaces', 'log-sec-contoso-prod');
export const UAMI_ID = provider('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-mlw-contoso-prod');
export const ML_REGISTRY_ID = provider('Microsoft.MachineLearningServices/registries', 'mlr-contoso-prod');
export const CMK_KEY_ID = `${KEY_VAULT_ID}/keys/cmk-mlw`;

/** Principal (object) ids. */
export const PRINCIPALS = {
  workspaceUami: '9a3c1f7e-2b4d-4e8f-a6c1-0d5e7b9f2a41',
  workspaceSystem: '4c6e8a0b-2d4f-4a6c-8e0a-1b3d5f7a9c2e',
  platformAdmins: 'c4e7a2b9-1d3f-4a6c-8e0b-5f2d9a7c3e18', // group
  emergencyAccess: '2e8d4b1f-6a3c-4f9e-b7d2-8c1a5e3f9b60', // group holding the break-glass accounts
  dataScientists: 'e1b5d8c3-7a9f-4c2e-b6d0-3a8f1e5c9b72', // group
  alice: '5d2f9b6e-8c1a-4e7d-9b3f-2a6c8e0d4f15', // user (no direct assignments in the hardened snapshot)
  cicdPipeline: 'b8f1c4a7-3e6d-4b9a-8c2f-7d0e5a1b9c36', // service principal
} as const;

/** Built-in role definition GUIDs used by the fixtures (the same values Azure uses in every tenant). */
export const ROLE = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  amlDataScientist: 'f6c7c914-8db3-469d-8ca1-694a8f32e121',
  amlComputeOperator: 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  keyVaultAdministrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
} as const;

export const roleDefinitionId = (guid: string): string => `${SUBSCRIPTION_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

// ---------------------------------------------------------------------------------------------------------
// Collected helpers
// ---------------------------------------------------------------------------------------------------------

export function ok<T>(value: T): Collected<T> {
  return { ok: true, value };
}

/** A linked resource the workspace does not name. */
export function noneLinked<T>(): Linked<T> {
  return { ok: true, value: null };
}

const DEFAULT_STATUS: Readonly<Record<ReadErrorKind, number | undefined>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  throttled: 429,
  timeout: undefined,
  server: 503,
  network: undefined,
  invalid: undefined,
  skipped: undefined,
};

/** A failed read, assignable to any `Collected<T>` / `Linked<T>`. */
export function failedRead(
  kind: ReadErrorKind = 'forbidden',
  status: number | undefined = DEFAULT_STATUS[kind],
  requiredAction: string | undefined = 'Microsoft.MachineLearningServices/workspaces/read',
  resourceId: string = WORKSPACE_ID,
): { readonly ok: false; readonly error: ReadError } {
  const error: ReadError = {
    kind,
    ...(status !== undefined ? { status } : {}),
    ...(kind === 'forbidden' ? { code: 'AuthorizationFailed' } : {}),
    message: `The read of ${resourceId} failed (${kind}${status !== undefined ? `, HTTP ${status}` : ''}).`,
    ...(requiredAction !== undefined ? { requiredAction } : {}),
    resourceId,
  };
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------------------
// Resource builders (hardened defaults, override what the test is about)
// ---------------------------------------------------------------------------------------------------------

export function hardenedWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    id: WORKSPACE_ID,
    name: WORKSPACE_NAME,
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroup: RESOURCE_GROUP,
    location: LOCATION,
    kind: 'Default',
    tags: { environment: 'prod', owner: 'ml-platform', dataClassification: 'confidential' },
    // Both identities: the user-assigned one is primary (AML-IDM-002), and keeping the system identity lets the
    // workspace be soft-deleted and recovered (AML-BR-003).
    identity: {
      type: 'SystemAssigned,UserAssigned',
      principalId: PRINCIPALS.workspaceSystem,
      tenantId: TENANT_ID,
      userAssigned: [{ resourceId: UAMI_ID, principalId: PRINCIPALS.workspaceUami }],
    },
    primaryUserAssignedIdentity: UAMI_ID,
    publicNetworkAccess: 'Disabled',
    allowPublicAccessWhenBehindVnet: false,
    privateEndpointConnections: [
      { id: `${WORKSPACE_ID}/privateEndpointConnections/pe-mlw-contoso-prod.1a2b3c`, status: 'Approved' },
    ],
    managedNetworkIsolationMode: 'AllowOnlyApprovedOutbound',
    managedNetworkFirewallSku: 'Standard',
    encryption: {
      status: 'Enabled',
      keyIdentifier: 'https://kv-ml-contoso-prod.vault.azure.net/keys/cmk-mlw/5b1e7c9a2d4f4e6a8b0c1d3e5f7a9b2c',
      keyVaultArmId: KEY_VAULT_ID,
    },
    hbiWorkspace: true,
    systemDatastoresAuthMode: 'identity',
    v1LegacyMode: false,
    imageBuildCompute: 'cpu-cluster-build',
    storageAccountId: STORAGE_ID,
    keyVaultId: KEY_VAULT_ID,
    containerRegistryId: REGISTRY_ID,
    applicationInsightsId: APP_INSIGHTS_ID,
    ...overrides,
  };
}

export function computeInstance(overrides: Partial<Compute> = {}): Compute {
  return {
    id: `${WORKSPACE_ID}/computes/ci-alice`,
    name: 'ci-alice',
    computeType: 'ComputeInstance',
    disableLocalAuth: true,
    subnetId: undefined, // isolated by the managed network instead
    enableNodePublicIp: false,
    remoteLoginPortPublicAccess: undefined,
    sshPublicAccess: 'Disabled',
    idleTimeBeforeShutdown: 'PT30M',
    isLatestOsImageVersion: true,
    osImageVersion: '25.04.07',
    minNodeCount: undefined,
    maxNodeCount: undefined,
    identityType: 'UserAssigned',
    authorizationType: 'Personal',
    ...overrides,
  };
}

export function amlCluster(overrides: Partial<Compute> = {}): Compute {
  return {
    id: `${WORKSPACE_ID}/computes/cpu-cluster-build`,
    name: 'cpu-cluster-build',
    computeType: 'AmlCompute',
    disableLocalAuth: true,
    subnetId: undefined,
    enableNodePublicIp: false,
    remoteLoginPortPublicAccess: 'Disabled',
    sshPublicAccess: undefined,
    idleTimeBeforeShutdown: undefined,
    isLatestOsImageVersion: undefined,
    osImageVersion: undefined,
    minNodeCount: 0,
    maxNodeCount: 4,
    identityType: 'UserAssigned',
    authorizationType: undefined,
    ...overrides,
  };
}

export function onlineEndpoint(overrides: Partial<OnlineEndpoint> = {}): OnlineEndpoint {
  return {
    id: `${WORKSPACE_ID}/onlineEndpoints/ep-churn-scoring`,
    name: 'ep-churn-scoring',
    authMode: 'AADToken',
    publicNetworkAccess: 'Disabled',
    identityType: 'UserAssigned',
    compute: undefined,
    ...overrides,
  };
}

export function onlineDeployment(overrides: Partial<OnlineDeployment> = {}): OnlineDeployment {
  return {
    id: `${WORKSPACE_ID}/onlineEndpoints/ep-churn-scoring/deployments/blue`,
    name: 'blue',
    endpointName: 'ep-churn-scoring',
    endpointComputeType: 'Managed',
    egressPublicNetworkAccess: 'Disabled',
    modelId: `${WORKSPACE_ID}/models/churn-model/versions/7`,
    ...overrides,
  };
}

export function datastore(overrides: Partial<Datastore> = {}): Datastore {
  return {
    id: `${WORKSPACE_ID}/datastores/workspaceblobstore`,
    name: 'workspaceblobstore',
    datastoreType: 'AzureBlob',
    credentialsType: 'None',
    isDefault: true,
    ...overrides,
  };
}

export function connection(overrides: Partial<WorkspaceConnection> = {}): WorkspaceConnection {
  return {
    id: `${WORKSPACE_ID}/connections/conn-adls-curated`,
    name: 'conn-adls-curated',
    category: 'ADLSGen2',
    authType: 'AAD',
    target: 'https://dlscontosocurated.dfs.core.windows.net/',
    isSharedToAll: false,
    ...overrides,
  };
}

export function outboundRule(overrides: Partial<OutboundRule> = {}): OutboundRule {
  return {
    name: '__SYS_PE_stmlcontosoprod_blob',
    type: 'PrivateEndpoint',
    category: 'Required',
    status: 'Active',
    destination: STORAGE_ID,
    ...overrides,
  };
}

export function mlRegistry(overrides: Partial<MlRegistry> = {}): MlRegistry {
  return { id: ML_REGISTRY_ID, name: 'mlr-contoso-prod', publicNetworkAccess: 'Disabled', ...overrides };
}

export function hardenedStorage(overrides: Partial<StorageAccount> = {}): StorageAccount {
  return {
    id: STORAGE_ID,
    name: 'stmlcontosoprod',
    kind: 'StorageV2',
    sku: 'Standard_RAGZRS',
    publicNetworkAccess: 'Disabled',
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] },
    privateEndpointConnections: [
      { id: `${STORAGE_ID}/privateEndpointConnections/pe-st-blob.7f3e`, status: 'Approved' },
      { id: `${STORAGE_ID}/privateEndpointConnections/pe-st-file.2c9d`, status: 'Approved' },
    ],
    allowSharedKeyAccess: false,
    allowBlobPublicAccess: false,
    supportsHttpsTrafficOnly: true,
    minimumTlsVersion: 'TLS1_2',
    allowCrossTenantReplication: false,
    defaultToOAuthAuthentication: true,
    encryptionKeySource: 'Microsoft.Keyvault',
    requireInfrastructureEncryption: true,
    geoRedundant: true,
    ...overrides,
  };
}

export function hardenedBlobService(overrides: Partial<BlobServiceProperties> = {}): BlobServiceProperties {
  return {
    deleteRetentionEnabled: true,
    deleteRetentionDays: 14,
    containerDeleteRetentionEnabled: true,
    containerDeleteRetentionDays: 14,
    versioningEnabled: true,
    ...overrides,
  };
}

export function hardenedKeyVault(overrides: Partial<KeyVault> = {}): KeyVault {
  return {
    id: KEY_VAULT_ID,
    name: 'kv-ml-contoso-prod',
    sku: 'premium',
    publicNetworkAccess: 'Disabled',
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] },
    privateEndpointConnections: [{ id: `${KEY_VAULT_ID}/privateEndpointConnections/pe-kv.4b8a`, status: 'Approved' }],
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    enablePurgeProtection: true,
    enableRbacAuthorization: true,
    accessPolicies: [],
    ...overrides,
  };
}

export function hardenedCmkKey(overrides: Partial<CmkKey> = {}): CmkKey {
  return {
    id: CMK_KEY_ID,
    name: 'cmk-mlw',
    expires: 1893456000, // 2030-01-01T00:00:00Z
    rotationEnabled: true,
    rotateAfter: 'P90D',
    ...overrides,
  };
}

export function hardenedRegistry(overrides: Partial<ContainerRegistry> = {}): ContainerRegistry {
  return {
    id: REGISTRY_ID,
    name: 'crmlcontosoprod',
    sku: 'Premium',
    adminUserEnabled: false,
    anonymousPullEnabled: false,
    publicNetworkAccess: 'Disabled',
    networkDefaultAction: 'Deny',
    networkIpRules: [],
    privateEndpointConnections: [{ id: `${REGISTRY_ID}/privateEndpointConnections/pe-acr.9e1f`, status: 'Approved' }],
    exportPolicyStatus: 'disabled',
    quarantinePolicyStatus: 'enabled',
    trustPolicyStatus: 'enabled',
    softDeletePolicyStatus: 'enabled',
    retentionPolicyStatus: 'enabled',
    encryptionStatus: 'enabled',
    zoneRedundancy: 'Enabled',
    ...overrides,
  };
}

export function hardenedAppInsights(overrides: Partial<ApplicationInsights> = {}): ApplicationInsights {
  return {
    id: APP_INSIGHTS_ID,
    name: 'appi-ml-contoso-prod',
    publicNetworkAccessForIngestion: 'Disabled',
    publicNetworkAccessForQuery: 'Disabled',
    disableLocalAuth: true,
    workspaceResourceId: LOG_ANALYTICS_ID,
    ...overrides,
  };
}

export function diagnosticSetting(resourceId: string, overrides: Partial<DiagnosticSetting> = {}): DiagnosticSetting {
  return {
    id: `${resourceId}/providers/Microsoft.Insights/diagnosticSettings/to-log-analytics`,
    name: 'to-log-analytics',
    logs: [{ category: undefined, categoryGroup: 'allLogs', enabled: true }],
    workspaceId: LOG_ANALYTICS_ID,
    storageAccountId: undefined,
    eventHubAuthorizationRuleId: undefined,
    ...overrides,
  };
}

/** The subscription's activity-log export with every security-relevant category. */
export function activityLogSetting(): DiagnosticSetting {
  const categories = ['Administrative', 'Security', 'ServiceHealth', 'Alert', 'Recommendation', 'Policy', 'Autoscale', 'ResourceHealth'];
  return diagnosticSetting(SUBSCRIPTION_SCOPE, {
    name: 'activity-to-log-analytics',
    logs: categories.map((category) => ({ category, categoryGroup: undefined, enabled: true })),
  });
}

let assignmentCounter = 0;

/** A role assignment; `scope` defaults to the workspace, the role is a built-in GUID or a full id. */
export function roleAssignment(
  role: string,
  principalId: string,
  principalType: RoleAssignment['principalType'],
  scope: string = WORKSPACE_ID,
  overrides: Partial<RoleAssignment> = {},
): RoleAssignment {
  assignmentCounter += 1;
  const guid = `0f0e0d0c-0b0a-4909-8807-${assignmentCounter.toString(16).padStart(12, '0')}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${guid}`,
    scope,
    roleDefinitionId: role.startsWith('/') ? role : roleDefinitionId(role),
    principalId,
    principalType,
    condition: undefined,
    ...overrides,
  };
}

export function builtInRole(guid: string, roleName: string, actions: readonly string[], dataActions: readonly string[] = []): RoleDefinition {
  return {
    id: `/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    name: guid,
    roleName,
    roleType: 'BuiltInRole',
    actions,
    notActions: [],
    dataActions,
    assignableScopes: ['/'],
  };
}

export function customRole(guid: string, roleName: string, actions: readonly string[], assignableScopes: readonly string[] = [SUBSCRIPTION_SCOPE]): RoleDefinition {
  return {
    id: roleDefinitionId(guid),
    name: guid,
    roleName,
    roleType: 'CustomRole',
    actions,
    notActions: [],
    dataActions: [],
    assignableScopes,
  };
}

export function defenderPlan(name: string, overrides: Partial<DefenderPlan> = {}): DefenderPlan {
  return { name, pricingTier: 'Standard', subPlan: undefined, extensions: [], deprecated: false, ...overrides };
}

export const MCSB_INITIATIVE_ID = '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8';

export function policyAssignment(definitionGuid: string, displayName: string, kind: 'policy' | 'initiative' = 'policy', scope: string = SUBSCRIPTION_SCOPE): PolicyAssignment {
  const definitionType = kind === 'policy' ? 'policyDefinitions' : 'policySetDefinitions';
  const name = `pa-${definitionGuid.slice(0, 8)}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`,
    name,
    displayName,
    policyDefinitionId: `/providers/Microsoft.Authorization/${definitionType}/${definitionGuid}`,
    scope,
    notScopes: [],
    enforcementMode: 'Default',
    parameters: {},
  };
}

// ---------------------------------------------------------------------------------------------------------
// The hardened snapshot
// ---------------------------------------------------------------------------------------------------------

/** Built-in roles with the actions the RBAC checks reason about (trimmed to what matters). */
export function builtInRoleDefinitions(): RoleDefinition[] {
  return [
    builtInRole(ROLE.owner, 'Owner', ['*']),
    builtInRole(ROLE.contributor, 'Contributor', ['*']),
    builtInRole(ROLE.reader, 'Reader', ['*/read']),
    builtInRole(ROLE.userAccessAdministrator, 'User Access Administrator', ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*']),
    builtInRole(ROLE.amlDataScientist, 'AzureML Data Scientist', ['Microsoft.MachineLearningServices/workspaces/*/read', 'Microsoft.MachineLearningServices/workspaces/*/action']),
    builtInRole(ROLE.amlComputeOperator, 'AzureML Compute Operator', ['Microsoft.MachineLearningServices/workspaces/computes/*']),
    builtInRole(ROLE.storageBlobDataContributor, 'Storage Blob Data Contributor', ['Microsoft.Storage/storageAccounts/blobServices/containers/*'], ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*']),
    builtInRole(ROLE.keyVaultAdministrator, 'Key Vault Administrator', ['Microsoft.KeyVault/vaults/*/read'], ['Microsoft.KeyVault/vaults/*']),
    builtInRole(ROLE.acrPush, 'AcrPush', ['Microsoft.ContainerRegistry/registries/pull/read', 'Microsoft.ContainerRegistry/registries/push/write']),
    customRole('6b2e9f4a-1c8d-4e3b-a7f5-0d9c2b6e8a14', 'ML Workspace Operator (custom)', ['Microsoft.MachineLearningServices/workspaces/read', 'Microsoft.MachineLearningServices/workspaces/computes/start/action', 'Microsoft.MachineLearningServices/workspaces/computes/stop/action']),
  ];
}

/**
 * Role assignments as a hardened deployment has them: administrators and data scientists as groups (no
 * direct user assignments), the pipeline SP scoped to the resource group with a non-privileged role,
 * and the workspace identity holding exactly the roles AML documents on its storage, vault and registry.
 */
function hardenedRoleAssignments(): RoleAssignmentsByScope {
  const inherited: RoleAssignment[] = [
    roleAssignment(ROLE.owner, PRINCIPALS.platformAdmins, 'Group', SUBSCRIPTION_SCOPE),
    roleAssignment(ROLE.owner, PRINCIPALS.emergencyAccess, 'Group', SUBSCRIPTION_SCOPE),
    roleAssignment(ROLE.reader, PRINCIPALS.cicdPipeline, 'ServicePrincipal', RESOURCE_GROUP_SCOPE),
  ];
  const workspace: RoleAssignment[] = [
    ...inherited,
    roleAssignment(ROLE.contributor, PRINCIPALS.platformAdmins, 'Group', WORKSPACE_ID),
    roleAssignment(ROLE.amlDataScientist, PRINCIPALS.dataScientists, 'Group', WORKSPACE_ID),
    roleAssignment(ROLE.amlComputeOperator, PRINCIPALS.cicdPipeline, 'ServicePrincipal', WORKSPACE_ID),
    roleAssignment(ROLE.contributor, PRINCIPALS.workspaceUami, 'ServicePrincipal', WORKSPACE_ID),
  ];
  return {
    workspace: ok(workspace),
    storageAccount: ok([
      ...inherited,
      roleAssignment(ROLE.contributor, PRINCIPALS.workspaceUami, 'ServicePrincipal', STORAGE_ID),
      roleAssignment(ROLE.storageBlobDataContributor, PRINCIPALS.workspaceUami, 'ServicePrincipal', STORAGE_ID),
      roleAssignment(ROLE.storageBlobDataContributor, PRINCIPALS.dataScientists, 'Group', STORAGE_ID),
    ]),
    keyVault: ok([
      ...inherited,
      roleAssignment(ROLE.contributor, PRINCIPALS.workspaceUami, 'ServicePrincipal', KEY_VAULT_ID),
      roleAssignment(ROLE.keyVaultAdministrator, PRINCIPALS.workspaceUami, 'ServicePrincipal', KEY_VAULT_ID),
    ]),
    containerRegistry: ok([
      ...inherited,
      roleAssignment(ROLE.contributor, PRINCIPALS.workspaceUami, 'ServicePrincipal', REGISTRY_ID),
    ]),
  };
}

/** Defender plans relevant to AML, all Standard, with the extensions the baseline wants. */
export function hardenedDefenderPlans(): DefenderPlan[] {
  return [
    defenderPlan('AI', { extensions: [{ name: 'AIPromptEvidence', isEnabled: true }] }),
    defenderPlan('CloudPosture', {
      extensions: [
        { name: 'SensitiveDataDiscovery', isEnabled: true },
        { name: 'ContainerRegistriesVulnerabilityAssessments', isEnabled: true },
        { name: 'AgentlessDiscoveryForKubernetes', isEnabled: true },
        { name: 'AgentlessVmScanning', isEnabled: true },
      ],
    }),
    defenderPlan('StorageAccounts', {
      subPlan: 'DefenderForStorageV2',
      extensions: [
        { name: 'OnUploadMalwareScanning', isEnabled: true },
        { name: 'SensitiveDataDiscovery', isEnabled: true },
      ],
    }),
    defenderPlan('KeyVaults', { subPlan: 'PerKeyVault' }),
    defenderPlan('Containers', {
      extensions: [
        { name: 'ContainerRegistriesVulnerabilityAssessments', isEnabled: true },
        { name: 'AgentlessDiscoveryForKubernetes', isEnabled: true },
      ],
    }),
    defenderPlan('Arm', { subPlan: 'PerSubscription' }),
    defenderPlan('VirtualMachines', { subPlan: 'P2', extensions: [{ name: 'AgentlessVmScanning', isEnabled: true }] }),
  ];
}

/** The Azure ML built-ins (catalog §1.4) plus the MCSB initiative, assigned at the subscription. */
export function hardenedPolicyAssignments(): PolicyAssignment[] {
  return [
    policyAssignment('1f3afdf9-d0c9-4c3d-847f-89da613e70a8', 'Microsoft cloud security benchmark', 'initiative'),
    policyAssignment('438c38d2-3772-465a-a9cc-7a6666a275ce', 'Azure Machine Learning Workspaces should disable public network access'),
    policyAssignment('45e05259-1eb5-4f70-9574-baf73e9d219b', 'Azure Machine Learning workspaces should use private link'),
    {
      ...policyAssignment('6ddb1705-c8cf-450e-aa4b-19ad6703c440', 'Azure Machine Learning should use Allow Only Approved Outbound mode'),
      parameters: { isolationMode: 'AllowOnlyApprovedOutbound', effect: 'Audit' },
    },
    policyAssignment('7804b5c7-01dc-4723-969b-ae300cc07ff1', 'Azure Machine Learning Computes should be in a virtual network'),
    policyAssignment('e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f', 'Azure Machine Learning Computes should have local authentication methods disabled'),
    policyAssignment('f110a506-2dcb-422e-bcea-d533fc8c35e2', 'Azure Machine Learning compute instances should be recreated to get the latest software updates'),
    policyAssignment('679ddf89-ab8f-48a5-9029-e76054077449', 'Azure Machine Learning Compute Instance should have idle shutdown'),
    policyAssignment('ba769a63-b8cc-4b2d-abf6-ac33c7204be8', 'Azure Machine Learning workspaces should be encrypted with a customer-managed key'),
    policyAssignment('5f0c7d88-c7de-45b8-ac49-db49e72eaa78', 'Azure Machine Learning workspaces should use user-assigned managed identity'),
    policyAssignment('afe0c3be-ba3b-4544-ba52-0c99672a8ad6', 'Resource logs in Azure Machine Learning Workspaces should be enabled'),
    {
      ...policyAssignment('e56962a6-4747-49cd-b67b-bf8b01975c4c', 'Allowed locations'),
      parameters: { listOfAllowedLocations: [LOCATION, 'northeurope'] },
    },
    {
      ...policyAssignment('a08ec900-254a-4555-9bf5-e42af04b5c5c', 'Allowed resource types'),
      parameters: { listOfResourceTypesAllowed: ['Microsoft.MachineLearningServices/workspaces', 'Microsoft.Storage/storageAccounts', 'Microsoft.KeyVault/vaults'] },
    },
  ];
}

function hardenedPolicyStates(assignments: readonly PolicyAssignment[]): PolicyState[] {
  return assignments.map((a) => ({
    resourceId: WORKSPACE_ID,
    policyAssignmentId: a.id,
    policyDefinitionId: a.policyDefinitionId,
    complianceState: 'Compliant',
  }));
}

function hardenedAssessments(): SecurityAssessment[] {
  const assessment = (guid: string, resourceId: string, displayName: string, statusCode: string): SecurityAssessment => ({
    id: `${resourceId}/providers/Microsoft.Security/assessments/${guid}`,
    resourceId,
    displayName,
    statusCode,
    severity: 'Medium',
  });
  return [
    assessment('c3b7f9e1-2a4d-4b6f-8e0a-1c3e5a7b9d2f', WORKSPACE_ID, 'Azure Machine Learning workspaces should disable public network access', 'Healthy'),
    assessment('a1d3e5f7-9b2c-4d6e-8f0a-2b4c6d8e0f1a', WORKSPACE_ID, 'Resource logs in Azure Machine Learning Workspaces should be enabled', 'Healthy'),
    assessment('c0b7cfc6-3172-465a-b378-53c7ff2cc0d5', REGISTRY_ID, 'Container registry images should have vulnerability findings resolved', 'Healthy'),
    assessment('e2f4a6c8-0b1d-4e3f-a5b7-c9d1e3f5a7b9', `${WORKSPACE_ID}/computes/ci-alice`, 'Azure Machine Learning compute instances should be recreated to get the latest software updates', 'Healthy'),
  ];
}

function hardenedSecurityConnectors(): SecurityConnector[] {
  return [
    {
      id: `${RESOURCE_GROUP_SCOPE}/providers/Microsoft.Security/securityConnectors/ado-contoso-ml`,
      name: 'ado-contoso-ml',
      environmentName: 'AzureDevOps',
    },
  ];
}

/**
 * A complete snapshot of a workspace configured as the baseline wants. Top-level fields of `overrides`
 * replace the hardened ones (use the `with…` helpers for a change inside one resource).
 */
export function hardenedSnapshot(overrides: Partial<WorkspaceSnapshot> = {}): WorkspaceSnapshot {
  const policyAssignments = hardenedPolicyAssignments();
  const endpoint = onlineEndpoint();
  return {
    collectedAt: '2026-03-02T09:00:00.000Z',
    workspaceId: WORKSPACE_ID,
    workspace: ok(hardenedWorkspace()),
    // Public access is off, so no network rules are needed; the retention is the 14-day default, set explicitly.
    workspacePreview: ok({ networkAcls: undefined, softDeleteRetentionInDays: 14 }),
    computes: ok([computeInstance(), amlCluster()]),
    onlineEndpoints: ok([endpoint]),
    onlineDeployments: ok([onlineDeployment()]),
    datastores: ok([
      datastore(),
      datastore({ id: `${WORKSPACE_ID}/datastores/workspaceartifactstore`, name: 'workspaceartifactstore', isDefault: false }),
      datastore({ id: `${WORKSPACE_ID}/datastores/workspaceworkingdirectory`, name: 'workspaceworkingdirectory', datastoreType: 'AzureFile', isDefault: false }),
    ]),
    connections: ok([connection()]),
    outboundRules: ok([
      outboundRule(),
      outboundRule({ name: '__SYS_PE_kv-ml-contoso-prod_vault', destination: KEY_VAULT_ID }),
      outboundRule({ name: '__SYS_PE_crmlcontosoprod_registry', destination: REGISTRY_ID }),
      outboundRule({ name: '__SYS_ST_AzureMachineLearning', type: 'ServiceTag', category: 'Required', destination: 'AzureMachineLearning' }),
      outboundRule({ name: 'allow-pypi', type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' }),
      outboundRule({ name: 'allow-pythonhosted', type: 'FQDN', category: 'UserDefined', destination: 'files.pythonhosted.org' }),
    ]),
    mlRegistries: ok([mlRegistry()]),
    storageAccount: ok(hardenedStorage()),
    blobService: ok(hardenedBlobService()),
    keyVault: ok(hardenedKeyVault()),
    cmkKey: ok(hardenedCmkKey()),
    containerRegistry: ok(hardenedRegistry()),
    applicationInsights: ok(hardenedAppInsights()),
    diagnostics: {
      workspace: ok([diagnosticSetting(WORKSPACE_ID)]),
      keyVault: ok([diagnosticSetting(KEY_VAULT_ID, { logs: [{ category: undefined, categoryGroup: 'audit', enabled: true }] })]),
      onlineEndpoints: ok({ [endpoint.id]: [diagnosticSetting(endpoint.id)] }),
      subscription: ok([activityLogSetting()]),
    },
    roleAssignments: hardenedRoleAssignments(),
    roleDefinitions: ok(builtInRoleDefinitions()),
    defenderPlans: ok(hardenedDefenderPlans()),
    securityConnectors: ok(hardenedSecurityConnectors()),
    assessments: ok(hardenedAssessments()),
    policyAssignments: ok(policyAssignments),
    policyStates: ok(hardenedPolicyStates(policyAssignments)),
    ...overrides,
  };
}

/** The fixture's id of each kind of read target (snapshot-reads.ts). */
const TARGET_IDS: Readonly<Record<AnyRead['target'], string>> = {
  workspace: WORKSPACE_ID,
  resourceGroup: RESOURCE_GROUP_SCOPE,
  subscription: SUBSCRIPTION_SCOPE,
  storageAccount: STORAGE_ID,
  keyVault: KEY_VAULT_ID,
  containerRegistry: REGISTRY_ID,
  applicationInsights: APP_INSIGHTS_ID,
  cmkKey: CMK_KEY_ID,
  onlineEndpoint: WORKSPACE_ID,
};

/** A snapshot where every read failed (403 on its own target, naming the action the read table gives it). */
export function allReadsFailedSnapshot(): WorkspaceSnapshot {
  return snapshotFromFields({ collectedAt: '2026-03-02T09:00:00.000Z', workspaceId: WORKSPACE_ID }, (field) => {
    const read = readOf(field);
    const id = TARGET_IDS[read.target];
    return failedRead('forbidden', 403, read.about(id).requiredAction, id);
  });
}

/** The snapshot with one read replaced, by name. */
export function withRead(snapshot: WorkspaceSnapshot, field: SnapshotField, value: Collected<unknown>): WorkspaceSnapshot {
  return snapshotFromFields(snapshot, (f) => (f === field ? value : fieldOf(snapshot, f)));
}

// ---------------------------------------------------------------------------------------------------------
// Targeted overrides
// ---------------------------------------------------------------------------------------------------------

function okValue<T>(read: Collected<T>, what: string): T {
  if (!read.ok) throw new Error(`snapshot-builder: cannot override ${what}: its read failed in this snapshot`);
  return read.value;
}

function linkedValue<T>(read: Linked<T>, what: string): T {
  const value = okValue(read, what);
  if (value === null) throw new Error(`snapshot-builder: cannot override ${what}: the workspace links none`);
  return value;
}

export function withWorkspace(snapshot: WorkspaceSnapshot, partial: Partial<Workspace>): WorkspaceSnapshot {
  return { ...snapshot, workspace: ok({ ...okValue(snapshot.workspace, 'workspace'), ...partial }) };
}

export function withStorage(snapshot: WorkspaceSnapshot, partial: Partial<StorageAccount>): WorkspaceSnapshot {
  return { ...snapshot, storageAccount: ok({ ...linkedValue(snapshot.storageAccount, 'storageAccount'), ...partial }) };
}

export function withBlobService(snapshot: WorkspaceSnapshot, partial: Partial<BlobServiceProperties>): WorkspaceSnapshot {
  return { ...snapshot, blobService: ok({ ...linkedValue(snapshot.blobService, 'blobService'), ...partial }) };
}

export function withKeyVault(snapshot: WorkspaceSnapshot, partial: Partial<KeyVault>): WorkspaceSnapshot {
  return { ...snapshot, keyVault: ok({ ...linkedValue(snapshot.keyVault, 'keyVault'), ...partial }) };
}

export function withCmkKey(snapshot: WorkspaceSnapshot, partial: Partial<CmkKey>): WorkspaceSnapshot {
  return { ...snapshot, cmkKey: ok({ ...linkedValue(snapshot.cmkKey, 'cmkKey'), ...partial }) };
}

export function withRegistry(snapshot: WorkspaceSnapshot, partial: Partial<ContainerRegistry>): WorkspaceSnapshot {
  return { ...snapshot, containerRegistry: ok({ ...linkedValue(snapshot.containerRegistry, 'containerRegistry'), ...partial }) };
}

export function withAppInsights(snapshot: WorkspaceSnapshot, partial: Partial<ApplicationInsights>): WorkspaceSnapshot {
  return { ...snapshot, applicationInsights: ok({ ...linkedValue(snapshot.applicationInsights, 'applicationInsights'), ...partial }) };
}

export function withComputes(snapshot: WorkspaceSnapshot, computes: readonly Compute[]): WorkspaceSnapshot {
  return { ...snapshot, computes: ok(computes) };
}

export function withEndpoints(snapshot: WorkspaceSnapshot, endpoints: readonly OnlineEndpoint[]): WorkspaceSnapshot {
  return { ...snapshot, onlineEndpoints: ok(endpoints) };
}

export function withDeployments(snapshot: WorkspaceSnapshot, deployments: readonly OnlineDeployment[]): WorkspaceSnapshot {
  return { ...snapshot, onlineDeployments: ok(deployments) };
}

export function withDatastores(snapshot: WorkspaceSnapshot, datastores: readonly Datastore[]): WorkspaceSnapshot {
  return { ...snapshot, datastores: ok(datastores) };
}

export function withConnections(snapshot: WorkspaceSnapshot, connections: readonly WorkspaceConnection[]): WorkspaceSnapshot {
  return { ...snapshot, connections: ok(connections) };
}

export function withOutboundRules(snapshot: WorkspaceSnapshot, rules: readonly OutboundRule[]): WorkspaceSnapshot {
  return { ...snapshot, outboundRules: ok(rules) };
}

export function withMlRegistries(snapshot: WorkspaceSnapshot, registries: readonly MlRegistry[]): WorkspaceSnapshot {
  return { ...snapshot, mlRegistries: ok(registries) };
}

export function withDefenderPlans(snapshot: WorkspaceSnapshot, plans: readonly DefenderPlan[]): WorkspaceSnapshot {
  return { ...snapshot, defenderPlans: ok(plans) };
}

/** Replaces one Defender plan by name (adds it when absent). */
export function withDefenderPlan(snapshot: WorkspaceSnapshot, name: string, partial: Partial<DefenderPlan>): WorkspaceSnapshot {
  const plans = okValue(snapshot.defenderPlans, 'defenderPlans');
  const existing = plans.find((p) => p.name === name) ?? defenderPlan(name);
  return withDefenderPlans(snapshot, [...plans.filter((p) => p.name !== name), { ...existing, ...partial }]);
}

export function withDiagnostics(snapshot: WorkspaceSnapshot, partial: Partial<WorkspaceSnapshot['diagnostics']>): WorkspaceSnapshot {
  return { ...snapshot, diagnostics: { ...snapshot.diagnostics, ...partial } };
}

export function withRoleAssignments(snapshot: WorkspaceSnapshot, partial: Partial<RoleAssignmentsByScope>): WorkspaceSnapshot {
  return { ...snapshot, roleAssignments: { ...snapshot.roleAssignments, ...partial } };
}

/** Adds assignments to the workspace scope list (where inherited subscription/RG assignments also appear). */
export function addWorkspaceRoleAssignments(snapshot: WorkspaceSnapshot, ...assignments: RoleAssignment[]): WorkspaceSnapshot {
  const existing = okValue(snapshot.roleAssignments.workspace, 'roleAssignments.workspace');
  return withRoleAssignments(snapshot, { workspace: ok([...existing, ...assignments]) });
}

export function withRoleDefinitions(snapshot: WorkspaceSnapshot, definitions: readonly RoleDefinition[]): WorkspaceSnapshot {
  return { ...snapshot, roleDefinitions: ok(definitions) };
}

export function withPolicyAssignments(snapshot: WorkspaceSnapshot, assignments: readonly PolicyAssignment[]): WorkspaceSnapshot {
  return { ...snapshot, policyAssignments: ok(assignments) };
}

export function withPolicyStates(snapshot: WorkspaceSnapshot, states: readonly PolicyState[]): WorkspaceSnapshot {
  return { ...snapshot, policyStates: ok(states) };
}

export function withAssessments(snapshot: WorkspaceSnapshot, assessments: readonly SecurityAssessment[]): WorkspaceSnapshot {
  return { ...snapshot, assessments: ok(assessments) };
}

export function withSecurityConnectors(snapshot: WorkspaceSnapshot, connectors: readonly SecurityConnector[]): WorkspaceSnapshot {
  return { ...snapshot, securityConnectors: ok(connectors) };
}
