/**
 * Maps the SDK clients' typed models onto the snapshot shapes, for the reads where the SDK returns everything
 * the checks need (linked resources, diagnostic settings, RBAC, datastores, deployments).
 */
import type { RoleAssignment as SdkRoleAssignment, RoleDefinition as SdkRoleDefinition } from '@azure/arm-authorization';
import type { Key, Vault } from '@azure/arm-keyvault';
import type { Datastore as SdkDatastore, OnlineDeployment as SdkOnlineDeployment } from '@azure/arm-machinelearning';
import type { DiagnosticSettingsResource } from '@azure/arm-monitor';
import type { BlobServiceProperties as SdkBlobServiceProperties, StorageAccount as SdkStorageAccount } from '@azure/arm-storage';
import type {
  BlobServiceProperties,
  CmkKey,
  Datastore,
  DiagnosticSetting,
  KeyVault,
  NetworkAcls,
  OnlineDeployment,
  PrivateEndpointConnection,
  RoleAssignment,
  RoleDefinition,
  StorageAccount,
} from '../snapshot';
import { nonEmpty, PayloadError } from './json-reader';

const GEO_REDUNDANT = /GRS|GZRS/i;

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new PayloadError(`${what} is missing`);
  return value;
}

export function fromSdkStorageAccount(a: SdkStorageAccount): StorageAccount {
  const rules = a.networkRuleSet;
  return {
    id: need(a.id, 'The storage account id'),
    name: need(a.name, 'The storage account name'),
    kind: a.kind,
    sku: a.sku?.name,
    publicNetworkAccess: a.publicNetworkAccess,
    networkAcls:
      rules === undefined
        ? undefined
        : {
            defaultAction: rules.defaultAction,
            bypass: rules.bypass,
            ipRules: (rules.ipRules ?? []).map((r) => r.iPAddressOrRange),
            virtualNetworkRules: (rules.virtualNetworkRules ?? []).map((r) => r.virtualNetworkResourceId),
          },
    privateEndpointConnections: (a.privateEndpointConnections ?? []).map((c) => ({ id: c.id ?? '', status: c.privateLinkServiceConnectionState?.status })),
    allowSharedKeyAccess: a.allowSharedKeyAccess,
    allowBlobPublicAccess: a.allowBlobPublicAccess,
    supportsHttpsTrafficOnly: a.enableHttpsTrafficOnly,
    minimumTlsVersion: a.minimumTlsVersion,
    allowCrossTenantReplication: a.allowCrossTenantReplication,
    defaultToOAuthAuthentication: a.defaultToOAuthAuthentication,
    encryptionKeySource: a.encryption?.keySource,
    requireInfrastructureEncryption: a.encryption?.requireInfrastructureEncryption,
    geoRedundant: a.sku?.name === undefined ? undefined : GEO_REDUNDANT.test(a.sku.name),
  };
}

export function fromSdkBlobService(b: SdkBlobServiceProperties): BlobServiceProperties {
  return {
    deleteRetentionEnabled: b.deleteRetentionPolicy?.enabled,
    deleteRetentionDays: b.deleteRetentionPolicy?.days,
    containerDeleteRetentionEnabled: b.containerDeleteRetentionPolicy?.enabled,
    containerDeleteRetentionDays: b.containerDeleteRetentionPolicy?.days,
    versioningEnabled: b.isVersioningEnabled,
  };
}

export function fromSdkVault(v: Vault): KeyVault {
  const p = v.properties;
  const acls = p.networkAcls;
  const networkAcls: NetworkAcls | undefined =
    acls === undefined
      ? undefined
      : {
          defaultAction: acls.defaultAction,
          bypass: acls.bypass,
          ipRules: (acls.ipRules ?? []).map((r) => r.value),
          virtualNetworkRules: (acls.virtualNetworkRules ?? []).map((r) => r.id),
        };
  return {
    id: need(v.id, 'The key vault id'),
    name: need(v.name, 'The key vault name'),
    sku: p.sku.name,
    publicNetworkAccess: p.publicNetworkAccess,
    networkAcls,
    privateEndpointConnections: (p.privateEndpointConnections ?? []).map(
      (c): PrivateEndpointConnection => ({ id: c.id ?? '', status: c.privateLinkServiceConnectionState?.status }),
    ),
    enableSoftDelete: p.enableSoftDelete,
    softDeleteRetentionInDays: p.softDeleteRetentionInDays,
    enablePurgeProtection: p.enablePurgeProtection,
    enableRbacAuthorization: p.enableRbacAuthorization,
    accessPolicies: (p.accessPolicies ?? []).map((a) => ({
      objectId: a.objectId,
      keys: a.permissions.keys ?? [],
      secrets: a.permissions.secrets ?? [],
      certificates: a.permissions.certificates ?? [],
    })),
  };
}

export function fromSdkKey(k: Key, fallbackId: string): CmkKey {
  const rotate = (k.rotationPolicy?.lifetimeActions ?? []).find((a) => a.action?.type?.toLowerCase() === 'rotate');
  return {
    id: k.id ?? fallbackId,
    name: need(k.name, 'The key name'),
    expires: k.attributes?.expires,
    rotationEnabled: rotate !== undefined,
    rotateAfter: rotate?.trigger?.timeAfterCreate ?? rotate?.trigger?.timeBeforeExpiry,
  };
}

export function fromSdkDiagnosticSetting(d: DiagnosticSettingsResource): DiagnosticSetting {
  return {
    id: d.id ?? '',
    name: d.name ?? '',
    logs: (d.logs ?? []).map((l) => ({ category: l.category, categoryGroup: l.categoryGroup, enabled: l.enabled })),
    workspaceId: nonEmpty(d.workspaceId),
    storageAccountId: nonEmpty(d.storageAccountId),
    eventHubAuthorizationRuleId: nonEmpty(d.eventHubAuthorizationRuleId),
  };
}

export function fromSdkRoleAssignment(a: SdkRoleAssignment): RoleAssignment {
  return {
    id: need(a.id, 'A role assignment id'),
    scope: a.scope ?? '',
    roleDefinitionId: a.roleDefinitionId ?? '',
    principalId: a.principalId ?? '',
    principalType: a.principalType,
    condition: a.condition ?? undefined,
  };
}

export function fromSdkRoleDefinition(d: SdkRoleDefinition): RoleDefinition {
  const id = need(d.id, 'A role definition id');
  const permissions = d.permissions ?? [];
  return {
    id,
    name: d.name ?? id.split('/').pop() ?? '',
    roleName: d.roleName ?? '',
    roleType: d.roleType ?? '',
    actions: permissions.flatMap((p) => p.actions ?? []),
    notActions: permissions.flatMap((p) => p.notActions ?? []),
    dataActions: permissions.flatMap((p) => p.dataActions ?? []),
    assignableScopes: d.assignableScopes ?? [],
  };
}

export function fromSdkDatastore(d: SdkDatastore): Datastore {
  return {
    id: need(d.id, 'A datastore id'),
    name: need(d.name, 'A datastore name'),
    datastoreType: d.properties.datastoreType,
    credentialsType: d.properties.credentials.credentialsType,
    isDefault: d.properties.isDefault ?? false,
  };
}

export function fromSdkOnlineDeployment(d: SdkOnlineDeployment, endpointName: string): OnlineDeployment {
  return {
    id: need(d.id, 'An online deployment id'),
    name: need(d.name, 'An online deployment name'),
    endpointName,
    endpointComputeType: d.properties.endpointComputeType,
    egressPublicNetworkAccess: d.properties.egressPublicNetworkAccess,
    modelId: d.properties.model,
  };
}
