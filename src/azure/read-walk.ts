/**
 * Walks the read table (snapshot-reads.ts) for one workspace once the workspace itself is read: resolves each
 * read's target id (a linked target the workspace does not name is `null`, unread), starts the reads it depends
 * on first — each once, even when only a read that waits for it is wanted — and hands each call to a source:
 * ARM for a single scan, Resource Graph or ARM for a fleet scan.
 */
import { parseResourceId } from '../shared/resource-id';
import type { ReadTarget } from './errors';
import type { Collected, ReadError, Workspace } from './snapshot';
import { readOf, SNAPSHOT_FIELDS, type SnapshotField } from './snapshot-fields';
import { isLinkedTarget, isWorkspaceRead, targetIdOf, type EachEndpointRead, type EndpointRef, type ReadContext, type ScopedRead } from './snapshot-reads';

export interface ReadSource {
  /** The read of one target id. */
  one(read: ScopedRead<unknown>, id: string): Promise<Collected<unknown>>;
  /** One endpoint's part of a per-endpoint read. */
  each(read: EachEndpointRead<unknown>, endpoint: EndpointRef): Promise<Collected<unknown>>;
}

/** The ARM call of a scoped read; a linked id (taken from the workspace's properties) is checked before use. */
export function armCall(read: ScopedRead<unknown>, at: ReadContext, id: string): (signal: AbortSignal) => Promise<unknown> {
  return (signal) => {
    if (isLinkedTarget(read.target)) parseResourceId(id);
    return read.arm(at, id, signal);
  };
}

/** A function from field to its read for this workspace, started on first ask and made once. */
export function readWalker(workspace: { readonly ok: true; readonly value: Workspace }, source: ReadSource): (field: SnapshotField) => Promise<Collected<unknown>> {
  const ws = workspace.value;
  const started = new Map<SnapshotField, Promise<Collected<unknown>>>();
  const start = (field: SnapshotField): Promise<Collected<unknown>> => {
    let pending = started.get(field);
    if (pending === undefined) {
      pending = readField(field);
      started.set(field, pending);
    }
    return pending;
  };
  const readField = async (field: SnapshotField): Promise<Collected<unknown>> => {
    const read = readOf(field);
    if (isWorkspaceRead(read)) return workspace;
    if (read.target === 'onlineEndpoint') {
      const list = readOf(read.after[1]);
      return eachEndpoint(read, await start(read.after[1]), list.about(ws.id), list.label, (ep) => source.each(read, ep));
    }
    const id = targetIdOf(read.target, ws);
    if (id === undefined) return { ok: true, value: null };
    return source.one(read, id);
  };
  return start;
}

/**
 * The order to start the wanted reads in, so that the ones heading the longest chains go first: the reads others
 * wait for (the endpoint list), then the lists that usually span several pages, then the rest, each in table
 * order. With a concurrency of 16 the wall time stays close to the critical path.
 */
export function startOrder(wanted: ReadonlySet<SnapshotField>): SnapshotField[] {
  const heads = new Set<SnapshotField>();
  for (const field of SNAPSHOT_FIELDS) if (wanted.has(field)) for (const dep of readOf(field).after) if (dep !== 'workspace') heads.add(dep);
  const rest = SNAPSHOT_FIELDS.filter((f) => f !== 'workspace' && wanted.has(f) && !heads.has(f));
  return [...SNAPSHOT_FIELDS.filter((f) => heads.has(f)), ...rest.filter((f) => readOf(f).pages === 'many'), ...rest.filter((f) => readOf(f).pages !== 'many')];
}

function isEndpointList(value: unknown): value is readonly EndpointRef[] {
  return Array.isArray(value) && value.every((e: unknown) => typeof e === 'object' && e !== null && 'id' in e && typeof e.id === 'string' && 'name' in e && typeof e.name === 'string');
}

/** Runs the read for each endpoint; the first failure (or the endpoint list's own) fails the whole field. */
async function eachEndpoint(
  read: EachEndpointRead<unknown>,
  endpoints: Collected<unknown>,
  list: ReadTarget,
  listLabel: string,
  one: (endpoint: EndpointRef) => Promise<Collected<unknown>>,
): Promise<Collected<unknown>> {
  if (!endpoints.ok) return { ok: false, error: blocked(endpoints.error, list, listLabel) };
  if (!isEndpointList(endpoints.value)) return { ok: false, error: { kind: 'invalid', message: `The ${listLabel} are not a list of endpoints.`, resourceId: list.resourceId } };
  const parts = await Promise.all(endpoints.value.map(one));
  const failed = parts.find((r) => !r.ok);
  if (failed !== undefined && !failed.ok) return failed;
  return { ok: true, value: read.merge(parts.flatMap((r) => (r.ok ? [r.value] : []))) };
}

/** A read that depends on a list fails with the list's reason, about the list. */
function blocked(cause: ReadError, target: ReadTarget, listLabel: string): ReadError {
  return { ...cause, message: `Not read because the ${listLabel} could not be listed: ${cause.message}`, resourceId: target.resourceId };
}
