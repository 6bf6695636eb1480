/**
 * ARM response bodies for the sample environment, shaped like the official spec examples
 * (shared/arm-examples) at the api-versions the collectors read, with real-looking ids instead of placeholders.
 * The profiles (lab-default, hardened) choose the values; these functions only give them ARM's shape.
 */
import type { Json, JsonObject } from '../json';
import { ROLE_GUIDS, SAMPLE_TENANT_ID, type SampleIds, type SampleNames } from './ids';

/** Adds one resource to the store: its ARM path and its GET body. */
export type Put = (path: string, body: JsonObject) => void;

const SYSTEM_DATA: JsonObject = {
  createdAt: '2025-03-04T09:15:00.0000000Z',
  createdBy: 'guardian-sample',
  createdByType: 'Application',
  lastModifiedAt: '2025-03-04T09:15:00.0000000Z',
  lastModifiedBy: 'guardian-sample',
  lastModifiedByType: 'Application',
};

export function putScopes(put: Put, names: SampleNames, ids: SampleIds): void {
  put(ids.subscription, {
    id: ids.subscription,
    subscriptionId: names.subscriptionId,
    tenantId: SAMPLE_TENANT_ID,
    displayName: names.subscriptionName,
    state: 'Enabled',
  });
  put(ids.resourceGroup, {
    id: ids.resourceGroup,
    name: names.resourceGroup,
    type: 'Microsoft.Resources/resourceGroups',
    location: names.location,
    properties: { provisioningState: 'Succeeded' },
  });
}

export interface WorkspaceSettings {
  readonly identity: JsonObject;
  readonly properties: JsonObject;
  readonly tags?: JsonObject;
}

export function putWorkspace(put: Put, names: SampleNames, ids: SampleIds, settings: WorkspaceSettings): void {
  put(ids.workspace, {
    id: ids.workspace,
    name: names.workspace,
    type: 'Microsoft.MachineLearningServices/workspaces',
    location: names.location,
    kind: 'Default',
    tags: settings.tags ?? {},
    identity: settings.identity,
    sku: { name: 'Basic', tier: 'Basic' },
    systemData: SYSTEM_DATA,
    properties: {
      friendlyName: names.workspace,
      description: `Sample workspace ${names.key}`,
      storageAccount: ids.storageAccount,
      keyVault: ids.keyVault,
      containerRegistry: ids.containerRegistry,
      applicationInsights: ids.applicationInsights,
      discoveryUrl: `https://${names.location}.api.azureml.ms/discovery`,
      workspaceId: `${names.subscriptionId.slice(0, 8)}-aml0-4000-8000-${names.key === 'hardened' ? '000000000002' : '000000000001'}`,
      mlFlowTrackingUri: `azureml://${names.location}.api.azureml.ms/mlflow/v1.0${ids.workspace}`,
      provisioningState: 'Succeeded',
      serviceProvisionedResourceGroup: `${names.workspace}_managed`,
      privateLinkCount: 0,
      storageHnsEnabled: false,
      tenantId: SAMPLE_TENANT_ID,
      notebookInfo: { resourceId: 'a1b2c3d4e5f6', fqdn: `ml-${names.workspace}-${names.location}.notebooks.azure.net` },
      ...settings.properties,
    },
  });
}

export interface ComputeSettings {
  readonly name: string;
  readonly computeType: 'ComputeInstance' | 'AmlCompute';
  readonly disableLocalAuth: boolean;
  readonly identity?: JsonObject;
  readonly properties: JsonObject;
}

export function putCompute(put: Put, names: SampleNames, ids: SampleIds, compute: ComputeSettings): void {
  const id = `${ids.workspace}/computes/${compute.name}`;
  put(id, {
    id,
    name: compute.name,
    type: 'Microsoft.MachineLearningServices/workspaces/computes',
    location: names.location,
    ...(compute.identity !== undefined ? { identity: compute.identity } : {}),
    systemData: SYSTEM_DATA,
    properties: {
      computeType: compute.computeType,
      computeLocation: names.location,
      description: `${compute.computeType} of the sample workspace`,
      createdOn: '2025-03-04T09:20:00.0000000+00:00',
      modifiedOn: '2025-03-04T09:20:00.0000000+00:00',
      provisioningState: 'Succeeded',
      isAttachedCompute: false,
      disableLocalAuth: compute.disableLocalAuth,
      properties: compute.properties,
    },
  });
}

