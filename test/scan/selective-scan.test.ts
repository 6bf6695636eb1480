/**
 * A narrower scan collects only its checks' reads, and never reports a result a skipped read could have
 * changed: if a check touches a read the scan skipped (a stale table), the scan reads everything and
 * evaluates again.
 */
import { SAMPLE_WORKSPACE_IDS } from '../../src/sample';
import { createScanService, startSampleEnvironment, type SampleEnvironment, type ScanProgress, type ScanSelection } from '../../src/scan';
import type { SnapshotField } from '../../src/azure/snapshot-fields';
import { settledRequests } from '../../bench/support';
import { AREAS, CATEGORIES } from '../../src/checks/types';

let env: SampleEnvironment;
const NOW = (): Date => new Date('2026-01-15T10:00:00Z');

beforeAll(async () => {
  env = await startSampleEnvironment({ now: NOW });
});
afterAll(() => env.close());

function serviceWithReads(readsOf: () => ReadonlySet<SnapshotField> | undefined): ReturnType<typeof createScanService> {
  return createScanService({ clients: env.clients, timeoutMs: 30_000, concurrency: 16, samples: { ...SAMPLE_WORKSPACE_IDS }, defaultSample: 'lab-default', now: NOW, readsOf });
}

async function scan(service: ReturnType<typeof createScanService>, selection: ScanSelection): Promise<{ findings: unknown; requests: number; progress: ScanProgress[] }> {
  await settledRequests(env.arm);
  env.arm.resetLog();
  const progress: ScanProgress[] = [];
  const report = await service.scan({ target: 'sample', selection, onProgress: (p) => progress.push(p) });
  return { findings: report.findings, requests: (await settledRequests(env.arm)).length, progress };
}

describe('a scan of some checks', () => {
  test('a check that touches a read the table left out makes the scan read everything, with the full result', async () => {
    const selection: ScanSelection = { kind: 'checks', checkIds: ['AML-NET-005'] };
    const starved = await scan(serviceWithReads(() => new Set<SnapshotField>(['workspace'])), selection);
    const full = await scan(serviceWithReads(() => undefined), selection);
    expect(full.requests).toBe(39);
    // one workspace read, then the whole collection again
    expect(starved.requests).toBe(1 + 39);
    expect(starved.findings).toEqual(full.findings);
    expect(JSON.stringify(starved.findings)).not.toMatch(/did not read/);
  });

  test('a category scan reports progress over the reads it makes, not all 28', async () => {
    const { progress, requests } = await scan(env.scanService, { kind: 'category', category: 'logging-threat-detection' });
    // AML-LT-005 and AML-LT-012 read the connections and computes: whether the workspace uses what their plans protect.
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([13]));
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(requests).toBe(17);
  });

  test.each(['sample', 'sample:hardened'])('every area and category on %s gives the findings of a full scan filtered to its checks', async (target) => {
    const full = (await env.scanService.scan({ target, selection: { kind: 'all' } })).findings;
    const selections: ScanSelection[] = [
      ...AREAS.map((area): ScanSelection => ({ kind: 'area', area })),
      ...CATEGORIES.map((category): ScanSelection => ({ kind: 'category', category })),
      { kind: 'checks', checkIds: ['AML-PRA-005', 'AML-LT-002'] },
    ];
    for (const selection of selections) {
      const narrow = (await env.scanService.scan({ target, selection })).findings;
      const ids = new Set(narrow.map((f) => f.checkId));
      expect(narrow).toEqual(full.filter((f) => ids.has(f.checkId)));
      expect(ids.size).toBeGreaterThan(0);
    }
  });
});
