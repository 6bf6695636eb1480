/**
 * Snapshots for a whole fleet of workspaces, built from Azure Resource Graph rows plus the few ARM reads that ARG
 * cannot answer, by walking the read table (snapshot-reads.ts). Where each read comes from is its entry's `graph`:
 * a parser over the ARG rows (`resources`, `securityresources`, `authorizationresources`, `policyresources`), or
 * none — then ARM per workspace with `depth: 'full'`, and not read with `depth: 'graph'` (except the reads marked
 * `everyFleetDepth`, such as the activity log export, once per subscription).
 *
 * A linked resource ARG does not list (not visible to ARG yet, or gone) is read from ARM, as a single scan would.
 * Every ARM read and ARG page goes through one global limiter; throttled requests are retried by the SDK after
 * their Retry-After. Each resource is read at most once per fleet scan.
 */
import type { ArmClients } from './clients';
import { toReadError, type ReadTarget } from './errors';
import { queryGraphTable, type GraphTable } from './fleet-graph';
import { FleetGraph, graphError } from './fleet-rows';
import { isInGraphScope, type GraphScope } from './graph-scope';
import { createLimiter } from './limiter';
import { createReadRunner } from './read-runner';
import { armCall, readWalker } from './read-walk';
import { collectionSignal } from './scan-signal';
import type { JsonReader } from './parse/json-reader';
import type { Collected, ReadError, Workspace, WorkspaceSnapshot } from './snapshot';
import { SNAPSHOT_FIELDS, snapshotFromFields, type SnapshotField } from './snapshot-fields';
import { readContext, SNAPSHOT_READS, type ScopedRead } from './snapshot-reads';

export { isRoleDefinitionVisibleAt } from './fleet-rows';

export type FleetDepth = 'graph' | 'full';

