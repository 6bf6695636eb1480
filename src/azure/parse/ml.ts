/** Workspace children read raw at the pinned api-version: computes, online endpoints, connections, outbound rules, registries. */
import type { Compute, MlRegistry, OnlineEndpoint, OutboundRule, WorkspaceConnection } from '../snapshot';
import { type JsonReader, nonEmpty } from './json-reader';

export function parseCompute(body: JsonReader): Compute {
  const outer = body.obj('properties');
  const inner = outer.obj('properties');
  const scale = inner.obj('scaleSettings');
  const os = inner.obj('osImageMetadata');
  return {
    id: body.need('id', 'A compute'),
    name: body.need('name', 'A compute'),
    computeType: outer.str('computeType') ?? 'Unknown',
    disableLocalAuth: outer.bool('disableLocalAuth'),
    subnetId: nonEmpty(inner.obj('subnet').str('id')),
    enableNodePublicIp: inner.bool('enableNodePublicIp'),
    remoteLoginPortPublicAccess: inner.str('remoteLoginPortPublicAccess'),
    sshPublicAccess: inner.obj('sshSettings').str('sshPublicAccess'),
    idleTimeBeforeShutdown: nonEmpty(inner.str('idleTimeBeforeShutdown')),
    isLatestOsImageVersion: os.bool('isLatestOsImageVersion'),
    osImageVersion: os.str('currentImageVersion'),
    minNodeCount: scale.num('minNodeCount'),
    maxNodeCount: scale.num('maxNodeCount'),
    identityType: body.obj('identity').str('type'),
    // "Personal" | "Shared": who may use the instance (applicationSharingPolicy); older bodies only say "personal".
    authorizationType: inner.str('applicationSharingPolicy') ?? inner.str('computeInstanceAuthorizationType'),
  };
}

export function parseOnlineEndpoint(body: JsonReader): OnlineEndpoint {
  const p = body.obj('properties');
  return {
    id: body.need('id', 'An online endpoint'),
    name: body.need('name', 'An online endpoint'),
    authMode: p.str('authMode'),
    publicNetworkAccess: p.str('publicNetworkAccess'),
    identityType: body.obj('identity').str('type'),
    compute: p.str('compute'),
  };
}

export function parseConnection(body: JsonReader): WorkspaceConnection {
  const p = body.obj('properties');
  return {
    id: body.need('id', 'A connection'),
    name: body.need('name', 'A connection'),
    category: p.str('category'),
    authType: p.str('authType'),
    target: p.str('target'),
    isSharedToAll: p.bool('isSharedToAll'),
  };
}

export function parseOutboundRule(body: JsonReader): OutboundRule {
  const p = body.obj('properties');
  const type = p.str('type') ?? 'Unknown';
  return {
    name: body.need('name', 'An outbound rule'),
    type,
    category: p.str('category'),
    status: p.str('status'),
    destination: describeDestination(p),
  };
}

/** FQDN text; "<tag> <protocol>/<ports>" for a service tag; the target resource id for a private endpoint. */
function describeDestination(p: JsonReader): string {
  const text = p.str('destination');
  if (text !== undefined) return text;
  const d = p.obj('destination');
  const serviceResourceId = d.str('serviceResourceId');
  if (serviceResourceId !== undefined) return serviceResourceId;
  const tag = d.str('serviceTag');
  if (tag !== undefined) {
    const protocol = d.str('protocol');
    const ports = d.str('portRanges');
    return protocol !== undefined || ports !== undefined ? `${tag} ${protocol ?? '*'}/${ports ?? '*'}` : tag;
  }
  return '';
}

export function parseMlRegistry(body: JsonReader): MlRegistry {
  return {
    id: body.need('id', 'An ML registry'),
    name: body.need('name', 'An ML registry'),
    publicNetworkAccess: body.obj('properties').str('publicNetworkAccess'),
  };
}
