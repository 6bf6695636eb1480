/**
 * Fleet scans over the sample server's fleet mode: the same findings as per-workspace scans, a request count that
 * grows far below linearly with the fleet, and no finding lost to throttling.
 */
import type { ScanReport, Finding } from '../../src/checks/types';
import { fleetWorkspaces, type FleetSpec } from '../../src/sample/fleet';
import { createScanService } from '../../src/scan/create-scan-service';
import { scanFleet } from '../../src/scan/fleet-scan';
import { startSampleFleet, type SampleFleet } from '../../src/scan/fleet-sample';
import { fleetCommand } from '../../src/cli/fleet';
import { runCli } from '../../src/cli/main';
import { settledRequests } from '../../bench/support';
import { PassThrough } from 'node:stream';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIELDS_NOT_READ_IN_GRAPH_SCAN } from '../../src/azure/fleet-collect';
import { readsOfCheck } from '../../src/checks/check-reads';
import { allChecks } from '../../src/checks/registry';

const SMALL: FleetSpec = { subscriptions: 2, workspacesPerSubscription: 3 };
const key = (f: Finding): string => `${f.checkId}|${f.status}|${f.resourceId}|${f.message}`;

async function requestCount(spec: FleetSpec, depth: 'full' | 'graph'): Promise<number> {
  const fleet = await startSampleFleet(spec);
  try {
    await scanFleet(fleet.clients, { depth });
    return (await settledRequests(fleet.arm)).length;
  } finally {
    await fleet.close();
  }
}

describe('fleet scan on a 2 x 3 fleet', () => {
  let fleet: SampleFleet;
  let singles: Map<string, ScanReport>;

  beforeAll(async () => {
    fleet = await startSampleFleet(SMALL);
    const service = createScanService({ clients: fleet.clients, timeoutMs: 30_000, concurrency: 16 });
    singles = new Map();
    for (const ws of fleetWorkspaces(SMALL)) singles.set(ws.id, await service.scan({ target: ws.id, selection: { kind: 'all' } }));
  });
  afterAll(() => fleet.close());

  test('full depth: every workspace, and the same findings as scanning each one alone', async () => {
    const result = await scanFleet(fleet.clients, { depth: 'full' });
    expect(result.reports.map((r) => r.workspace.id).sort()).toEqual([...singles.keys()].sort());
    for (const report of result.reports) {
      const single = singles.get(report.workspace.id)!;
      expect(report.findings.map(key).sort()).toEqual(single.findings.map(key).sort());
      expect(report.summary).toEqual(single.summary);
    }
    expect(result.notAssessedChecks).toEqual([]);
    // the mix is real: lab-default workspaces fail more than hardened ones
    const fails = result.reports.map((r) => r.summary.fail);
    expect(Math.max(...fails)).toBeGreaterThan(Math.min(...fails));
  });

  test('graph depth: the checks it covers match single scans; the others are listed, not reported as errors', async () => {
    const result = await scanFleet(fleet.clients, { depth: 'graph' });
    expect(result.notAssessedChecks).toEqual(expect.arrayContaining(['AML-LT-001']));
    for (const report of result.reports) {
      const single = singles.get(report.workspace.id)!;
      const singleKeys = single.findings.map(key);
      const graphKeys = report.findings.map(key);
      // every graph finding is what the single scan found; what it lacks belongs to the listed checks
      expect(graphKeys.filter((k) => !singleKeys.includes(k))).toEqual([]);
      const missing = single.findings.filter((f) => !graphKeys.includes(key(f)));
      expect(missing.filter((f) => !result.notAssessedChecks.includes(f.checkId)).map(key)).toEqual([]);
      // and the checks that need no ARM-only read are all there
      const covered = single.findings.filter((f) => !result.notAssessedChecks.includes(f.checkId));
      expect(covered.every((f) => graphKeys.includes(key(f)))).toBe(true);
      expect(report.findings.filter((f) => f.status === 'error')).toEqual([]);
    }
  });

  test('graph depth leaves out only checks fed by reads it does not make, as many as the README says', async () => {
    const needArm = allChecks.filter((c) => [...(readsOfCheck(c.id) ?? [])].some((f) => FIELDS_NOT_READ_IN_GRAPH_SCAN.includes(f))).map((c) => c.id);
    const result = await scanFleet(fleet.clients, { depth: 'graph' });
    expect(result.notAssessedChecks.length).toBeGreaterThan(0);
    expect(result.notAssessedChecks.filter((id) => !needArm.includes(id))).toEqual([]);
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const stated = /`guardian fleet --depth graph` leaves out the (\d+) checks/.exec(readme)?.[1];
    expect(Number(stated)).toBe(needArm.length);
  });

  test('graph depth makes 4 Resource Graph requests and one ARM read per subscription', async () => {
    await settledRequests(fleet.arm);
    fleet.arm.resetLog();
    const result = await scanFleet(fleet.clients, { depth: 'graph' });
    const requests = await settledRequests(fleet.arm);
    expect(result.graphPages).toBe(4);
    expect(result.armReads).toBe(SMALL.subscriptions);
    expect(requests).toHaveLength(4 + SMALL.subscriptions);
  });
});

