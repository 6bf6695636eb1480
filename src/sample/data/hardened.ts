/**
 * `hardened`: the same kind of workspace with every control as the baseline wants it — private endpoints and no
 * public access, a managed network in approved-outbound mode, a user-assigned identity, a customer-managed key
 * with rotation, identity-based datastores, locked-down linked resources, resource logs everywhere, Defender
 * plans on, least-privilege RBAC and the AML policies assigned. It lives in its own subscription (see ids.ts).
 */
import {
  customRole,
  putAllPricings,
  putApplicationInsights,
  putAssessment,
  putBlobService,
  putBuiltInRoles,
  putCompute,
  putConnection,
  putContainerRegistry,
  putDatastore,
  putDiagnosticSetting,
  putKey,
  putKeyVault,
  putMlRegistry,
  putOnlineEndpoint,
  putOutboundRule,
  putPolicyAssignment,
  putPolicyState,
  putRoleAssignment,
  putRoleDefinition,
  putScopes,
  putSecurityConnector,
  putStorageAccount,
  putWorkspace,
  type Put,
} from './builders';
import type { JsonObject } from '../json';
import { CUSTOM_ROLE_GUIDS, HARDENED_NAMES, ROLE_GUIDS, SAMPLE_TENANT_ID, sampleIds } from './ids';