export interface EndpointSettings {
  readonly authMode: string;
  readonly publicNetworkAccess: string;
  readonly identity: JsonObject;
  readonly egressPublicNetworkAccess: string;
  readonly model: string;
}

export function putOnlineEndpoint(put: Put, names: SampleNames, ids: SampleIds, settings: EndpointSettings): string {
  const id = `${ids.workspace}/onlineEndpoints/${names.onlineEndpoint}`;
  put(id, {
    id,
    name: names.onlineEndpoint,
    type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
    location: names.location,
    kind: 'Managed',
    tags: {},
    identity: settings.identity,
    systemData: SYSTEM_DATA,
    properties: {
      description: 'Scores requests for the sample model',
      properties: {},
      authMode: settings.authMode,
      publicNetworkAccess: settings.publicNetworkAccess,
      scoringUri: `https://${names.onlineEndpoint}.${names.location}.inference.ml.azure.com/score`,
      swaggerUri: `https://${names.onlineEndpoint}.${names.location}.inference.ml.azure.com/swagger.json`,
      provisioningState: 'Succeeded',
      traffic: { [names.deployment]: 100 },
    },
  });
  const deploymentId = `${id}/deployments/${names.deployment}`;
  put(deploymentId, {
    id: deploymentId,
    name: names.deployment,
    type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
    location: names.location,
    kind: 'Managed',
    tags: {},
    systemData: SYSTEM_DATA,
    sku: { name: 'Default', tier: 'Standard', capacity: 1 },
    properties: {
      description: 'The live deployment',
      properties: {},
      endpointComputeType: 'Managed',
      model: settings.model,
      instanceType: 'Standard_DS3_v2',
      scaleSettings: { scaleType: 'Default' },
      requestSettings: { maxQueueWait: 'PT0.5S', requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 1 },
      appInsightsEnabled: true,
      egressPublicNetworkAccess: settings.egressPublicNetworkAccess,
      provisioningState: 'Succeeded',
    },
  });
  return id;
}

export interface DatastoreSettings {
  readonly name: string;
  readonly datastoreType: 'AzureBlob' | 'AzureFile';
  readonly credentialsType: 'AccountKey' | 'None' | 'Sas';
  readonly isDefault: boolean;
  readonly container: string;
}

export function putDatastore(put: Put, names: SampleNames, ids: SampleIds, store: DatastoreSettings): void {
  const id = `${ids.workspace}/datastores/${store.name}`;
  // ARM never returns datastore secrets (x-ms-secret): the credentials carry only their type, as in the spec example.
  const credentials: JsonObject = { credentialsType: store.credentialsType };
  const target: JsonObject =
    store.datastoreType === 'AzureBlob' ? { containerName: store.container } : { fileShareName: store.container };
  put(id, {
    id,
    name: store.name,
    type: 'Microsoft.MachineLearningServices/workspaces/datastores',
    systemData: SYSTEM_DATA,
    properties: {
      description: `System datastore ${store.name}`,
      tags: {},
      properties: {},
      isDefault: store.isDefault,
      credentials,
      datastoreType: store.datastoreType,
      accountName: names.storageAccount,
      endpoint: 'core.windows.net',
      protocol: 'https',
      serviceDataAccessAuthIdentity: store.credentialsType === 'None' ? 'WorkspaceSystemAssignedIdentity' : 'None',
      ...target,
    },
  });
}

export function putConnection(put: Put, ids: SampleIds, name: string, properties: JsonObject): void {
  const id = `${ids.workspace}/connections/${name}`;
  put(id, { id, name, type: 'Microsoft.MachineLearningServices/workspaces/connections', systemData: SYSTEM_DATA, properties });
}

export function putOutboundRule(put: Put, ids: SampleIds, name: string, properties: JsonObject): void {
  const id = `${ids.workspace}/outboundRules/${name}`;
  put(id, { id, name, type: 'Microsoft.MachineLearningServices/workspaces/outboundRules', properties });
}

