/**
 * Network exposure of a linked resource (storage, vault, registry): closed when public network access is
 * Disabled or SecuredByPerimeter (a network security perimeter decides the public traffic), or when it is on but
 * the firewall denies by default and allows no overly broad range. An absent `publicNetworkAccess` with no deny
 * rule is open: ARM's default for all three resource types is Enabled with default action Allow. A firewall the
 * resource's SKU ignores (registry network rules below Premium) closes nothing, whatever it says.
 */
import type { Evidence, CheckResult } from '../types';
import type { PrivateEndpointConnection } from '../../azure/snapshot';
import { evidence, fail, pass, sameText } from '../define';
import { isOverlyBroadRange } from './ip-ranges';

export interface LinkedNetworkInput {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly publicNetworkAccess: string | undefined;
  /** The property that holds the firewall: `networkAcls` (storage, key vault) or `networkRuleSet` (registry). */
  readonly firewall: 'networkAcls' | 'networkRuleSet';
  readonly defaultAction: string | undefined;
  readonly ipRules?: readonly string[];
  /** Why the firewall has no effect on this resource (a sentence fragment), when it has none. */
  readonly firewallIgnoredBecause?: string | undefined;
  readonly privateEndpointConnections: readonly PrivateEndpointConnection[];
}

export function approvedPrivateEndpoints(connections: readonly PrivateEndpointConnection[]): number {
  return connections.filter((c) => sameText(c.status, 'Approved')).length;
}

export function linkedNetworkResult(input: LinkedNetworkInput): CheckResult {
  const approved = approvedPrivateEndpoints(input.privateEndpointConnections);
  const ipRules = input.ipRules ?? [];
  const facts: Evidence[] = [
    evidence('publicNetworkAccess', input.publicNetworkAccess, 'Disabled or SecuredByPerimeter'),
    evidence(`${input.firewall}.defaultAction`, input.defaultAction, 'Deny (when public network access is Enabled)'),
    evidence('approved private endpoints', approved, '≥ 1'),
  ];
  if (ipRules.length > 0) facts.push(evidence(`${input.firewall}.ipRules`, ipRules.join(', '), 'only known egress addresses'));
  const peNote = approved > 0 ? ` It has ${approved} approved private endpoint(s).` : ' It has no approved private endpoint.';
  const publicAccess = input.publicNetworkAccess ?? 'not set (defaults to Enabled)';
  if (sameText(input.publicNetworkAccess, 'Disabled')) {
    return pass(input.id, `The ${input.kind} ${input.name} has public network access Disabled.${peNote}`, facts);
  }
  if (sameText(input.publicNetworkAccess, 'SecuredByPerimeter')) {
    return pass(input.id, `The ${input.kind} ${input.name} is not open to public networks: publicNetworkAccess is SecuredByPerimeter, so its network security perimeter's access rules govern public traffic.${peNote}`, facts);
  }
  if (sameText(input.defaultAction, 'Deny')) {
    if (input.firewallIgnoredBecause !== undefined) {
      return fail(input.id, `The ${input.kind} ${input.name} is reachable from any network: publicNetworkAccess is ${publicAccess} and its ${input.firewall}.defaultAction Deny has no effect (${input.firewallIgnoredBecause}).${peNote}`, facts);
    }
    const broad = ipRules.filter(isOverlyBroadRange);
    if (broad.length > 0) {
      return fail(input.id, `The ${input.kind} ${input.name} denies by default, but its IP rules contain overly broad ranges (${broad.join(', ')}) that open it to most of the internet.${peNote}`, facts);
    }
    return pass(input.id, `The ${input.kind} ${input.name} allows public network access (${input.publicNetworkAccess ?? 'not set'}) only through its firewall (default action Deny).${peNote}`, facts);
  }
  return fail(
    input.id,
    `The ${input.kind} ${input.name} is reachable from any network: publicNetworkAccess is ${publicAccess} and the firewall default action is ${input.defaultAction ?? 'not set (defaults to Allow)'}.${peNote}`,
    facts,
  );
}
