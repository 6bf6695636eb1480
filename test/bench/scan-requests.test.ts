/**
 * The ARM call budget of one scan: the exact requests a single-workspace scan makes against the sample
 * environment, none repeated. The counts are fixed on purpose, so that a change in the budget shows here.
 * A narrower selection (a re-check, an area, a category) reads only what its checks need.
 */
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { SAMPLE_WORKSPACE_IDS } from '../../src/sample';
import type { ScanProgress, ScanSelection } from '../../src/scan';
import type { Finding } from '../../src/checks/types';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan';
import { criticalPathOf } from '../../bench/critical-path';
import { duplicates, settledRequests } from '../../bench/support';

let env: SampleEnvironment;

beforeAll(async () => {
  env = await startSampleEnvironment();
});
afterAll(() => env.close());

async function requestsOfOneScan(id: string): Promise<Awaited<ReturnType<typeof settledRequests>>> {
  await settledRequests(env.arm);
  env.arm.resetLog();
  await collectWorkspaceSnapshot(env.clients, id, { timeoutMs: 30_000, concurrency: 16 });
  return settledRequests(env.arm);
}

describe('ARM requests of a single scan', () => {
  test.each([
    ['lab-default', 39],
    ['hardened', 41],
  ] as const)('%s: %i requests, each resource (and each page) read once', async (key, expected) => {
    const requests = await requestsOfOneScan(SAMPLE_WORKSPACE_IDS[key]);
    expect(duplicates(requests)).toEqual([]);
    expect(requests.every((r) => r.status === 200)).toBe(true);
    expect(requests).toHaveLength(expected);
  });

  test('the critical path is the workspace read, then the longest paged list (5 dependent requests)', async () => {
    const requests = await requestsOfOneScan(SAMPLE_WORKSPACE_IDS['lab-default']);
    const path = criticalPathOf(requests, SAMPLE_WORKSPACE_IDS['lab-default']);
    expect(path.unmodelled).toEqual([]);
    expect(path.steps).toBe(5);
    expect(path.chain[0]).toBe('workspace');
  });
});

describe('ARM requests of a narrower scan', () => {
  async function requestsOfScan(target: string, selection: ScanSelection): Promise<{ paths: string[]; totals: number[]; done: number; findings: readonly Finding[] }> {
    await settledRequests(env.arm);
    env.arm.resetLog();
    const progress: ScanProgress[] = [];
    const report = await env.scanService.scan({ target, selection, onProgress: (p) => progress.push(p) });
    const requests = await settledRequests(env.arm);
    expect(duplicates(requests)).toEqual([]);
    expect(requests.every((r) => r.status === 200)).toBe(true);
    return { paths: requests.map((r) => r.path), totals: [...new Set(progress.map((p) => p.total))], done: progress.length, findings: report.findings };
  }

  test.each(['sample', 'sample:hardened'])('a re-check of AML-NET-001 on %s reads only the workspace (1 request), with the full scan\'s result', async (target) => {
    const recheck = await requestsOfScan(target, { kind: 'checks', checkIds: ['AML-NET-001'] });
    expect(recheck.paths).toHaveLength(1);
    expect(recheck.paths[0]?.toLowerCase()).toBe((target === 'sample' ? SAMPLE_WORKSPACE_IDS['lab-default'] : SAMPLE_WORKSPACE_IDS.hardened).toLowerCase());
    expect(recheck.totals).toEqual([1]);
    expect(recheck.done).toBe(1);
    const full = await requestsOfScan(target, { kind: 'all' });
    expect(recheck.findings).toEqual(full.findings.filter((f) => f.checkId === 'AML-NET-001'));
  });

  test.each([
    ['sample', 14],
    ['sample:hardened', 14],
  ] as const)('"check rbac" on %s: %i requests, only the workspace, its key vault, role assignments and role definitions', async (target, expected) => {
    const rbac = await requestsOfScan(target, { kind: 'area', area: 'rbac' });
    expect(rbac.paths).toHaveLength(expected);
    // the rbac area includes the key vault's own checks (access policies vs RBAC), hence the vault read
    const other = rbac.paths.filter((p) => !/\/providers\/Microsoft\.Authorization\/(roleAssignments|roleDefinitions)$/i.test(p) && !/\/workspaces\/[^/]+$/i.test(p) && !/\/vaults\/[^/]+$/i.test(p));
    expect(other).toEqual([]);
    // workspace, key vault, role assignments on four scopes, role definitions
    expect(rbac.totals).toEqual([7]);
    expect(rbac.done).toBe(7);
  });

  test('a full scan through the scan service still makes every read (39 requests, 29 reads reported)', async () => {
    const full = await requestsOfScan('sample', { kind: 'all' });
    expect(full.paths).toHaveLength(39);
    expect(full.totals).toEqual([29]);
  });
});