export function putMlRegistry(put: Put, names: SampleNames, ids: SampleIds, publicNetworkAccess: string): void {
  put(ids.mlRegistry, {
    id: ids.mlRegistry,
    name: ids.mlRegistry.split('/').pop() ?? 'registry',
    type: 'Microsoft.MachineLearningServices/registries',
    location: names.location,
    kind: 'Registry',
    tags: {},
    identity: { type: 'SystemAssigned', principalId: names.principals.endpoint, tenantId: SAMPLE_TENANT_ID },
    systemData: SYSTEM_DATA,
    properties: {
      publicNetworkAccess,
      discoveryUrl: `https://${names.location}.api.azureml.ms/registrymanagement/v1.0/registries/discovery`,
      regionDetails: [{ location: names.location, acrDetails: [], storageAccountDetails: [] }],
      registryPrivateEndpointConnections: [],
    },
  });
}

export function putStorageAccount(put: Put, names: SampleNames, ids: SampleIds, sku: string, properties: JsonObject): void {
  const blob = `https://${names.storageAccount}.blob.core.windows.net/`;
  put(ids.storageAccount, {
    id: ids.storageAccount,
    name: names.storageAccount,
    type: 'Microsoft.Storage/storageAccounts',
    kind: 'StorageV2',
    location: names.location,
    sku: { name: sku, tier: 'Standard' },
    tags: {},
    properties: {
      creationTime: '2025-03-04T09:10:00.0000000Z',
      provisioningState: 'Succeeded',
      primaryLocation: names.location,
      statusOfPrimary: 'available',
      isHnsEnabled: false,
      accessTier: 'Hot',
      keyCreationTime: { key1: '2025-03-04T09:10:00.0000000Z', key2: '2025-03-04T09:10:00.0000000Z' },
      primaryEndpoints: {
        blob,
        dfs: `https://${names.storageAccount}.dfs.core.windows.net/`,
        file: `https://${names.storageAccount}.file.core.windows.net/`,
        queue: `https://${names.storageAccount}.queue.core.windows.net/`,
        table: `https://${names.storageAccount}.table.core.windows.net/`,
        web: `https://${names.storageAccount}.z13.web.core.windows.net/`,
      },
      ...properties,
    },
  });
}

export function putBlobService(put: Put, ids: SampleIds, sku: string, properties: JsonObject): void {
  const id = `${ids.storageAccount}/blobServices/default`;
  put(id, {
    id,
    name: 'default',
    type: 'Microsoft.Storage/storageAccounts/blobServices',
    sku: { name: sku, tier: 'Standard' },
    properties: { cors: { corsRules: [] }, ...properties },
  });
}

export function putKeyVault(put: Put, names: SampleNames, ids: SampleIds, properties: JsonObject): void {
  put(ids.keyVault, {
    id: ids.keyVault,
    name: names.keyVault,
    type: 'Microsoft.KeyVault/vaults',
    location: names.location,
    tags: {},
    systemData: SYSTEM_DATA,
    properties: {
      tenantId: SAMPLE_TENANT_ID,
      sku: { family: 'A', name: 'standard' },
      vaultUri: `https://${names.keyVault}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      accessPolicies: [],
      ...properties,
    },
  });
}

export function putKey(put: Put, names: SampleNames, ids: SampleIds, keyName: string, version: string, properties: JsonObject): string {
  const id = `${ids.keyVault}/keys/${keyName}`;
  put(id, {
    id,
    name: keyName,
    type: 'Microsoft.KeyVault/vaults/keys',
    location: names.location,
    tags: {},
    properties: {
      kty: 'RSA',
      keySize: 3072,
      keyOps: ['wrapKey', 'unwrapKey'],
      keyUri: `https://${names.keyVault}.vault.azure.net/keys/${keyName}`,
      keyUriWithVersion: `https://${names.keyVault}.vault.azure.net/keys/${keyName}/${version}`,
      ...properties,
    },
  });
  return `https://${names.keyVault}.vault.azure.net/keys/${keyName}/${version}`;
}

export function putContainerRegistry(put: Put, names: SampleNames, ids: SampleIds, sku: string, properties: JsonObject): void {
  put(ids.containerRegistry, {
    id: ids.containerRegistry,
    name: names.containerRegistry,
    type: 'Microsoft.ContainerRegistry/registries',
    location: names.location,
    tags: {},
    sku: { name: sku, tier: sku },
    systemData: SYSTEM_DATA,
    properties: {
      loginServer: `${names.containerRegistry}.azurecr.io`,
      creationDate: '2025-03-04T09:12:00.0000000Z',
      provisioningState: 'Succeeded',
      dataEndpointEnabled: false,
      dataEndpointHostNames: [],
      networkRuleBypassOptions: 'AzureServices',
      networkRuleBypassAllowedForTasks: false,
      roleAssignmentMode: 'LegacyRegistryPermissions',
      ...properties,
    },
  });
}

