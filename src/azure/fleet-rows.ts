/**
 * A fleet scan's Resource Graph rows, indexed for lookups without scanning, and the small parsers the read table
 * (snapshot-reads.ts) declares per read: the children of a resource, a linked resource's own row, the rows of one
 * type that apply at a scope. A table that failed fails the reads cut from it; a malformed row fails its read.
 */
import type { GraphTable } from './fleet-graph';
import type { JsonReader } from './parse/json-reader';
import type { Collected, ReadError, RoleAssignment, Workspace } from './snapshot';
import { roleAssignmentFromRow } from './fleet-parse';

/** Where a fleet scan's Resource Graph parser reads from. */
export class FleetGraph {
  private readonly ids = new Map<string, JsonReader>();
  private readonly types = new Map<string, JsonReader[]>();
  private assignments: Collected<readonly RoleAssignment[]> | undefined;

  /** `resources` rows, and the other tables as they came back (a table may have failed). */
  constructor(
    resources: readonly JsonReader[],
    private readonly tables: ReadonlyMap<GraphTable, Collected<readonly JsonReader[]>>,
  ) {
    for (const row of resources) {
      const id = row.str('id');
      const type = row.str('type')?.toLowerCase();
      if (id === undefined || type === undefined) continue;
      this.ids.set(id.toLowerCase(), row);
      const list = this.types.get(type) ?? [];
      list.push(row);
      this.types.set(type, list);
    }
  }

  byId(id: string): JsonReader | undefined {
    return this.ids.get(id.toLowerCase());
  }

  ofType(type: string): JsonReader[] {
    return this.types.get(type) ?? [];
  }

  ofTypeBelow(type: string, scope: string): JsonReader[] {
    return this.ofType(type).filter((r) => isAtOrBelow(r.str('id') ?? '', scope));
  }

  /** Direct children `{parent}/{collection}/{name}`. */
  childrenOf(parentId: string, collection: string): JsonReader[] {
    const prefix = `${parentId.toLowerCase()}/${collection}/`;
    const out: JsonReader[] = [];
    for (const [id, row] of this.ids) if (id.startsWith(prefix) && !id.slice(prefix.length).includes('/')) out.push(row);
    return out;
  }

  rows(table: GraphTable): Collected<readonly JsonReader[]> {
    return this.tables.get(table) ?? { ok: false, error: graphError(table) };
  }

  /** Every role assignment of the fleet, parsed once: each read cuts the ones that apply at its scope. */
  roleAssignments(): Collected<readonly RoleAssignment[]> {
    this.assignments ??= mapRows(this.rows('authorizationresources'), 'microsoft.authorization/roleassignments', roleAssignmentFromRow);
    return this.assignments;
  }
}

/**
 * A read's parser over the graph, given the target's id and the workspace: the value, a failure, or `undefined`
 * when ARG does not hold it (read from ARM).
 */
export type GraphSource<V> = (graph: FleetGraph, id: string, ws: Workspace) => Collected<V> | undefined;

const ok = <T>(value: T): Collected<T> => ({ ok: true, value });

/** The direct children of the target in one collection (lower-case, as ARG spells it). */
export const children =
  <T>(collection: string, parse: (row: JsonReader) => T): GraphSource<T[]> =>
  (graph, parentId) =>
    ok(graph.childrenOf(parentId, collection).map(parse));

/** A linked resource from its own row; `undefined` (read from ARM) when ARG does not list it. */
export const linkedRow =
  <T>(parse: (row: JsonReader) => T): GraphSource<T> =>
  (graph, id) => {
    const row = graph.byId(id);
    return row === undefined ? undefined : ok(parse(row));
  };

/** Resources of one type at or below the target scope. */
export const resourcesBelow =
  <T>(type: string, parse: (row: JsonReader) => T): GraphSource<T[]> =>
  (graph, scope) =>
    ok(graph.ofTypeBelow(type, scope).map(parse));