export function seedHardened(put: Put): void {
  const names = HARDENED_NAMES;
  const ids = sampleIds(names);
  const sub = names.subscriptionId;
  const p = names.principals;
  const uami = { [ids.userAssignedIdentity]: { principalId: p.workspace, clientId: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819' } };
  const approved = (id: string, name: string): JsonObject => ({
    id: `${id}/privateEndpointConnections/${name}`,
    name,
    properties: {
      provisioningState: 'Succeeded',
      privateEndpoint: { id: `${ids.resourceGroup}/providers/Microsoft.Network/privateEndpoints/${name}` },
      privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' },
    },
  });
  putScopes(put, names, ids);

  const keyIdentifier = putKey(put, names, ids, 'cmk-aml', '5b1e7c9a2d4f4e6a8b0c1d3e5f7a9b2c', {
    attributes: { enabled: true, exp: 1893456000, created: 1741078800, updated: 1741078800, recoveryLevel: 'Recoverable', exportable: false },
    rotationPolicy: {
      attributes: { expiryTime: 'P1Y', created: 1741078800, updated: 1741078800 },
      lifetimeActions: [
        { trigger: { timeAfterCreate: 'P90D' }, action: { type: 'rotate' } },
        { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } },
      ],
    },
  });

  putWorkspace(put, names, ids, {
    // The system identity stays alongside the UAMI: soft delete and recovery need it.
    identity: { type: 'SystemAssigned,UserAssigned', principalId: p.workspaceSystem, tenantId: SAMPLE_TENANT_ID, userAssignedIdentities: uami },
    tags: { environment: 'prod', dataClassification: 'confidential', owner: 'ml-platform' },
    properties: {
      primaryUserAssignedIdentity: ids.userAssignedIdentity,
      publicNetworkAccess: 'Disabled',
      allowPublicAccessWhenBehindVnet: false,
      // 2025-07-01-preview shape: public access is off, and the rules deny by default should it be turned on.
      networkAcls: { defaultAction: 'Deny', ipRules: [] },
      privateEndpointConnections: [approved(ids.workspace, 'pe-mlw-guardian-hardened')],
      sharedPrivateLinkResources: [],
      managedNetwork: {
        isolationMode: 'AllowOnlyApprovedOutbound',
        firewallSku: 'Standard',
        status: { status: 'Active', sparkReady: true },
        outboundRules: {},
      },
      encryption: {
        status: 'Enabled',
        identity: { userAssignedIdentity: ids.userAssignedIdentity },
        keyVaultProperties: { keyVaultArmId: ids.keyVault, keyIdentifier, identityClientId: '' },
      },
      hbiWorkspace: true,
      systemDatastoresAuthMode: 'Identity',
      softDeleteRetentionInDays: 14,
      v1LegacyMode: false,
      enableDataIsolation: true,
      imageBuildCompute: names.computeCluster,
    },
  });

  const computeIdentity = { type: 'UserAssigned', userAssignedIdentities: uami };
  putCompute(put, names, ids, {
    name: names.computeCluster,
    computeType: 'AmlCompute',
    disableLocalAuth: true,
    identity: computeIdentity,
    properties: {
      vmSize: 'STANDARD_DS3_V2',
      vmPriority: 'Dedicated',
      osType: 'Linux',
      isolatedNetwork: false,
      scaleSettings: { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: 'PT2M' },
      remoteLoginPortPublicAccess: 'Disabled',
      enableNodePublicIp: false,
      allocationState: 'Steady',
      currentNodeCount: 0,
      targetNodeCount: 0,
    },
  });
  putCompute(put, names, ids, {
    name: names.computeInstance,
    computeType: 'ComputeInstance',
    disableLocalAuth: true,
    identity: computeIdentity,
    properties: {
      vmSize: 'STANDARD_DS3_V2',
      applicationSharingPolicy: 'Personal',
      sshSettings: { sshPublicAccess: 'Disabled', adminUserName: 'azureuser', sshPort: 50000 },
      enableNodePublicIp: false,
      idleTimeBeforeShutdown: 'PT30M',
      osImageMetadata: { currentImageVersion: '25.04.07', latestImageVersion: '25.04.07', isLatestOsImageVersion: true },
      computeInstanceAuthorizationType: 'personal',
      personalComputeInstanceSettings: { assignedUser: { objectId: p.labUser, tenantId: SAMPLE_TENANT_ID } },
      connectivityEndpoints: { privateIpAddress: '10.0.0.4' },
      state: 'Stopped',
    },
  });

  const endpointId = putOnlineEndpoint(put, names, ids, {
    authMode: 'AADToken',
    publicNetworkAccess: 'Disabled',
    identity: { type: 'UserAssigned', tenantId: SAMPLE_TENANT_ID, userAssignedIdentities: uami },
    egressPublicNetworkAccess: 'Disabled',
    model: `azureml://registries/${ids.mlRegistry.split('/').pop() ?? ''}/models/churn-model/versions/7`,
  });

  putDatastore(put, names, ids, { name: 'workspaceblobstore', datastoreType: 'AzureBlob', credentialsType: 'None', isDefault: true, container: 'azureml-blobstore-9c1d' });
  putDatastore(put, names, ids, { name: 'workspaceartifactstore', datastoreType: 'AzureBlob', credentialsType: 'None', isDefault: false, container: 'azureml' });
  putDatastore(put, names, ids, { name: 'workspacefilestore', datastoreType: 'AzureFile', credentialsType: 'None', isDefault: false, container: 'azureml-filestore-9c1d' });

  putConnection(put, ids, 'conn-adls-curated', {
    category: 'ADLSGen2',
    target: 'https://dlsguardiancurated.dfs.core.windows.net/',
    authType: 'AAD',
    isSharedToAll: false,
  });
  // The assistant the hardened team builds calls Azure OpenAI with Entra ID: it is what Defender for AI services (AML-LT-005) protects.
  putConnection(put, ids, 'conn-aoai-assistant', {
    category: 'AzureOpenAI',
    target: 'https://oai-guardian-hardened.openai.azure.com/',
    authType: 'AAD',
    isSharedToAll: false,
  });

  putOutboundRule(put, ids, '__SYS_PE_stguardianhardened_blob', {
    type: 'PrivateEndpoint',
    category: 'Required',
    status: 'Active',
    destination: { serviceResourceId: ids.storageAccount, subresourceTarget: 'blob', sparkEnabled: true, sparkStatus: 'Active' },
  });
  putOutboundRule(put, ids, '__SYS_PE_kv-guardian-hardened_vault', {
    type: 'PrivateEndpoint',
    category: 'Required',
    status: 'Active',
    destination: { serviceResourceId: ids.keyVault, subresourceTarget: 'vault', sparkEnabled: true, sparkStatus: 'Active' },
  });
  putOutboundRule(put, ids, '__SYS_ST_AzureMachineLearning', {
    type: 'ServiceTag',
    category: 'Required',
    status: 'Active',
    destination: { serviceTag: 'AzureMachineLearning', protocol: 'TCP', portRanges: '443', action: 'Allow' },
  });
  putOutboundRule(put, ids, 'allow-pypi', { type: 'FQDN', category: 'UserDefined', status: 'Active', destination: 'pypi.org' });

  putMlRegistry(put, names, ids, 'Disabled');

  const deny = { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] };
  putStorageAccount(put, names, ids, 'Standard_RAGZRS', {
    publicNetworkAccess: 'Disabled',
    networkAcls: { ...deny, resourceAccessRules: [] },
    privateEndpointConnections: [approved(ids.storageAccount, 'pe-st-blob'), approved(ids.storageAccount, 'pe-st-file')],
    allowSharedKeyAccess: false,
    allowBlobPublicAccess: false,
    supportsHttpsTrafficOnly: true,
    minimumTlsVersion: 'TLS1_2',
    allowCrossTenantReplication: false,
    defaultToOAuthAuthentication: true,
    encryption: {
      keySource: 'Microsoft.Keyvault',
      requireInfrastructureEncryption: true,
      keyvaultproperties: { keyname: 'cmk-storage', keyvaulturi: `https://${names.keyVault}.vault.azure.net/` },
      identity: { userAssignedIdentity: ids.userAssignedIdentity },
      services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } },
    },
  });
  putBlobService(put, ids, 'Standard_RAGZRS', {
    deleteRetentionPolicy: { enabled: true, days: 14 },
    containerDeleteRetentionPolicy: { enabled: true, days: 14 },
    isVersioningEnabled: true,
  });

  putKeyVault(put, names, ids, {
    sku: { family: 'A', name: 'premium' },
    publicNetworkAccess: 'Disabled',
    networkAcls: deny,
    privateEndpointConnections: [approved(ids.keyVault, 'pe-kv')],
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    enablePurgeProtection: true,
    enableRbacAuthorization: true,
  });

  putContainerRegistry(put, names, ids, 'Premium', {
    adminUserEnabled: false,
    anonymousPullEnabled: false,
    publicNetworkAccess: 'Disabled',
    networkRuleSet: { defaultAction: 'Deny', ipRules: [] },
    privateEndpointConnections: [approved(ids.containerRegistry, 'pe-acr')],
    zoneRedundancy: 'Enabled',
    encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: `https://${names.keyVault}.vault.azure.net/keys/cmk-acr`, identity: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819' } },
    policies: {
      quarantinePolicy: { status: 'enabled' },
      trustPolicy: { type: 'Notary', status: 'enabled' },
      retentionPolicy: { days: 30, lastUpdatedTime: '2025-03-04T09:12:00.0000000+00:00', status: 'enabled' },
      exportPolicy: { status: 'disabled' },
      azureADAuthenticationAsArmPolicy: { status: 'enabled' },
      softDeletePolicy: { retentionDays: 7, lastUpdatedTime: '2025-03-04T09:12:00.0000000+00:00', status: 'enabled' },
    },
  });

  putApplicationInsights(put, names, ids, {
    publicNetworkAccessForIngestion: 'Disabled',
    publicNetworkAccessForQuery: 'Disabled',
    DisableLocalAuth: true,
    WorkspaceResourceId: ids.logAnalytics,
    IngestionMode: 'LogAnalytics',
  });

  // Resource logs everywhere, to the security team's Log Analytics workspace.
  putDiagnosticSetting(put, ids.workspace, 'to-log-analytics', ids.logAnalytics, [{ categoryGroup: 'allLogs' }, { categoryGroup: 'audit' }]);
  putDiagnosticSetting(put, ids.keyVault, 'to-log-analytics', ids.logAnalytics, [{ categoryGroup: 'audit' }, { category: 'AuditEvent' }]);
  putDiagnosticSetting(put, endpointId, 'to-log-analytics', ids.logAnalytics, [{ categoryGroup: 'allLogs' }]);
  putDiagnosticSetting(
    put,
    ids.subscription,
    'activity-to-log-analytics',
    ids.logAnalytics,
    ['Administrative', 'Security', 'ServiceHealth', 'Alert', 'Recommendation', 'Policy', 'Autoscale', 'ResourceHealth'].map((category) => ({ category })),
  );

  // Least privilege: groups, not users; the pipeline SP scoped to the workspace with a narrow role.
  putBuiltInRoles(put, sub);
  putRoleDefinition(
    put,
    sub,
    customRole(
      CUSTOM_ROLE_GUIDS.endpointOperator,
      'ML Endpoint Operator (custom)',
      [
        'Microsoft.MachineLearningServices/workspaces/read',
        'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read',
        'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read',
        'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write',
      ],
      sub,
    ),
  );
  const assign = (scope: string, n: number, role: string, principal: string, type: 'User' | 'Group' | 'ServicePrincipal'): void =>
    putRoleAssignment(put, sub, scope, `b2000000-0000-4000-8000-${n.toString().padStart(12, '0')}`, role, principal, type);
  assign(ids.subscription, 1, ROLE_GUIDS.owner, p.platformAdmins, 'Group');
  assign(ids.subscription, 12, ROLE_GUIDS.owner, p.breakGlass, 'Group');
  assign(ids.resourceGroup, 2, ROLE_GUIDS.reader, p.devOpsServicePrincipal, 'ServicePrincipal');
  assign(ids.workspace, 3, ROLE_GUIDS.amlDataScientist, p.dataScientists, 'Group');
  assign(ids.workspace, 4, CUSTOM_ROLE_GUIDS.endpointOperator, p.devOpsServicePrincipal, 'ServicePrincipal');
  assign(ids.workspace, 5, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');
  // The roles AML documents for the workspace identity on its linked resources.
  assign(ids.storageAccount, 13, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');
  assign(ids.keyVault, 14, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');
  assign(ids.containerRegistry, 15, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');
  assign(ids.storageAccount, 6, ROLE_GUIDS.storageBlobDataContributor, p.workspace, 'ServicePrincipal');
  assign(ids.storageAccount, 7, ROLE_GUIDS.storageFileDataPrivilegedContributor, p.workspace, 'ServicePrincipal');
  assign(ids.keyVault, 8, ROLE_GUIDS.keyVaultAdministrator, p.workspace, 'ServicePrincipal');
  assign(ids.keyVault, 9, ROLE_GUIDS.keyVaultCryptoServiceEncryptionUser, p.workspace, 'ServicePrincipal');
  assign(ids.containerRegistry, 10, ROLE_GUIDS.acrPush, p.workspace, 'ServicePrincipal');
  assign(ids.containerRegistry, 11, ROLE_GUIDS.acrPull, p.endpoint, 'ServicePrincipal');

  putAllPricings(put, sub, new Set(['AI', 'CloudPosture', 'StorageAccounts', 'KeyVaults', 'Containers', 'Arm', 'VirtualMachines']));

  putSecurityConnector(put, ids, 'ado-guardian-ml', 'AzureDevOps');

  putAssessment(put, ids.workspace, '2b3c4d5e-0001-4f60-9a1b-2c3d4e5f6a01', 'Azure Machine Learning workspaces should disable public network access', 'Healthy', 'Medium');
  putAssessment(put, ids.workspace, '2b3c4d5e-0002-4f60-9a1b-2c3d4e5f6a02', 'Resource logs in Azure Machine Learning Workspaces should be enabled', 'Healthy', 'Medium');
  putAssessment(put, ids.containerRegistry, 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5', 'Container registry images should have vulnerability findings resolved', 'Healthy', 'High');
  putAssessment(put, `${ids.workspace}/computes/${names.computeInstance}`, '2b3c4d5e-0004-4f60-9a1b-2c3d4e5f6a04', 'Azure Machine Learning compute instances should be recreated to get the latest software updates', 'Healthy', 'Medium');

  const policies: readonly (readonly [string, string, Record<string, string>])[] = [
    ['438c38d2-3772-465a-a9cc-7a6666a275ce', 'Azure Machine Learning Workspaces should disable public network access', { effect: 'Deny' }],
    ['45e05259-1eb5-4f70-9574-baf73e9d219b', 'Azure Machine Learning workspaces should use private link', { effect: 'Audit' }],
    ['6ddb1705-c8cf-450e-aa4b-19ad6703c440', 'Azure Machine Learning should use Allow Only Approved Outbound mode', { isolationMode: 'AllowOnlyApprovedOutbound', effect: 'Audit' }],
    ['7804b5c7-01dc-4723-969b-ae300cc07ff1', 'Azure Machine Learning Computes should be in a virtual network', { effect: 'Audit' }],
    ['e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f', 'Azure Machine Learning Computes should have local authentication methods disabled', { effect: 'Deny' }],
    ['ba769a63-b8cc-4b2d-abf6-ac33c7204be8', 'Azure Machine Learning workspaces should be encrypted with a customer-managed key', { effect: 'Audit' }],
    ['afe0c3be-ba3b-4544-ba52-0c99672a8ad6', 'Resource logs in Azure Machine Learning Workspaces should be enabled', { effect: 'AuditIfNotExists' }],
  ];
  putPolicyAssignment(put, ids.subscription, 'pa-mcsb', 'Microsoft cloud security benchmark', '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8', {});
  putPolicyAssignment(put, ids.subscription, 'pa-allowed-locations', 'Allowed locations', '/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c', {
    listOfAllowedLocations: [names.location],
  });
  putPolicyAssignment(put, ids.subscription, 'pa-allowed-types', 'Allowed resource types', '/providers/Microsoft.Authorization/policyDefinitions/a08ec900-254a-4555-9bf5-e42af04b5c5c', {
    listOfResourceTypesAllowed: ['Microsoft.MachineLearningServices/workspaces', 'Microsoft.Storage/storageAccounts', 'Microsoft.KeyVault/vaults', 'Microsoft.ContainerRegistry/registries', 'Microsoft.Insights/components'],
  });
  for (const [guid, displayName, parameters] of policies) {
    const definitionId = `/providers/Microsoft.Authorization/policyDefinitions/${guid}`;
    const assignmentId = putPolicyAssignment(put, ids.subscription, `pa-${guid.slice(0, 8)}`, displayName, definitionId, parameters);
    putPolicyState(put, ids.workspace, assignmentId, definitionId, 'Compliant');
  }
}
