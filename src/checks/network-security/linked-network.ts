/**
 * Network exposure of a linked resource (storage, vault, registry): closed when public network access is
 * Disabled or SecuredByPerimeter (a network security perimeter decides the public traffic), or when it is on but
 * the firewall denies by default. An absent `publicNetworkAccess` with no deny rule is open: ARM's default for all
 * three resource types is Enabled with default action Allow.
 */
import type { Evidence, CheckResult } from '../types';
import type { PrivateEndpointConnection } from '../../azure/snapshot';
import { evidence, fail, pass, sameText } from '../define';

export interface LinkedNetworkInput {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly publicNetworkAccess: string | undefined;
  readonly defaultAction: string | undefined;
  readonly ipRules?: readonly string[];
  readonly privateEndpointConnections: readonly PrivateEndpointConnection[];
}

export function approvedPrivateEndpoints(connections: readonly PrivateEndpointConnection[]): number {
  return connections.filter((c) => sameText(c.status, 'Approved')).length;
}

export function linkedNetworkResult(input: LinkedNetworkInput): CheckResult {
  const approved = approvedPrivateEndpoints(input.privateEndpointConnections);
  const facts: Evidence[] = [
    evidence('publicNetworkAccess', input.publicNetworkAccess, 'Disabled or SecuredByPerimeter'),
    evidence('networkAcls.defaultAction', input.defaultAction, 'Deny (when public network access is Enabled)'),
    evidence('approved private endpoints', approved, '≥ 1'),
  ];
  if (input.ipRules !== undefined && input.ipRules.length > 0) facts.push(evidence('ipRules', input.ipRules.join(', '), 'only known egress addresses'));
  const peNote = approved > 0 ? ` It has ${approved} approved private endpoint(s).` : ' It has no approved private endpoint.';
  if (sameText(input.publicNetworkAccess, 'Disabled')) {
    return pass(input.id, `The ${input.kind} ${input.name} has public network access Disabled.${peNote}`, facts);
  }
  if (sameText(input.publicNetworkAccess, 'SecuredByPerimeter')) {
    return pass(input.id, `The ${input.kind} ${input.name} is not open to public networks: publicNetworkAccess is SecuredByPerimeter, so its network security perimeter's access rules govern public traffic.${peNote}`, facts);
  }
  if (sameText(input.defaultAction, 'Deny')) {
    return pass(input.id, `The ${input.kind} ${input.name} allows public network access (${input.publicNetworkAccess ?? 'not set'}) only through its firewall (default action Deny).${peNote}`, facts);
  }
  return fail(
    input.id,
    `The ${input.kind} ${input.name} is reachable from any network: publicNetworkAccess is ${input.publicNetworkAccess ?? 'not set (defaults to Enabled)'} and the firewall default action is ${input.defaultAction ?? 'not set (defaults to Allow)'}.${peNote}`,
    facts,
  );
}
