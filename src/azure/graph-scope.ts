/**
 * Where an Azure Resource Graph query may look, decided from the allowed scopes before it is sent: the request
 * names only the allowed subscriptions, and a resource-group or resource scope becomes a filter on `id` in the
 * query itself, so that rows outside the scopes are never returned (not merely dropped afterwards).
 */
import { isWithinScope, parseResourceId } from '../shared/resource-id';

export interface GraphScope {
  /** The subscriptions the request names; empty means nothing may be read (send no query at all). */
  readonly subscriptions: readonly string[];
  /** A KQL `| where …` clause on `id` (empty when every scope is a whole subscription). */
  readonly filter: string;
  /** The scopes themselves, for the checks made on rows after the query. */
  readonly scopes: readonly string[];
}

/**
 * The Resource Graph bounds of the allowed scopes; undefined scopes (no list configured) give undefined: the
 * identity's own RBAC is the only bound. An empty list allows nothing, and must not be sent as a query without
 * subscriptions, which would cover every subscription the identity can see.
 */
export function graphScope(scopes: readonly string[] | undefined): GraphScope | undefined {
  if (scopes === undefined) return undefined;
  const parsed = scopes.map((scope) => parseResourceId(scope));
  const subscriptions = [...new Set(parsed.map((p) => p.subscriptionId.toLowerCase()))];
  const wholeSubscriptions = new Set(parsed.filter((p) => p.resourceGroup === undefined).map((p) => p.subscriptionId.toLowerCase()));
  const narrower = parsed.filter((p) => p.resourceGroup !== undefined && !wholeSubscriptions.has(p.subscriptionId.toLowerCase()));
  // Scope ids come from parseResourceId (no quotes, no backslashes), so they are safe inside KQL string literals.
  const conditions = [
    ...[...wholeSubscriptions].map((s) => `subscriptionId =~ '${s}'`),
    ...narrower.map((p) => `tolower(id) == '${p.id.toLowerCase()}' or id startswith '${p.id}/'`),
  ];
  return { subscriptions, filter: narrower.length === 0 ? '' : `| where ${conditions.join(' or ')}`, scopes: parsed.map((p) => p.id) };
}

/** Is the id inside one of the scopes (always, when there is no list)? */
export function isInGraphScope(id: string, scope: GraphScope | undefined): boolean {
  return scope === undefined || scope.scopes.some((s) => isWithinScope(id, s));
}