export function putApplicationInsights(put: Put, names: SampleNames, ids: SampleIds, properties: JsonObject): void {
  put(ids.applicationInsights, {
    id: ids.applicationInsights,
    name: names.applicationInsights,
    type: 'microsoft.insights/components',
    location: names.location,
    kind: 'web',
    tags: {},
    properties: {
      ApplicationId: names.applicationInsights,
      AppId: '0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
      Application_Type: 'web',
      Flow_Type: 'Bluefield',
      Request_Source: 'rest',
      InstrumentationKey: '00000000-0000-4000-8000-000000000000',
      ConnectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://${names.location}-0.in.applicationinsights.azure.com/`,
      CreationDate: '2025-03-04T09:11:00.0000000+00:00',
      TenantId: names.subscriptionId,
      provisioningState: 'Succeeded',
      IngestionMode: 'ApplicationInsights',
      ...properties,
    },
  });
}

export interface LogEntry {
  readonly category?: string;
  readonly categoryGroup?: string;
}

export function putDiagnosticSetting(put: Put, resourceId: string, name: string, workspaceId: string, logs: readonly LogEntry[]): void {
  const id = `${resourceId}/providers/Microsoft.Insights/diagnosticSettings/${name}`;
  const logEntries: Json[] = logs.map((l) => ({
    ...(l.category !== undefined ? { category: l.category } : {}),
    ...(l.categoryGroup !== undefined ? { categoryGroup: l.categoryGroup } : {}),
    enabled: true,
    retentionPolicy: { enabled: false, days: 0 },
  }));
  put(id, {
    id,
    type: 'Microsoft.Insights/diagnosticSettings',
    name,
    properties: { workspaceId, logs: logEntries, metrics: [], logAnalyticsDestinationType: 'Dedicated' },
  });
}

