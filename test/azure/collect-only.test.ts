/**
 * collectWorkspaceSnapshot with `only`: just those reads are requested (the workspace always, linked reads
 * only when the workspace names the resource), the others are `skipped`, and progress counts the reads made.
 */
import { collectWorkspaceSnapshot, fieldsToRead, type CollectOptions, type CollectProgress } from '../../src/azure/collect';
import { API_VERSIONS } from '../../src/azure/reads';
import { SNAPSHOT_FIELDS, type SnapshotField } from '../../src/azure/snapshot-fields';
import type { Collected, WorkspaceSnapshot } from '../../src/azure/snapshot';
import { HARDENED_NAMES, SAMPLE_WORKSPACE_IDS, sampleIds } from '../../src/sample';
import { settledRequests } from '../../bench/support';
import { startTestArm, type TestArm } from '../support/fake-arm';

const hardened = sampleIds(HARDENED_NAMES);

function fieldOf(snapshot: WorkspaceSnapshot, field: SnapshotField): Collected<unknown> {
  const [top = '', sub] = field.split('.');
  const value = (snapshot as unknown as Record<string, unknown>)[top];
  return (sub === undefined ? value : (value as Record<string, unknown>)[sub]) as Collected<unknown>;
}

const kindsOutside = (snapshot: WorkspaceSnapshot, kept: readonly SnapshotField[]): Set<string> =>
  new Set(SNAPSHOT_FIELDS.filter((f) => !kept.includes(f)).map((f) => {
    const c = fieldOf(snapshot, f);
    return c.ok ? 'ok' : c.error.kind;
  }));

describe('collecting only some reads', () => {
  let t: TestArm;
  beforeEach(async () => {
    t = await startTestArm();
  });
  afterEach(() => t.close());

  /** `paths`: each resource read, once (the workspace is read at two api-versions). */
  async function collect(id: string, only: SnapshotField[]): Promise<{ snapshot: WorkspaceSnapshot; paths: string[]; requests: string[]; progress: CollectProgress[] }> {
    const progress: CollectProgress[] = [];
    const options: CollectOptions = { timeoutMs: 30_000, concurrency: 8, only: new Set(only), onProgress: (p) => progress.push(p) };
    const snapshot = await collectWorkspaceSnapshot(t.clients, id, options);
    const settled = await settledRequests(t.arm);
    const paths = [...new Set(settled.map((r) => r.path.toLowerCase()))];
    return { snapshot, paths, requests: settled.map((r) => `${r.path.toLowerCase()}?api-version=${r.apiVersion ?? ''}`).sort(), progress };
  }

  test('nothing but the workspace: its stable and preview reads, every other read skipped with its own words', async () => {
    const { snapshot, paths, requests, progress } = await collect(SAMPLE_WORKSPACE_IDS.hardened, []);
    expect(paths).toEqual([hardened.workspace.toLowerCase()]);
    expect(requests).toEqual([`${hardened.workspace.toLowerCase()}?api-version=${API_VERSIONS.workspacePreview}`, `${hardened.workspace.toLowerCase()}?api-version=${API_VERSIONS.machineLearning}`]);
    expect(snapshot.workspace.ok).toBe(true);
    expect(kindsOutside(snapshot, ['workspace'])).toEqual(new Set(['skipped']));
    expect(snapshot.roleDefinitions).toEqual({ ok: false, error: { kind: 'skipped', message: 'This scan did not read the role definitions: the selected checks do not need it.', resourceId: snapshot.workspaceId } });
    expect(progress).toEqual([{ done: 1, total: 1, label: 'workspace' }]);
  });

  test('deployments alone still list the endpoints (they hang off them) but report only the reads asked for', async () => {
    const { snapshot, paths, progress } = await collect(SAMPLE_WORKSPACE_IDS.hardened, ['onlineDeployments']);
    expect(paths.some((p) => p.endsWith('/onlineendpoints'))).toBe(true);
    expect(paths.some((p) => p.endsWith('/deployments'))).toBe(true);
    expect(paths.some((p) => p.includes('diagnosticsettings'))).toBe(false);
    expect(snapshot.onlineDeployments.ok).toBe(true);
    expect(snapshot.onlineEndpoints.ok ? 'ok' : snapshot.onlineEndpoints.error.kind).toBe('skipped');
    expect(progress.map((p) => [p.done, p.total, p.label])).toEqual([
      [1, 2, 'workspace'],
      [2, 2, 'online deployments'],
    ]);
  });

  test('a linked read is made only when the workspace names the resource', async () => {
    const lab = await collect(SAMPLE_WORKSPACE_IDS['lab-default'], ['cmkKey']);
    expect(lab.paths).toHaveLength(1);
    expect(lab.snapshot.cmkKey).toEqual({ ok: true, value: null });
    expect(lab.progress.map((p) => p.total)).toEqual([2, 2]);
    t.arm.resetLog();
    const hard = await collect(SAMPLE_WORKSPACE_IDS.hardened, ['cmkKey']);
    expect(hard.paths).toHaveLength(2);
    expect(hard.snapshot.cmkKey.ok && hard.snapshot.cmkKey.value !== null).toBe(true);
  });

  test('when the workspace cannot be read, the wanted reads say why and the rest stay skipped', async () => {
    t.arm.deleteResource(hardened.workspace);
    const { snapshot, paths, progress } = await collect(SAMPLE_WORKSPACE_IDS.hardened, ['computes']);
    expect(paths).toHaveLength(1);
    expect(snapshot.computes.ok ? 'ok' : snapshot.computes.error.kind).toBe('not_found');
    expect(kindsOutside(snapshot, ['workspace', 'computes'])).toEqual(new Set(['skipped']));
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  test('fieldsToRead: everything without `only`, else the workspace plus `only`', () => {
    expect(fieldsToRead(undefined).size).toBe(28);
    expect([...fieldsToRead(new Set<SnapshotField>(['policyStates', 'diagnostics.keyVault']))]).toEqual(['workspace', 'diagnostics.keyVault', 'policyStates']);
  });
});