export interface FleetCollectOptions {
  /** Where to look (decided before any read, see scan/fleet-scan.ts); every subscription the identity can see when undefined. */
  readonly scope?: GraphScope;
  /** ARM and ARG requests in flight at once, across the whole fleet. */
  readonly concurrency: number;
  /** Deadline of the whole fleet collection. */
  readonly timeoutMs: number;
  /** `full` reads what ARG lacks from ARM per workspace; `graph` does not (those checks are left out). */
  readonly depth: FleetDepth;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

export interface FleetCollection {
  readonly snapshots: readonly WorkspaceSnapshot[];
  /** ARG pages fetched, and ARM reads made (pages of a list count once each). */
  readonly graphPages: number;
  readonly armReads: number;
}

/** Message prefix of the fields a graph-only fleet scan does not read; findings that carry it are left out. */
export const NOT_READ_IN_GRAPH_SCAN = 'Not read in a graph-only fleet scan';
export const NOT_READ_CODE = 'NotInResourceGraph';

const TABLES: readonly GraphTable[] = ['resources', 'securityresources', 'authorizationresources', 'policyresources'];
const WORKSPACE_TYPE = 'microsoft.machinelearningservices/workspaces';

/** Thrown when the fleet cannot be listed at all (ARG `resources` failed). */
export class FleetCollectError extends Error {
  override readonly name = 'FleetCollectError';
  constructor(readonly readError: ReadError) {
    super(readError.message);
  }
}

export async function collectFleetSnapshots(clients: ArmClients, options: FleetCollectOptions): Promise<FleetCollection> {
  const collectedAt = (options.now?.() ?? new Date()).toISOString();
  const { signal, deadline } = collectionSignal(options);
  const limit = createLimiter(options.concurrency);
  let armReads = 0;
  const run = createReadRunner({ limit, signal, deadline, timeoutMs: options.timeoutMs, onStart: () => (armReads += 1) });

  /** A value cut from rows already in hand: a malformed row, or a failed table, fails the read as about `target`. */
  const parsed = <T, Absent extends undefined = never>(target: ReadTarget, fn: () => Collected<T> | Absent): Collected<T> | Absent => {
    try {
      const result = fn();
      return result === undefined || result.ok ? result : { ok: false, error: retarget(result.error, target) };
    } catch (error) {
      return { ok: false, error: toReadError(error, target, { deadlineExpired: false, timeoutMs: options.timeoutMs }) };
    }
  };

  const tables = await Promise.all(
    TABLES.map(async (table) => {
      const target: ReadTarget = { label: `Azure Resource Graph (${table})`, resourceId: '/providers/Microsoft.ResourceGraph/resources', requiredAction: 'Microsoft.ResourceGraph/resources/read' };
      return [table, await run(target, (s) => queryGraphTable(clients, table, options.scope, limit, s))] as const;
    }),
  );
  // queryGraphTable takes the limiter per page: the `run` above only counts as one read.
  armReads -= TABLES.length;
  const results = new Map(tables);
  const resources = results.get('resources');
  if (resources === undefined || !resources.ok) throw new FleetCollectError(resources?.ok === false ? resources.error : graphError('resources'));
  const graphPages = [...results.values()].reduce((n, t) => n + (t.ok ? t.value.pages : 0), 0);
  const rows = new Map<GraphTable, Collected<readonly JsonReader[]>>(tables.map(([table, t]) => [table, t.ok ? { ok: true, value: t.value.rows } : t]));
  const graph = new FleetGraph(resources.value.rows, rows);

  /** ARM reads shared by the workspaces that name the same target (the subscription's activity log export). */
  const armOnce = new Map<ScopedRead<unknown>, Map<string, Promise<Collected<unknown>>>>();
  const once = (read: ScopedRead<unknown>, id: string, start: () => Promise<Collected<unknown>>): Promise<Collected<unknown>> => {
    const byId = armOnce.get(read) ?? new Map<string, Promise<Collected<unknown>>>();
    armOnce.set(read, byId);
    const key = id.toLowerCase();
    let pending = byId.get(key);
    if (pending === undefined) {
      pending = start();
      byId.set(key, pending);
    }
    return pending;
  };

  const snapshotOf = async (row: JsonReader): Promise<WorkspaceSnapshot> => {
    const root = SNAPSHOT_READS.workspace;
    const rowId = row.str('id') ?? '';
    const workspace = parsed<Workspace>(root.about(rowId), () => ({ ok: true, value: root.graph(row) }));
    if (!workspace.ok) throw new FleetCollectError(workspace.error);
    const ws = workspace.value;
    const at = readContext(clients, ws);
    const readField = readWalker(workspace, {
      one: (read, id) => {
        const target = read.about(id);
        // A workspace-level scope keeps the rest of its resource group out of the query: what ARG was not asked
        // about (its registries, say) comes from ARM, as in a single scan.
        const source = isInGraphScope(id, options.scope) ? read.graph : undefined;
        const fromGraph = source === undefined ? undefined : parsed(target, () => source(graph, id, ws));
        if (fromGraph !== undefined) return Promise.resolve(fromGraph);
        const fromArm = (): Promise<Collected<unknown>> => run(target, armCall(read, at, id));
        if (options.depth === 'full' || readInGraphScan(read)) return once(read, id, fromArm);
        return Promise.resolve(notRead(target));
      },
      each: (read, endpoint) => {
        const source = read.graph;
        if (source !== undefined) return Promise.resolve(parsed<unknown>(read.about(ws.id), () => ({ ok: true, value: source(graph, endpoint) })));
        const target = read.aboutOne(endpoint);
        return options.depth === 'full' || readInGraphScan(read) ? run(target, (s) => read.arm(at, endpoint, s)) : Promise.resolve(notRead(target));
      },
    });
    const values = new Map(await Promise.all(SNAPSHOT_FIELDS.map(async (field) => [field, await readField(field)] as const)));
    return snapshotFromFields({ collectedAt, workspaceId: ws.id }, (field) => values.get(field) ?? notRead(SNAPSHOT_READS[field].about(ws.id)));
  };

  // The query is already bounded by the scope; no per-workspace read may follow a row that slipped outside it.
  const workspaceRows = graph.ofType(WORKSPACE_TYPE).filter((row) => isInGraphScope(row.str('id') ?? '', options.scope));
  const snapshots = await Promise.all(workspaceRows.map(snapshotOf));
  return { snapshots, graphPages, armReads };
}

/** Whether a graph-only fleet scan makes this read: from Resource Graph, or from ARM once per target. */
function readInGraphScan(read: { readonly graph: unknown; readonly everyFleetDepth?: true }): boolean {
  return read.graph !== undefined || read.everyFleetDepth === true;
}

/** The snapshot fields a graph-only fleet scan leaves unread (the README counts the checks they feed). */
export const FIELDS_NOT_READ_IN_GRAPH_SCAN: readonly SnapshotField[] = SNAPSHOT_FIELDS.filter((field) => !readInGraphScan(SNAPSHOT_READS[field]));

/** A read a graph-only fleet scan does not make: its checks are left out of the report, not reported as errors. */
function notRead<T>(target: ReadTarget): Collected<T> {
  return {
    ok: false,
    error: {
      kind: 'invalid',
      code: NOT_READ_CODE,
      message: `${NOT_READ_IN_GRAPH_SCAN}: Azure Resource Graph does not hold ${target.label}. Scan the workspace alone, or the fleet with --depth full, to assess it.`,
      requiredAction: target.requiredAction,
      resourceId: target.resourceId,
    },
  };
}

function retarget(error: ReadError, target: ReadTarget): ReadError {
  return { ...error, resourceId: target.resourceId, requiredAction: target.requiredAction };
}
