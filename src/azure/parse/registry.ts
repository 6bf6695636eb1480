/**
 * The linked container registry, parsed raw: arm-containerregistry's stable model has no `softDeletePolicy`
 * (a preview feature), so the registry is read at a preview api-version that returns it.
 */
import type { ContainerRegistry } from '../snapshot';
import type { JsonReader } from './json-reader';
import { parsePrivateEndpointConnections } from './workspace';

export function parseContainerRegistry(body: JsonReader): ContainerRegistry {
  const p = body.obj('properties');
  const policies = p.obj('policies');
  const rules = p.obj('networkRuleSet');
  return {
    id: body.need('id', 'The container registry'),
    name: body.need('name', 'The container registry'),
    sku: body.obj('sku').str('name'),
    adminUserEnabled: p.bool('adminUserEnabled'),
    anonymousPullEnabled: p.bool('anonymousPullEnabled'),
    publicNetworkAccess: p.str('publicNetworkAccess'),
    networkDefaultAction: rules.str('defaultAction'),
    networkIpRules: rules.list('ipRules').flatMap((rule) => rule.str('value') ?? []),
    privateEndpointConnections: parsePrivateEndpointConnections(p),
    exportPolicyStatus: policies.obj('exportPolicy').str('status'),
    quarantinePolicyStatus: policies.obj('quarantinePolicy').str('status'),
    trustPolicyStatus: policies.obj('trustPolicy').str('status'),
    softDeletePolicyStatus: policies.obj('softDeletePolicy').str('status'),
    retentionPolicyStatus: policies.obj('retentionPolicy').str('status'),
    encryptionStatus: p.obj('encryption').str('status'),
    zoneRedundancy: p.str('zoneRedundancy'),
  };
}
