/**
 * The reads a snapshot is made of, by name, in the order of the read table (snapshot-reads.ts): each top-level
 * Collected field, plus the sub-fields of `diagnostics` and `roleAssignments` (each is its own ARM read). A scan
 * that runs only some checks reads only the fields those checks need; the others become a `skipped` ReadError.
 */
import type { Collected, WorkspaceSnapshot } from './snapshot';
import type { SnapshotField } from './snapshot-paths';
import { SNAPSHOT_READS, type AnyRead } from './snapshot-reads';

export type { SnapshotField } from './snapshot-paths';

export const SNAPSHOT_FIELDS: readonly SnapshotField[] = Object.freeze(Object.keys(SNAPSHOT_READS) as SnapshotField[]);

const KNOWN = new Set<string>(SNAPSHOT_FIELDS);

export function isSnapshotField(name: string): name is SnapshotField {
  return KNOWN.has(name);
}

/** A read's table entry, its value type erased (the table's mapped type ties it to the field). */
export function readOf(field: SnapshotField): AnyRead {
  return SNAPSHOT_READS[field];
}

/** The outcome of a read the scan did not make because no selected check needs it. */
export function skippedRead(field: SnapshotField, resourceId: string): { readonly ok: false; readonly error: { readonly kind: 'skipped'; readonly message: string; readonly resourceId: string } } {
  return { ok: false, error: { kind: 'skipped', message: `This scan did not read the ${readOf(field).label}: the selected checks do not need it.`, resourceId } };
}

/** `group.key` → ['group', 'key']; a top-level name → [name, undefined]. */
function pathOf(field: SnapshotField): readonly [string, string | undefined] {
  const dot = field.indexOf('.');
  return dot === -1 ? [field, undefined] : [field.slice(0, dot), field.slice(dot + 1)];
}

function isCollected(value: unknown): value is Collected<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/** One read of a snapshot, by name. */
export function fieldOf(snapshot: WorkspaceSnapshot, field: SnapshotField): Collected<unknown> {
  const [top, sub] = pathOf(field);
  const outer: unknown = Reflect.get(snapshot, top);
  const value: unknown = sub === undefined || typeof outer !== 'object' || outer === null ? outer : Reflect.get(outer, sub);
  if (!isCollected(value)) throw new TypeError(`The snapshot has no read ${field}.`);
  return value;
}

/** A snapshot made of one value per read, each from `valueOf`, in table order. */
export function snapshotFromFields(meta: { readonly collectedAt: string; readonly workspaceId: string }, valueOf: (field: SnapshotField) => Collected<unknown>): WorkspaceSnapshot {
  const out: Record<string, unknown> = { collectedAt: meta.collectedAt, workspaceId: meta.workspaceId };
  const groups = new Map<string, Record<string, unknown>>();
  for (const field of SNAPSHOT_FIELDS) {
    const [top, sub] = pathOf(field);
    if (sub === undefined) {
      out[top] = valueOf(field);
      continue;
    }
    let group = groups.get(top);
    if (group === undefined) {
      group = {};
      groups.set(top, group);
      out[top] = group;
    }
    group[sub] = valueOf(field);
  }
  // Sound by construction: SNAPSHOT_FIELDS are exactly the snapshot's reads (the table is a mapped type over
  // them), and each caller gives each read the value of that read (its own, a skipped or a failed one).
  return out as unknown as WorkspaceSnapshot;
}

/** The snapshot with every field outside `keep` (the workspace always kept) replaced by a skipped read. */
export function keepOnlyReads(snapshot: WorkspaceSnapshot, keep: ReadonlySet<SnapshotField>): WorkspaceSnapshot {
  return snapshotFromFields(snapshot, (field) => (field === 'workspace' || keep.has(field) ? fieldOf(snapshot, field) : skippedRead(field, snapshot.workspaceId)));
}

/** The snapshot's groups of reads (`diagnostics`, `roleAssignments`). */
const GROUPS: ReadonlySet<string> = new Set(SNAPSHOT_FIELDS.flatMap((f) => (pathOf(f)[1] === undefined ? [] : [pathOf(f)[0]])));

/**
 * A view of the snapshot that records which reads are touched (a property read of a field, or any
 * enumeration, which counts as touching every field it could reach). Used to derive each check's reads and,
 * at scan time, to prove a reduced scan's checks stayed within what was read.
 */
export function recordReads(snapshot: WorkspaceSnapshot): { readonly view: WorkspaceSnapshot; readonly touched: ReadonlySet<SnapshotField> } {
  const touched = new Set<SnapshotField>();
  const touchAll = (prefix: string): void => {
    for (const f of SNAPSHOT_FIELDS) if (prefix === '' || f.startsWith(prefix)) touched.add(f);
  };
  // Proxies over shallow copies: a frozen snapshot's properties could not be answered with another proxy.
  const nested = <T extends object>(target: T, prefix: string): T =>
    new Proxy({ ...target }, {
      get(t, key, receiver) {
        if (typeof key === 'string') {
          const name = `${prefix}.${key}`;
          if (isSnapshotField(name)) touched.add(name);
        }
        return Reflect.get(t, key, receiver) as unknown;
      },
      ownKeys(t) {
        touchAll(`${prefix}.`);
        return Reflect.ownKeys(t);
      },
      has(t, key) {
        touchAll(`${prefix}.`);
        return Reflect.has(t, key);
      },
    });
  const groups = new Map<string, object>();
  for (const group of GROUPS) {
    const value: unknown = Reflect.get(snapshot, group);
    if (typeof value === 'object' && value !== null) groups.set(group, nested(value, group));
  }
  const view = new Proxy({ ...snapshot }, {
    get(t, key, receiver) {
      const group = typeof key === 'string' ? groups.get(key) : undefined;
      if (group !== undefined) return group;
      if (typeof key === 'string' && isSnapshotField(key)) touched.add(key);
      return Reflect.get(t, key, receiver) as unknown;
    },
    ownKeys(t) {
      touchAll('');
      return Reflect.ownKeys(t);
    },
    has(t, key) {
      touchAll('');
      return Reflect.has(t, key);
    },
  });
  return { view, touched };
}
