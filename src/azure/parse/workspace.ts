/** The workspace, parsed from its raw ARM body at the pinned api-version (the SDK's 2022-10-01 model drops fields). */
import { parseResourceId } from '../../shared/resource-id';
import type { Collected, ManagedIdentity, PrivateEndpointConnection, Workspace, WorkspaceNetworkAcls, WorkspacePreviewSettings } from '../snapshot';
import { type JsonReader, nonEmpty } from './json-reader';

/**
 * `preview` is the result of the read at the preview api-version; without it the preview-only settings are taken
 * from the same body (a Resource Graph row carries whatever the provider stored).
 */
export function parseWorkspace(body: JsonReader, preview?: Collected<WorkspacePreviewSettings>): Workspace {
  const id = body.need('id', 'The workspace');
  const parsed = parseResourceId(id);
  const p = body.obj('properties');
  const managedNetwork = p.obj('managedNetwork');
  const encryption = p.obj('encryption');
  const keyVaultProperties = encryption.obj('keyVaultProperties');
  return {
    id,
    name: body.str('name') ?? parsed.name ?? '',
    subscriptionId: parsed.subscriptionId,
    resourceGroup: parsed.resourceGroup ?? '',
    location: body.str('location') ?? '',
    kind: body.str('kind'),
    tags: body.stringMap('tags'),
    identity: parseIdentity(body),
    primaryUserAssignedIdentity: nonEmpty(p.str('primaryUserAssignedIdentity')),
    publicNetworkAccess: p.str('publicNetworkAccess'),
    allowPublicAccessWhenBehindVnet: p.bool('allowPublicAccessWhenBehindVnet'),
    privateEndpointConnections: parsePrivateEndpointConnections(p),
    managedNetworkIsolationMode: managedNetwork.str('isolationMode'),
    managedNetworkFirewallSku: managedNetwork.str('firewallSku'),
    encryption: {
      status: encryption.str('status'),
      keyIdentifier: nonEmpty(keyVaultProperties.str('keyIdentifier')),
      keyVaultArmId: nonEmpty(keyVaultProperties.str('keyVaultArmId')),
    },
    hbiWorkspace: p.bool('hbiWorkspace'),
    systemDatastoresAuthMode: p.str('systemDatastoresAuthMode'),
    v1LegacyMode: p.bool('v1LegacyMode'),
    imageBuildCompute: nonEmpty(p.str('imageBuildCompute')),
    storageAccountId: nonEmpty(p.str('storageAccount')),
    keyVaultId: nonEmpty(p.str('keyVault')),
    containerRegistryId: nonEmpty(p.str('containerRegistry')),
    applicationInsightsId: nonEmpty(p.str('applicationInsights')),
    preview: preview ?? { ok: true, value: parseWorkspacePreviewSettings(body) },
  };
}

/** `properties.networkAcls` and `properties.softDeleteRetentionInDays`, which only preview api-versions define. */
export function parseWorkspacePreviewSettings(body: JsonReader): WorkspacePreviewSettings {
  const p = body.obj('properties');
  return { networkAcls: parseNetworkAcls(p), softDeleteRetentionInDays: p.num('softDeleteRetentionInDays') };
}

function parseNetworkAcls(properties: JsonReader): WorkspaceNetworkAcls | undefined {
  if (!properties.has('networkAcls')) return undefined;
  const acls = properties.obj('networkAcls');
  return {
    defaultAction: acls.str('defaultAction'),
    ipRules: acls.list('ipRules').flatMap((rule) => {
      const value = nonEmpty(rule.str('value'));
      return value !== undefined ? [value] : [];
    }),
  };
}

export function parseIdentity(body: JsonReader): ManagedIdentity | undefined {
  const identity = body.obj('identity');
  const type = identity.str('type');
  if (type === undefined) return undefined;
  return {
    type,
    principalId: nonEmpty(identity.str('principalId')),
    tenantId: nonEmpty(identity.str('tenantId')),
    userAssigned: identity.entries('userAssignedIdentities').map(([resourceId, uami]) => ({ resourceId, principalId: nonEmpty(uami.str('principalId')) })),
  };
}

/** `properties.privateEndpointConnections[*]` in the ARM shape shared by ML, Storage, Key Vault and ACR. */
export function parsePrivateEndpointConnections(properties: JsonReader): PrivateEndpointConnection[] {
  return properties.list('privateEndpointConnections').map((c) => ({
    id: c.str('id') ?? c.str('name') ?? '',
    status: c.obj('properties').obj('privateLinkServiceConnectionState').str('status'),
  }));
}
