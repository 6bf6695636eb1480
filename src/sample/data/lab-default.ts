/**
 * `lab-default`: the workspace as the lab's MLOps v2 accelerator deploys it (seed 000, Exercise 6), before the
 * learner tightens anything. The accelerator's Bicep takes the service defaults, so it is open by default:
 * public network access, no private endpoint, no managed network, an ACR Basic with the admin user, a vault
 * with access policies and no purge protection, storage with shared keys, App Insights with local auth,
 * account-key system datastores, Defender plans Free, no diagnostic settings and no policy assignments.
 * Exercise 3's service principal holds Contributor on the whole subscription.
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
  putKeyVault,
  putOnlineEndpoint,
  putRoleAssignment,
  putRoleDefinition,
  putScopes,
  putStorageAccount,
  putWorkspace,
  type Put,
} from './builders';
import { CUSTOM_ROLE_GUIDS, LAB_NAMES, ROLE_GUIDS, SAMPLE_TENANT_ID, sampleIds } from './ids';

export function seedLabDefault(put: Put): void {
  const names = LAB_NAMES;
  const ids = sampleIds(names);
  const sub = names.subscriptionId;
  const p = names.principals;
  putScopes(put, names, ids);

  putWorkspace(put, names, ids, {
    identity: { type: 'SystemAssigned', principalId: p.workspace, tenantId: SAMPLE_TENANT_ID },
    tags: { environment: 'prod', project: 'mlopsv2' },
    properties: {
      publicNetworkAccess: 'Enabled',
      allowPublicAccessWhenBehindVnet: false,
      privateEndpointConnections: [],
      sharedPrivateLinkResources: [],
      managedNetwork: { isolationMode: 'Disabled', outboundRules: {}, status: { status: 'Inactive', sparkReady: false } },
      // No customer-managed key, so no encryption block: the 2025-07-01-preview contract requires a non-empty key id in one.
      hbiWorkspace: false,
      systemDatastoresAuthMode: 'AccessKey',
      softDeleteRetentionInDays: 14,
      v1LegacyMode: false,
      enableDataIsolation: false,
    },
  });

  putCompute(put, names, ids, {
    name: names.computeCluster,
    computeType: 'AmlCompute',
    disableLocalAuth: false,
    identity: { type: 'None' },
    properties: {
      vmSize: 'STANDARD_DS3_V2',
      vmPriority: 'Dedicated',
      osType: 'Linux',
      isolatedNetwork: false,
      scaleSettings: { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: 'PT2M' },
      remoteLoginPortPublicAccess: 'Enabled',
      enableNodePublicIp: true,
      allocationState: 'Steady',
      currentNodeCount: 0,
      targetNodeCount: 0,
    },
  });
  putCompute(put, names, ids, {
    name: names.computeInstance,
    computeType: 'ComputeInstance',
    disableLocalAuth: false,
    properties: {
      vmSize: 'STANDARD_DS3_V2',
      applicationSharingPolicy: 'Shared',
      sshSettings: { sshPublicAccess: 'Enabled', adminUserName: 'azureuser', sshPort: 50000 },
      enableNodePublicIp: true,
      osImageMetadata: { currentImageVersion: '24.10.11', latestImageVersion: '25.04.07', isLatestOsImageVersion: false },
      computeInstanceAuthorizationType: 'personal',
      personalComputeInstanceSettings: { assignedUser: { objectId: p.labUser, tenantId: SAMPLE_TENANT_ID } },
      connectivityEndpoints: { publicIpAddress: '20.115.10.4', privateIpAddress: '10.0.0.4' },
      state: 'Running',
    },
  });

  putOnlineEndpoint(put, names, ids, {
    authMode: 'Key',
    publicNetworkAccess: 'Enabled',
    identity: { type: 'SystemAssigned', principalId: p.endpoint, tenantId: SAMPLE_TENANT_ID },
    egressPublicNetworkAccess: 'Enabled',
    model: `${ids.workspace}/models/taxi-model/versions/1`,
  });

  putDatastore(put, names, ids, { name: 'workspaceblobstore', datastoreType: 'AzureBlob', credentialsType: 'AccountKey', isDefault: true, container: 'azureml-blobstore-5f2b' });
  putDatastore(put, names, ids, { name: 'workspaceartifactstore', datastoreType: 'AzureBlob', credentialsType: 'AccountKey', isDefault: false, container: 'azureml' });
  putDatastore(put, names, ids, { name: 'workspacefilestore', datastoreType: 'AzureFile', credentialsType: 'AccountKey', isDefault: false, container: 'azureml-filestore-5f2b' });
  putDatastore(put, names, ids, { name: 'workspaceworkingdirectory', datastoreType: 'AzureFile', credentialsType: 'AccountKey', isDefault: false, container: 'code-391ff5ac' });

  putConnection(put, ids, 'github-mlops-v2', { category: 'Git', target: 'https://github.com/Azure/mlops-v2-ado-demo', authType: 'PAT', isSharedToAll: true });

  putStorageAccount(put, names, ids, 'Standard_LRS', {
    publicNetworkAccess: 'Enabled',
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [], resourceAccessRules: [] },
    privateEndpointConnections: [],
    allowSharedKeyAccess: true,
    allowBlobPublicAccess: false,
    supportsHttpsTrafficOnly: true,
    minimumTlsVersion: 'TLS1_2',
    allowCrossTenantReplication: false,
    encryption: {
      keySource: 'Microsoft.Storage',
      services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } },
    },
  });
  putBlobService(put, ids, 'Standard_LRS', {
    deleteRetentionPolicy: { enabled: false },
    containerDeleteRetentionPolicy: { enabled: false },
    isVersioningEnabled: false,
  });

  putKeyVault(put, names, ids, {
    publicNetworkAccess: 'Enabled',
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    enableRbacAuthorization: false,
    accessPolicies: [
      {
        tenantId: SAMPLE_TENANT_ID,
        objectId: p.workspace,
        permissions: {
          keys: ['all'],
          secrets: ['all'],
          certificates: ['all'],
          storage: [],
        },
      },
      {
        tenantId: SAMPLE_TENANT_ID,
        objectId: p.devOpsServicePrincipal,
        permissions: { keys: ['get', 'list'], secrets: ['get', 'list', 'set', 'delete', 'purge'], certificates: [], storage: [] },
      },
    ],
  });

  putContainerRegistry(put, names, ids, 'Basic', {
    adminUserEnabled: true,
    anonymousPullEnabled: false,
    publicNetworkAccess: 'Enabled',
    privateEndpointConnections: [],
    zoneRedundancy: 'Disabled',
    encryption: { status: 'disabled' },
    policies: {
      quarantinePolicy: { status: 'disabled' },
      trustPolicy: { type: 'Notary', status: 'disabled' },
      retentionPolicy: { days: 7, lastUpdatedTime: '2025-03-04T09:12:00.0000000+00:00', status: 'disabled' },
      exportPolicy: { status: 'enabled' },
      azureADAuthenticationAsArmPolicy: { status: 'enabled' },
      softDeletePolicy: { retentionDays: 7, lastUpdatedTime: '2025-03-04T09:12:00.0000000+00:00', status: 'disabled' },
    },
  });

  putApplicationInsights(put, names, ids, {
    publicNetworkAccessForIngestion: 'Enabled',
    publicNetworkAccessForQuery: 'Enabled',
    DisableLocalAuth: false,
  });

  // RBAC: the learner owns the subscription; Exercise 3's `az ad sp create-for-rbac --role Contributor`
  // gives the Azure DevOps service principal Contributor at subscription scope.
  putBuiltInRoles(put, sub);
  putRoleDefinition(put, sub, customRole(CUSTOM_ROLE_GUIDS.labAdmin, 'MLOps Lab Admin (custom)', ['*'], sub));
  const assign = (scope: string, n: number, role: string, principal: string, type: 'User' | 'Group' | 'ServicePrincipal'): void =>
    putRoleAssignment(put, sub, scope, `a1000000-0000-4000-8000-${n.toString().padStart(12, '0')}`, role, principal, type);
  assign(ids.subscription, 1, ROLE_GUIDS.owner, p.labUser, 'User');
  assign(ids.subscription, 2, ROLE_GUIDS.contributor, p.devOpsServicePrincipal, 'ServicePrincipal');
  assign(ids.subscription, 3, CUSTOM_ROLE_GUIDS.labAdmin, p.platformAdmins, 'Group');
  assign(ids.resourceGroup, 4, ROLE_GUIDS.contributor, p.dataScientists, 'Group');
  assign(ids.workspace, 5, ROLE_GUIDS.amlDataScientist, p.dataScientists, 'Group');
  assign(ids.workspace, 6, ROLE_GUIDS.contributor, p.labUser, 'User');
  assign(ids.storageAccount, 7, ROLE_GUIDS.storageBlobDataContributor, p.workspace, 'ServicePrincipal');
  assign(ids.storageAccount, 8, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');
  assign(ids.keyVault, 9, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');
  assign(ids.containerRegistry, 10, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');
  assign(ids.applicationInsights, 11, ROLE_GUIDS.contributor, p.workspace, 'ServicePrincipal');

  putAllPricings(put, sub, new Set());

  // Defender for Cloud's free foundational CSPM already assesses the resources (Exercise 8 reviews them).
  putAssessment(put, ids.workspace, '1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01', 'Azure Machine Learning workspaces should disable public network access', 'Unhealthy', 'Medium');
  putAssessment(put, ids.workspace, '1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a02', 'Resource logs in Azure Machine Learning Workspaces should be enabled', 'Unhealthy', 'Medium');
  putAssessment(put, ids.containerRegistry, '1a2b3c4d-0003-4e5f-8a9b-0c1d2e3f4a03', 'Container registries should not allow unrestricted network access', 'Unhealthy', 'Medium');
  putAssessment(put, ids.storageAccount, '1a2b3c4d-0004-4e5f-8a9b-0c1d2e3f4a04', 'Storage account public access should be disallowed', 'Healthy', 'Medium');
  putAssessment(put, `${ids.workspace}/computes/${names.computeInstance}`, '1a2b3c4d-0005-4e5f-8a9b-0c1d2e3f4a05', 'Azure Machine Learning compute instances should be recreated to get the latest software updates', 'Unhealthy', 'Medium');
}