export function roleDefinitionId(subscriptionId: string, roleGuid: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

export function putRoleAssignment(
  put: Put,
  subscriptionId: string,
  scope: string,
  assignmentGuid: string,
  roleGuid: string,
  principalId: string,
  principalType: 'User' | 'Group' | 'ServicePrincipal',
): void {
  const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${assignmentGuid}`;
  put(id, {
    id,
    type: 'Microsoft.Authorization/roleAssignments',
    name: assignmentGuid,
    properties: {
      roleDefinitionId: roleDefinitionId(subscriptionId, roleGuid),
      principalId,
      principalType,
      scope,
      createdOn: '2025-03-04T09:30:00.0000000Z',
      updatedOn: '2025-03-04T09:30:00.0000000Z',
      description: '',
    },
  });
}

interface RoleShape {
  readonly guid: string;
  readonly roleName: string;
  readonly roleType: 'BuiltInRole' | 'CustomRole';
  readonly description: string;
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
  readonly dataActions?: readonly string[];
  readonly assignableScopes: readonly string[];
}

export function putRoleDefinition(put: Put, subscriptionId: string, role: RoleShape): void {
  const id = roleDefinitionId(subscriptionId, role.guid);
  put(id, {
    id,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: role.guid,
    properties: {
      roleName: role.roleName,
      type: role.roleType,
      description: role.description,
      assignableScopes: [...role.assignableScopes],
      permissions: [
        { actions: [...role.actions], notActions: [...(role.notActions ?? [])], dataActions: [...(role.dataActions ?? [])], notDataActions: [] },
      ],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2025-01-15T12:00:00.0000000Z',
    },
  });
}

/** The built-in roles the sample assignments use, trimmed to the actions that matter. */
export function putBuiltInRoles(put: Put, subscriptionId: string): void {
  const builtIn = (guid: string, roleName: string, actions: readonly string[], dataActions: readonly string[] = [], notActions: readonly string[] = []): RoleShape => ({
    guid,
    roleName,
    roleType: 'BuiltInRole',
    description: `${roleName} (built-in)`,
    actions,
    dataActions,
    notActions,
    assignableScopes: ['/'],
  });
  const roles: RoleShape[] = [
    builtIn(ROLE_GUIDS.owner, 'Owner', ['*']),
    builtIn(ROLE_GUIDS.contributor, 'Contributor', ['*'], [], [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
    ]),
    builtIn(ROLE_GUIDS.reader, 'Reader', ['*/read']),
    builtIn(ROLE_GUIDS.userAccessAdministrator, 'User Access Administrator', ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*']),
    builtIn(ROLE_GUIDS.amlDataScientist, 'AzureML Data Scientist', ['Microsoft.MachineLearningServices/workspaces/*/read', 'Microsoft.MachineLearningServices/workspaces/*/action']),
    builtIn(ROLE_GUIDS.amlComputeOperator, 'AzureML Compute Operator', ['Microsoft.MachineLearningServices/workspaces/computes/*']),
    builtIn(ROLE_GUIDS.storageBlobDataContributor, 'Storage Blob Data Contributor', ['Microsoft.Storage/storageAccounts/blobServices/containers/*'], ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*']),
    builtIn(ROLE_GUIDS.storageFileDataPrivilegedContributor, 'Storage File Data Privileged Contributor', [], ['Microsoft.Storage/storageAccounts/fileServices/fileshares/files/*']),
    builtIn(ROLE_GUIDS.keyVaultAdministrator, 'Key Vault Administrator', ['Microsoft.KeyVault/vaults/*/read'], ['Microsoft.KeyVault/vaults/*']),
    builtIn(ROLE_GUIDS.keyVaultCryptoServiceEncryptionUser, 'Key Vault Crypto Service Encryption User', ['Microsoft.KeyVault/vaults/keys/read'], ['Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action']),
    builtIn(ROLE_GUIDS.acrPull, 'AcrPull', ['Microsoft.ContainerRegistry/registries/pull/read']),
    builtIn(ROLE_GUIDS.acrPush, 'AcrPush', ['Microsoft.ContainerRegistry/registries/pull/read', 'Microsoft.ContainerRegistry/registries/push/write']),
  ];
  for (const role of roles) putRoleDefinition(put, subscriptionId, role);
}

export function customRole(guid: string, roleName: string, actions: readonly string[], subscriptionId: string): RoleShape {
  return { guid, roleName, roleType: 'CustomRole', description: `${roleName}`, actions, assignableScopes: [`/subscriptions/${subscriptionId}`] };
}

export interface PlanSettings {
  readonly name: string;
  readonly pricingTier: 'Free' | 'Standard';
  readonly subPlan?: string;
  readonly extensions?: readonly string[];
  readonly deprecated?: boolean;
  readonly replacedBy?: readonly string[];
}

/** A Defender plan in the 2024-01-01 shape (extensions with string `isEnabled`, as the API returns). */
export function putPricing(put: Put, subscriptionId: string, plan: PlanSettings): void {
  const id = `/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings/${plan.name}`;
  const standard = plan.pricingTier === 'Standard';
  put(id, {
    id,
    name: plan.name,
    type: 'Microsoft.Security/pricings',
    properties: {
      pricingTier: plan.pricingTier,
      freeTrialRemainingTime: 'PT0S',
      ...(plan.subPlan !== undefined ? { subPlan: plan.subPlan } : {}),
      ...(standard ? { enablementTime: '2025-03-05T08:00:00.0000000Z' } : {}),
      ...(plan.deprecated === true ? { deprecated: true, replacedBy: [...(plan.replacedBy ?? [])] } : {}),
      ...(plan.extensions !== undefined
        ? { extensions: plan.extensions.map((name) => ({ name, isEnabled: standard ? 'True' : 'False' })) }
        : {}),
    },
  });
}

/** Every plan a subscription lists; `standard` names the ones turned on. */
export function putAllPricings(put: Put, subscriptionId: string, standard: ReadonlySet<string>): void {
  const on = (name: string): 'Free' | 'Standard' => (standard.has(name) ? 'Standard' : 'Free');
  const plans: PlanSettings[] = [
    { name: 'VirtualMachines', pricingTier: on('VirtualMachines'), subPlan: 'P2', extensions: ['AgentlessVmScanning', 'MdeDesignatedSubscription'] },
    { name: 'SqlServers', pricingTier: on('SqlServers') },
    { name: 'AppServices', pricingTier: on('AppServices') },
    { name: 'StorageAccounts', pricingTier: on('StorageAccounts'), subPlan: 'DefenderForStorageV2', extensions: ['OnUploadMalwareScanning', 'SensitiveDataDiscovery'] },
    { name: 'SqlServerVirtualMachines', pricingTier: on('SqlServerVirtualMachines') },
    { name: 'KeyVaults', pricingTier: on('KeyVaults'), subPlan: 'PerKeyVault' },
    { name: 'Arm', pricingTier: on('Arm'), subPlan: 'PerSubscription' },
    { name: 'OpenSourceRelationalDatabases', pricingTier: on('OpenSourceRelationalDatabases') },
    { name: 'CosmosDbs', pricingTier: on('CosmosDbs') },
    { name: 'Containers', pricingTier: on('Containers'), extensions: ['ContainerRegistriesVulnerabilityAssessments', 'AgentlessDiscoveryForKubernetes'] },
    { name: 'CloudPosture', pricingTier: on('CloudPosture'), extensions: ['SensitiveDataDiscovery', 'ContainerRegistriesVulnerabilityAssessments', 'AgentlessDiscoveryForKubernetes', 'AgentlessVmScanning'] },
    { name: 'Api', pricingTier: on('Api'), subPlan: 'P1' },
    { name: 'AI', pricingTier: on('AI'), extensions: ['AIPromptEvidence'] },
    { name: 'KubernetesService', pricingTier: 'Free', deprecated: true, replacedBy: ['Containers'] },
    { name: 'ContainerRegistry', pricingTier: 'Free', deprecated: true, replacedBy: ['Containers'] },
  ];
  for (const plan of plans) putPricing(put, subscriptionId, plan);
}

export function putSecurityConnector(put: Put, ids: SampleIds, name: string, environmentName: string): void {
  const id = `${ids.resourceGroup}/providers/Microsoft.Security/securityConnectors/${name}`;
  put(id, {
    id,
    name,
    type: 'Microsoft.Security/securityConnectors',
    location: 'centralus',
    tags: {},
    properties: {
      hierarchyIdentifier: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      environmentName,
      offerings: [{ offeringType: 'CspmMonitorAzureDevOps' }],
      environmentData: { environmentType: 'AzureDevOpsScope' },
    },
  });
}

export function putAssessment(put: Put, resourceId: string, guid: string, displayName: string, code: 'Healthy' | 'Unhealthy' | 'NotApplicable', severity: 'Low' | 'Medium' | 'High'): void {
  const id = `${resourceId}/providers/Microsoft.Security/assessments/${guid}`;
  put(id, {
    id,
    name: guid,
    type: 'Microsoft.Security/assessments',
    properties: {
      resourceDetails: { source: 'Azure', id: resourceId },
      displayName,
      status: {
        code,
        ...(code === 'Unhealthy' ? { cause: '', description: 'The resource does not meet the recommendation.' } : {}),
        firstEvaluationDate: '2025-03-05T08:00:00.0000000Z',
        statusChangeDate: '2025-03-05T08:00:00.0000000Z',
      },
      metadata: { displayName, severity, assessmentType: 'BuiltIn', policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${guid}` },
    },
  });
}

