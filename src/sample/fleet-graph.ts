/**
 * Azure Resource Graph over the sample store, for fleet scans: the four tables a fleet scan queries
 * (`resources`, `securityresources`, `authorizationresources`, `policyresources`), filtered by type and by the
 * request's subscriptions, with whole rows (properties, identity, sku…) and `$skipToken` paging in the body.
 *
 * Understands `<table> | where type in~ ('a', 'b') …` and `<table> | where type =~ 'a' …`. What real ARG does not
 * hold is left out, so that the fleet scan has to read it from ARM as it would in Azure: diagnostic settings,
 * datastores, workspace connections, outbound rules, blob service properties and key vault keys.
 */
import { isJsonObject, type JsonObject } from './json';
import { decodeSkipToken, encodeSkipToken, type GraphRequest } from './resource-graph';
import type { ResourceStore } from './resource-store';

export const FLEET_GRAPH_TABLES = ['resources', 'securityresources', 'authorizationresources', 'policyresources'] as const;
export type GraphTable = (typeof FLEET_GRAPH_TABLES)[number];

/** Types ARG does not index (ARM-only reads). */
const NOT_IN_GRAPH = new Set([
  'microsoft.insights/diagnosticsettings',
  'microsoft.machinelearningservices/workspaces/datastores',
  'microsoft.machinelearningservices/workspaces/connections',
  'microsoft.machinelearningservices/workspaces/outboundrules',
  'microsoft.storage/storageaccounts/blobservices',
  'microsoft.keyvault/vaults/keys',
  'microsoft.resources/resourcegroups',
]);

export function tableOf(type: string): GraphTable | undefined {
  if (NOT_IN_GRAPH.has(type)) return undefined;
  if (type.startsWith('microsoft.security/')) return 'securityresources';
  if (type === 'microsoft.authorization/roleassignments' || type === 'microsoft.authorization/roledefinitions') return 'authorizationresources';
  if (type === 'microsoft.authorization/policyassignments' || type.startsWith('microsoft.policyinsights/')) return 'policyresources';
  return 'resources';
}

/** The page of rows for a fleet-shaped query, or undefined when the query is not one (the resolver's). */
export function runFleetGraphQuery(store: ResourceStore, request: GraphRequest, pageSize: number): JsonObject | undefined {
  const parsed = parseFleetQuery(request.query);
  if (parsed === undefined) return undefined;
  const subscriptions = new Set(request.subscriptions.map((s) => s.toLowerCase()));
  const rows: JsonObject[] = [];
  for (const [key, body] of store.entries()) {
    const row = toGraphRow(key, body);
    if (row === undefined || tableOf(row.type) !== parsed.table || !parsed.types.has(row.type)) continue;
    if (subscriptions.size > 0 && !subscriptions.has(row.subscriptionId.toLowerCase())) continue;
    rows.push(row.body);
  }
  const offset = decodeSkipToken(request.skipToken);
  const size = Math.max(1, Math.min(request.top ?? pageSize, pageSize));
  const page = rows.slice(offset, offset + size);
  const next = offset + size < rows.length ? encodeSkipToken(offset + size) : undefined;
  return { totalRecords: rows.length, count: page.length, resultTruncated: 'false', facets: [], data: page, ...(next !== undefined ? { $skipToken: next } : {}) };
}

function parseFleetQuery(query: string): { table: GraphTable; types: ReadonlySet<string> } | undefined {
  const head = /^\s*(\w+)\s*\|\s*where\s+type\s+(in~|=~|==)\s*(\([^)]*\)|'[^']*')/i.exec(query);
  if (head === null) return undefined;
  const table = FLEET_GRAPH_TABLES.find((t) => t === (head[1] ?? '').toLowerCase());
  if (table === undefined) return undefined;
  // The resolver's `resources | where type =~ '…' | where name =~ …` stays with the simple graph.
  if (table === 'resources' && head[2] !== 'in~') return undefined;
  const types = new Set([...(head[3] ?? '').matchAll(/'([^']*)'/g)].map((m) => (m[1] ?? '').toLowerCase()));
  return { table, types };
}

interface Row {
  readonly type: string;
  readonly subscriptionId: string;
  readonly body: JsonObject;
}

/** A stored resource as an ARG row: the ARM body plus `type`, `subscriptionId` and `resourceGroup` as ARG spells them. */
function toGraphRow(key: string, body: JsonObject): Row | undefined {
  // Policy states are stored as query results (no id or type): ARG lists them with the record as `properties`.
  const isPolicyState = key.includes('/providers/microsoft.policyinsights/policystates/');
  const id = typeof body.id === 'string' ? body.id : key;
  const type = isPolicyState ? 'microsoft.policyinsights/policystates' : typeof body.type === 'string' ? body.type.toLowerCase() : undefined;
  if (type === undefined) return undefined;
  const parts = id.split('/');
  if (parts[1]?.toLowerCase() !== 'subscriptions' || parts[2] === undefined) return undefined;
  const resourceGroup = parts[3]?.toLowerCase() === 'resourcegroups' ? (parts[4] ?? '').toLowerCase() : '';
  const base: JsonObject = isPolicyState ? { id, name: key.split('/').pop() ?? '', properties: body } : body;
  return {
    type,
    subscriptionId: parts[2],
    body: { ...base, id, type, subscriptionId: parts[2], resourceGroup, tags: isJsonObject(base.tags) ? base.tags : {} },
  };
}

