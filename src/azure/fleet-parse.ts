/**
 * Azure Resource Graph rows → snapshot shapes, for the resources whose single-workspace read goes through an
 * SDK model (storage accounts, vaults, role assignments and definitions, online deployments). An ARG row carries
 * the raw ARM body (`properties` as the provider returns it), so these parse the raw spelling the SDK models
 * rename (`supportsHttpsTrafficOnly`, `networkAcls.ipRules[].value`…). The other rows go through the same raw
 * parsers as single scans (workspace, computes, endpoints, registries, App Insights, Defender, policy).
 */
import { PayloadError, type JsonReader } from './parse/json-reader';
import { parsePrivateEndpointConnections } from './parse/workspace';
import type { KeyVault, NetworkAcls, OnlineDeployment, RoleAssignment, RoleDefinition, StorageAccount } from './snapshot';

const GEO_REDUNDANT = /GRS|GZRS/i;

function networkAclsOf(p: JsonReader, ipKey: 'value', vnetKey: 'id'): NetworkAcls | undefined {
  if (!p.has('networkAcls')) return undefined;
  const acls = p.obj('networkAcls');
  return {
    defaultAction: acls.str('defaultAction'),
    bypass: acls.str('bypass'),
    ipRules: acls.list('ipRules').flatMap((r) => r.str(ipKey) ?? []),
    virtualNetworkRules: acls.list('virtualNetworkRules').flatMap((r) => r.str(vnetKey) ?? []),
  };
}

export function storageAccountFromRow(row: JsonReader): StorageAccount {
  const p = row.obj('properties');
  const sku = row.obj('sku').str('name');
  return {
    id: row.need('id', 'A storage account row'),
    name: row.need('name', 'A storage account row'),
    kind: row.str('kind'),
    sku,
    publicNetworkAccess: p.str('publicNetworkAccess'),
    networkAcls: networkAclsOf(p, 'value', 'id'),
    privateEndpointConnections: parsePrivateEndpointConnections(p),
    allowSharedKeyAccess: p.bool('allowSharedKeyAccess'),
    allowBlobPublicAccess: p.bool('allowBlobPublicAccess'),
    supportsHttpsTrafficOnly: p.bool('supportsHttpsTrafficOnly'),
    minimumTlsVersion: p.str('minimumTlsVersion'),
    allowCrossTenantReplication: p.bool('allowCrossTenantReplication'),
    defaultToOAuthAuthentication: p.bool('defaultToOAuthAuthentication'),
    encryptionKeySource: p.obj('encryption').str('keySource'),
    requireInfrastructureEncryption: p.obj('encryption').bool('requireInfrastructureEncryption'),
    geoRedundant: sku === undefined ? undefined : GEO_REDUNDANT.test(sku),
  };
}

export function keyVaultFromRow(row: JsonReader): KeyVault {
  const p = row.obj('properties');
  return {
    id: row.need('id', 'A key vault row'),
    name: row.need('name', 'A key vault row'),
    sku: p.obj('sku').str('name'),
    publicNetworkAccess: p.str('publicNetworkAccess'),
    networkAcls: networkAclsOf(p, 'value', 'id'),
    privateEndpointConnections: parsePrivateEndpointConnections(p),
    enableSoftDelete: p.bool('enableSoftDelete'),
    softDeleteRetentionInDays: p.num('softDeleteRetentionInDays'),
    enablePurgeProtection: p.bool('enablePurgeProtection'),
    enableRbacAuthorization: p.bool('enableRbacAuthorization'),
    accessPolicies: p.list('accessPolicies').map((a) => {
      const permissions = a.obj('permissions');
      return { objectId: a.str('objectId') ?? '', keys: permissions.strings('keys'), secrets: permissions.strings('secrets'), certificates: permissions.strings('certificates') };
    }),
  };
}

export function roleAssignmentFromRow(row: JsonReader): RoleAssignment {
  const p = row.obj('properties');
  return {
    id: row.need('id', 'A role assignment row'),
    scope: p.str('scope') ?? '',
    roleDefinitionId: p.str('roleDefinitionId') ?? '',
    principalId: p.str('principalId') ?? '',
    principalType: p.str('principalType'),
    condition: p.str('condition') ?? undefined,
  };
}

export function roleDefinitionFromRow(row: JsonReader): RoleDefinition {
  const id = row.need('id', 'A role definition row');
  const p = row.obj('properties');
  const permissions = p.list('permissions');
  return {
    id,
    name: row.str('name') ?? id.split('/').pop() ?? '',
    roleName: p.str('roleName') ?? '',
    roleType: p.str('type') ?? '',
    actions: permissions.flatMap((x) => x.strings('actions')),
    notActions: permissions.flatMap((x) => x.strings('notActions')),
    dataActions: permissions.flatMap((x) => x.strings('dataActions')),
    assignableScopes: p.strings('assignableScopes'),
  };
}

export function onlineDeploymentFromRow(row: JsonReader): OnlineDeployment {
  const id = row.need('id', 'An online deployment row');
  const endpointName = /\/onlineEndpoints\/([^/]+)\/deployments\//i.exec(id)?.[1];
  if (endpointName === undefined) throw new PayloadError(`${id} is not an online deployment id`);
  const p = row.obj('properties');
  return {
    id,
    name: row.need('name', 'An online deployment row'),
    endpointName,
    endpointComputeType: p.str('endpointComputeType'),
    egressPublicNetworkAccess: p.str('egressPublicNetworkAccess'),
    modelId: p.str('model'),
  };
}