export function putPolicyAssignment(put: Put, scope: string, name: string, displayName: string, policyDefinitionId: string, parameters: JsonObject): string {
  const id = `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`;
  const wrapped: Record<string, Json> = {};
  for (const [key, value] of Object.entries(parameters)) wrapped[key] = { value };
  put(id, {
    id,
    name,
    type: 'Microsoft.Authorization/policyAssignments',
    location: 'eastus',
    properties: {
      displayName,
      policyDefinitionId,
      scope,
      notScopes: [],
      enforcementMode: 'Default',
      parameters: wrapped,
      metadata: { assignedBy: 'Guardian sample' },
    },
  });
  return id;
}

/** A policy compliance record, stored below the resource it is about (read by POST …/queryResults). */
export function putPolicyState(put: Put, resourceId: string, assignmentId: string, policyDefinitionId: string, complianceState: string): void {
  const name = assignmentId.split('/').pop() ?? 'assignment';
  put(`${resourceId}/providers/Microsoft.PolicyInsights/policyStates/${name}`, {
    '@odata.context': 'https://management.azure.com/providers/Microsoft.PolicyInsights/policyStates/$metadata#latest/$entity',
    timestamp: '2025-03-05T09:00:00Z',
    resourceId,
    policyAssignmentId: assignmentId,
    policyDefinitionId,
    effectiveParameters: '',
    isCompliant: complianceState === 'Compliant',
    complianceState,
    resourceType: resourceId.split('/providers/')[1]?.split('/').slice(0, 2).join('/') ?? '',
    policyDefinitionAction: 'audit',
  });
}
