/**
 * The ARM call budget of one scan: the exact requests a single-workspace scan makes against the sample
 * environment, none repeated. The counts are fixed on purpose, so that a change in the budget shows here.
 */
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { SAMPLE_WORKSPACE_IDS } from '../../src/sample';
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
    ['lab-default', 38],
    ['hardened', 40],
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