/** Rows of one type in a table that `keep` says belong to the target scope. */
export const rowsAt =
  <T>(table: GraphTable, type: string, parse: (row: JsonReader) => T, keep: (lowerId: string, scope: string, ws: Workspace) => boolean): GraphSource<T[]> =>
  (graph, scope, ws) =>
    mapRows(graph.rows(table), type, parse, (id) => keep(id, scope, ws));

/** Role assignments that apply at the target (made at or above it), as `atScope()` answers. */
export const roleAssignmentsAt: GraphSource<readonly RoleAssignment[]> = (graph, scope) => {
  const all = graph.roleAssignments();
  return all.ok ? ok(all.value.filter((a) => appliesAt(a.scope || scopeOfAssignment(a.id), scope))) : all;
};

/** `keep` predicates over a lower-case row id and the target scope. */
export const directlyBelow =
  (collection: string) =>
  (id: string, scope: string): boolean =>
    isDirectlyBelow(id, `${scope}/${collection}`);
export const atOrBelow = (id: string, scope: string): boolean => isAtOrBelow(id, scope);
/**
 * Resource Graph lists custom roles under their subscription and built-in roles once per tenant, with tenant-level
 * ids (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`); both are visible at the subscription.
 */
export const isRoleDefinitionVisibleAt = (id: string, subscriptionScope: string): boolean =>
  isDirectlyBelow(id, `${subscriptionScope}/providers/microsoft.authorization/roledefinitions`) || isDirectlyBelow(id, '/providers/microsoft.authorization/roledefinitions');
/** Rows at or below any of the scopes the workspace gives. */
export const withinAny =
  (scopesOf: (ws: Workspace) => readonly string[]) =>
  (id: string, _scope: string, ws: Workspace): boolean =>
    scopesOf(ws).some((scope) => isAtOrBelow(id, scope));
export const strictlyBelow = (id: string, scope: string): boolean => isAtOrBelow(id, scope) && id.length > scope.length;
export const policyAppliesAt = (id: string, scope: string): boolean => appliesAt(policyAssignmentScope(id), scope);

export function graphError(table: string): ReadError {
  return { kind: 'invalid', message: `Azure Resource Graph returned nothing for ${table}.`, resourceId: '/providers/Microsoft.ResourceGraph/resources' };
}

/** Rows of one type (optionally filtered by id), parsed; a failed table or a malformed row fails the field. */
function mapRows<T>(rows: Collected<readonly JsonReader[]>, type: string, parse: (row: JsonReader) => T, keep: (lowerId: string) => boolean = () => true): Collected<T[]> {
  if (!rows.ok) return rows;
  try {
    return { ok: true, value: rows.value.filter((r) => r.str('type')?.toLowerCase() === type && keep((r.str('id') ?? '').toLowerCase())).map(parse) };
  } catch (error) {
    return { ok: false, error: { kind: 'invalid', message: `A Resource Graph row of ${type} could not be understood: ${error instanceof Error ? error.message : 'unknown error'}`, resourceId: type } };
  }
}

/** Is `id` equal to or below `scope` (case-insensitive)? */
function isAtOrBelow(id: string, scope: string): boolean {
  const a = id.toLowerCase();
  const b = scope.toLowerCase().replace(/\/+$/, '');
  return a === b || a.startsWith(`${b}/`);
}

function isDirectlyBelow(id: string, collection: string): boolean {
  const a = id.toLowerCase();
  const b = collection.toLowerCase();
  return a.startsWith(`${b}/`) && !a.slice(b.length + 1).includes('/');
}

/** An assignment made at `assignedScope` applies at `target` when the target is at or below it (atScope()). */
function appliesAt(assignedScope: string, target: string): boolean {
  if (assignedScope === '' || assignedScope === '/') return true;
  return isAtOrBelow(target, assignedScope);
}

function scopeOfAssignment(id: string): string {
  const at = id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/roleassignments/');
  return at === -1 ? '' : id.slice(0, at);
}

function policyAssignmentScope(id: string): string {
  const at = id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/policyassignments/');
  return at === -1 ? '' : id.slice(0, at);
}
