/**
 * A small Azure Resource Graph for the sample server: answers the `resources | where type =~ … | where name =~ …`
 * queries the resolver sends, over the resources in the store, with `$skipToken` paging in the body.
 */
import { isJsonObject, type Json, type JsonObject } from './json';
import type { ResourceStore } from './resource-store';

export interface GraphRequest {
  readonly query: string;
  readonly subscriptions: readonly string[];
  readonly skipToken: string | undefined;
  readonly top: number | undefined;
}

export function parseGraphRequest(body: Json | undefined): GraphRequest | undefined {
  if (!isJsonObject(body) || typeof body.query !== 'string') return undefined;
  const subscriptions = Array.isArray(body.subscriptions) ? body.subscriptions.filter((s): s is string => typeof s === 'string') : [];
  const options = isJsonObject(body.options) ? body.options : {};
  const skipToken = typeof options.$skipToken === 'string' ? options.$skipToken : undefined;
  const top = typeof options.$top === 'number' ? options.$top : undefined;
  return { query: body.query, subscriptions, skipToken, top };
}

/** Runs the query and returns one page of the ARG response body. */
export function runGraphQuery(store: ResourceStore, request: GraphRequest, pageSize: number): JsonObject {
  const type = filterValue(request.query, 'type');
  const name = filterValue(request.query, 'name');
  const id = filterValue(request.query, 'id');
  const subscriptions = new Set(request.subscriptions.map((s) => s.toLowerCase()));
  const rows: GraphRow[] = [];
  for (const [, body] of store.entries()) {
    const row = toRow(body);
    if (row === undefined) continue;
    if (type !== undefined && row.type !== type.toLowerCase()) continue;
    if (name !== undefined && row.name.toLowerCase() !== name.toLowerCase()) continue;
    if (id !== undefined && row.id.toLowerCase() !== id.toLowerCase()) continue;
    if (subscriptions.size > 0 && !subscriptions.has(row.subscriptionId.toLowerCase())) continue;
    rows.push(row);
  }
  const offset = decodeSkipToken(request.skipToken);
  const size = Math.max(1, Math.min(request.top ?? pageSize, pageSize));
  const page = rows.slice(offset, offset + size);
  const next = offset + size < rows.length ? encodeSkipToken(offset + size) : undefined;
  return {
    totalRecords: rows.length,
    count: page.length,
    resultTruncated: 'false',
    facets: [],
    data: page.map((row) => ({ ...row })),
    ...(next !== undefined ? { $skipToken: next } : {}),
  };
}

/** `where <field> =~ 'value'` (or `==`) → value. Enough for the resolver's queries. */
function filterValue(query: string, field: string): string | undefined {
  const match = new RegExp(`(?:^|[^A-Za-z.])${field}\\s*(?:=~|==)\\s*'([^']*)'`, 'i').exec(query);
  return match?.[1];
}

interface GraphRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly location: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
  readonly tags: JsonObject;
}

/** A tracked resource as ARG projects it (type and resource group lower-cased, as ARG does). */
function toRow(body: JsonObject): GraphRow | undefined {
  if (typeof body.id !== 'string' || typeof body.type !== 'string' || typeof body.name !== 'string') return undefined;
  const parts = body.id.split('/');
  if (parts[1]?.toLowerCase() !== 'subscriptions' || parts[3]?.toLowerCase() !== 'resourcegroups') return undefined;
  return {
    id: body.id,
    name: body.name,
    type: body.type.toLowerCase(),
    location: typeof body.location === 'string' ? body.location : '',
    resourceGroup: (parts[4] ?? '').toLowerCase(),
    subscriptionId: parts[2] ?? '',
    tags: isJsonObject(body.tags) ? body.tags : {},
  };
}

/** Opaque page tokens, as Resource Graph's `$skipToken` is to clients. */
export function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

export function decodeSkipToken(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    const offset = isJsonObject(parsed) ? parsed.offset : undefined;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : 0;
  } catch {
    return 0;
  }
}
