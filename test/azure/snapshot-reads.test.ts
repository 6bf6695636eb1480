/**
 * The read table is the one list of snapshot reads: the compiler refuses a snapshot field without an entry, and
 * every entry is reached by single-workspace collection, by fleet collection (from Resource Graph or ARM, as the
 * entry says) and by the test builders.
 */
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { collectFleetSnapshots, NOT_READ_CODE } from '../../src/azure/fleet-collect';
import type { Collected, WorkspaceSnapshot } from '../../src/azure/snapshot';
import { fieldOf, readOf, SNAPSHOT_FIELDS, type SnapshotField } from '../../src/azure/snapshot-fields';
import { isWorkspaceRead, SNAPSHOT_READS, type ReadTableOf } from '../../src/azure/snapshot-reads';
import { SAMPLE_WORKSPACE_IDS } from '../../src/sample';
import { fleetWorkspaces } from '../../src/sample/fleet';
import { startSampleFleet } from '../../src/scan/fleet-sample';
import { allReadsFailedSnapshot, hardenedSnapshot } from '../support/snapshot-builder';
import { startTestArm, type TestArm } from '../support/fake-arm';

// ---- Compile-time: `npx tsc -p tsconfig.json` fails when any of these expected errors stops being an error. ----

/** A snapshot grown by one top-level read, and one grown inside a group. */
type GrownSnapshot = WorkspaceSnapshot & { readonly quotas: Collected<readonly string[]> };
type GrownGroup = Omit<WorkspaceSnapshot, 'diagnostics'> & {
  readonly diagnostics: WorkspaceSnapshot['diagnostics'] & { readonly containerRegistry: Collected<readonly string[]> };
};

// @ts-expect-error a snapshot field without a table entry does not compile
export const grownTable: ReadTableOf<GrownSnapshot> = SNAPSHOT_READS;
// @ts-expect-error nor does a new read inside a group (diagnostics.containerRegistry)
export const grownGroupTable: ReadTableOf<GrownGroup> = SNAPSHOT_READS;
// @ts-expect-error a read that is never null (computes) cannot have a target the workspace may not link
export const linkedComputes: ReadTableOf<WorkspaceSnapshot> = { ...SNAPSHOT_READS, computes: { ...SNAPSHOT_READS.computes, target: 'keyVault' } };
// @ts-expect-error a linked read (the key vault) cannot claim a target every workspace has
export const ownKeyVault: ReadTableOf<WorkspaceSnapshot> = { ...SNAPSHOT_READS, keyVault: { ...SNAPSHOT_READS.keyVault, target: 'workspace' } };

const kindOf = (c: Collected<unknown>): string => (c.ok ? 'ok' : c.error.kind);
const kinds = (snapshot: WorkspaceSnapshot): Record<string, string> => Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, kindOf(fieldOf(snapshot, f))]));
const everyField = (kind: string): Record<string, string> => Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, kind]));

describe('the read table', () => {
  test('names every read of the snapshot once, with a distinct progress label', () => {
    expect(SNAPSHOT_FIELDS).toHaveLength(29);
    expect(new Set(SNAPSHOT_FIELDS.map((f) => readOf(f).label)).size).toBe(SNAPSHOT_FIELDS.length);
  });

  test('the workspace comes first and has no dependency; every other read waits for it and for reads declared before it', () => {
    expect(SNAPSHOT_FIELDS[0]).toBe('workspace');
    expect(isWorkspaceRead(readOf('workspace'))).toBe(true);
    SNAPSHOT_FIELDS.slice(1).forEach((field) => {
      const after: readonly SnapshotField[] = readOf(field).after;
      expect({ field, first: after[0] }).toEqual({ field, first: 'workspace' });
      for (const dep of after) expect(SNAPSHOT_FIELDS.indexOf(dep)).toBeLessThan(SNAPSHOT_FIELDS.indexOf(field));
    });
  });
});

describe('every table entry is reached', () => {
  let t: TestArm;
  beforeAll(async () => {
    t = await startTestArm();
  });
  afterAll(() => t.close());

  test('by single-workspace collection: a full scan reads every field, and so does a scan that wants only that field', async () => {
    const id = SAMPLE_WORKSPACE_IDS.hardened;
    const full = await collectWorkspaceSnapshot(t.clients, id, { timeoutMs: 30_000, concurrency: 16 });
    expect(kinds(full)).toEqual(everyField('ok'));
    for (const field of SNAPSHOT_FIELDS) {
      const alone = await collectWorkspaceSnapshot(t.clients, id, { timeoutMs: 30_000, concurrency: 16, only: new Set([field]) });
      expect({ field, read: fieldOf(alone, field) }).toEqual({ field, read: fieldOf(full, field) });
    }
  });

  test('by fleet collection: full depth reads every field; graph depth leaves out exactly the ARM-only reads', async () => {
    // three workspaces: the third is hardened (it links a CMK key), the others as the lab deploys them
    const spec = { subscriptions: 1, workspacesPerSubscription: 3 };
    const fleet = await startSampleFleet(spec);
    try {
      const ids = fleetWorkspaces(spec).map((w) => w.id);
      const full = await collectFleetSnapshots(fleet.clients, { depth: 'full', concurrency: 16, timeoutMs: 30_000 });
      const graph = await collectFleetSnapshots(fleet.clients, { depth: 'graph', concurrency: 16, timeoutMs: 30_000 });
      expect(full.snapshots.map((s) => s.workspaceId).sort()).toEqual([...ids].sort());
      const armOnly = SNAPSHOT_FIELDS.filter((f) => {
        const read = readOf(f);
        return !isWorkspaceRead(read) && read.graph === undefined && !('everyFleetDepth' in read && read.everyFleetDepth === true);
      });
      expect(armOnly.length).toBeGreaterThan(0);
      for (const snapshot of full.snapshots) expect(kinds(snapshot)).toEqual(everyField('ok'));
      const leftOut = new Set<SnapshotField>();
      for (const snapshot of graph.snapshots) {
        const alone = full.snapshots.find((s) => s.workspaceId === snapshot.workspaceId);
        if (alone === undefined) throw new Error(`${snapshot.workspaceId} is missing from the full-depth scan`);
        // a resource the workspace does not link is `null` in every depth: nothing to leave out
        const linked = (f: SnapshotField): boolean => {
          const c = fieldOf(alone, f);
          return !c.ok || c.value !== null;
        };
        const notRead = SNAPSHOT_FIELDS.filter((f) => {
          const c = fieldOf(snapshot, f);
          return !c.ok && c.error.code === NOT_READ_CODE;
        });
        expect(notRead).toEqual(armOnly.filter(linked));
        const read = SNAPSHOT_FIELDS.filter((f) => !notRead.includes(f));
        expect(read.map((f) => [f, kindOf(fieldOf(snapshot, f))])).toEqual(read.map((f) => [f, 'ok']));
        for (const f of notRead) leftOut.add(f);
      }
      expect([...leftOut].sort()).toEqual([...armOnly].sort());
    } finally {
      await fleet.close();
    }
  });

  test('by the builders: the hardened fixture has every read, the failed one fails each with the action the table names', () => {
    expect(kinds(hardenedSnapshot())).toEqual(everyField('ok'));
    const failed = allReadsFailedSnapshot();
    for (const field of SNAPSHOT_FIELDS) {
      const c = fieldOf(failed, field);
      expect({ field, action: c.ok ? undefined : c.error.requiredAction }).toEqual({ field, action: readOf(field).about(c.ok ? '' : c.error.resourceId).requiredAction });
    }
  });
});