describe('request growth', () => {
  test('graph depth: 40 workspaces cost no more requests than 10 (bound: < 2 x requests(10) + 5)', async () => {
    const ten = await requestCount({ subscriptions: 10, workspacesPerSubscription: 1 }, 'graph');
    const forty = await requestCount({ subscriptions: 10, workspacesPerSubscription: 4 }, 'graph');
    expect(forty).toBeLessThan(2 * ten + 5);
    expect(forty).toBe(ten);
  });

  test('full depth: each more workspace costs at most 8 ARM reads (a single scan makes 38)', async () => {
    const ten = await requestCount({ subscriptions: 10, workspacesPerSubscription: 1 }, 'full');
    const forty = await requestCount({ subscriptions: 10, workspacesPerSubscription: 4 }, 'full');
    expect((forty - ten) / 30).toBeLessThanOrEqual(8);
  });
});

describe('throttling', () => {
  test('with 429 + Retry-After on 20% of requests every finding is still assessed', async () => {
    const fleet = await startSampleFleet(SMALL, { throttle: { fraction: 0.2, retryAfterSeconds: 1, seed: 7 } });
    try {
      const result = await scanFleet(fleet.clients, { depth: 'full' });
      const requests = await settledRequests(fleet.arm);
      expect(requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
      expect(result.reports).toHaveLength(6);
      const errors = result.reports.flatMap((r) => r.findings).filter((f) => f.status === 'error');
      expect(errors.map((f) => f.message)).toEqual([]);
    } finally {
      await fleet.close();
    }
  }, 60_000);
});

describe('guardian fleet', () => {
  test('--sample-fleet 2x2 --format json lists every workspace with its summary', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await fleetCommand.run(['--sample-fleet', '2x2', '--format', 'json', '--depth', 'graph'], { stdout, stderr, stdin: new PassThrough(), env: {} });
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { workspaces: { id: string; summary: { fail: number } }[]; depth: string };
    expect(parsed.depth).toBe('graph');
    expect(parsed.workspaces.map((w) => w.id).sort()).toEqual(fleetWorkspaces({ subscriptions: 2, workspacesPerSubscription: 2 }).map((w) => w.id).sort());
    expect(parsed.workspaces.some((w) => w.summary.fail > 0)).toBe(true);
  });

  test('a malformed --sample-fleet or subscription id is a usage error (exit 2)', async () => {
    const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {} };
    expect(await runCli(['fleet', '--sample-fleet', 'lots'], io, [fleetCommand])).toBe(2);
    expect(await runCli(['fleet', '--subscriptions', 'not-a-guid'], io, [fleetCommand])).toBe(2);
  });
});
