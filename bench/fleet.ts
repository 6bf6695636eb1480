/**
 * Fleet scans at 100 ms latency per request: 10 subscriptions × 1, 4, 10, 20 workspaces (10 → 200), full depth
 * (Resource Graph + the per-workspace ARM reads ARG lacks) and graph-only; then the 200-workspace fleet against a
 * server that answers 429 + Retry-After: 1 to 20% of requests. Run: npx tsx bench/fleet.ts [--quick]
 */
import type { FleetDepth } from '../src/azure/fleet-collect';
import type { FleetSpec } from '../src/sample/fleet';
import { scanFleet } from '../src/scan/fleet-scan';
import { startSampleFleet } from '../src/scan/fleet-sample';
import { duplicates, emit, round, settledRequests } from './support';

const LATENCY_MS = 100;
const SUBSCRIPTIONS = 10;

export interface FleetFigures {
  readonly workspaces: number;
  readonly subscriptions: number;
  readonly depth: FleetDepth;
  readonly requests: number;
  readonly graphPages: number;
  readonly armReads: number;
  readonly duplicateRequests: number;
  readonly wallMs: number;
  readonly errorFindings: number;
}

async function measure(spec: FleetSpec, depth: FleetDepth, throttle = false): Promise<FleetFigures & { throttled: number; throttlingErrors: number }> {
  const fleet = await startSampleFleet(spec, { latencyMs: LATENCY_MS, ...(throttle ? { throttle: { fraction: 0.2, retryAfterSeconds: 1, seed: 42 } } : {}) });
  try {
    const result = await scanFleet(fleet.clients, { depth });
    const requests = await settledRequests(fleet.arm);
    const findings = result.reports.flatMap((r) => r.findings);
    // ARG pages are POSTs to one path with the query in the body: not repeated reads of one resource.
    const served = requests.filter((r) => r.status !== 429 && !r.path.toLowerCase().endsWith('/microsoft.resourcegraph/resources'));
    return {
      workspaces: result.reports.length,
      subscriptions: spec.subscriptions,
      depth,
      requests: requests.length,
      graphPages: result.graphPages,
      armReads: result.armReads,
      duplicateRequests: duplicates(served).length,
      wallMs: round(result.wallMs),
      errorFindings: findings.filter((f) => f.status === 'error').length,
      throttled: requests.filter((r) => r.status === 429).length,
      throttlingErrors: findings.filter((f) => f.status === 'error' && /throttl/i.test(f.message)).length,
    };
  } finally {
    await fleet.close();
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const perSubscription = quick ? [1, 4] : [1, 4, 10, 20];
  const fleet: FleetFigures[] = [];
  for (const depth of ['full', 'graph'] as const) {
    for (const m of perSubscription) {
      const { throttled: _t, throttlingErrors: _e, ...figures } = await measure({ subscriptions: SUBSCRIPTIONS, workspacesPerSubscription: m }, depth);
      fleet.push(figures);
      process.stderr.write(`fleet ${depth} ${figures.workspaces}: ${figures.requests} requests, ${figures.wallMs} ms\n`);
    }
  }
  const largest = perSubscription[perSubscription.length - 1] ?? 1;
  const throttled = await measure({ subscriptions: SUBSCRIPTIONS, workspacesPerSubscription: largest }, 'full', true);
  emit({
    latencyMs: LATENCY_MS,
    fleet,
    throttling: {
      workspaces: throttled.workspaces,
      depth: throttled.depth,
      fraction: 0.2,
      retryAfterSeconds: 1,
      requests: throttled.requests,
      throttledResponses: throttled.throttled,
      wallMs: throttled.wallMs,
      errorFindings: throttled.errorFindings,
      throttlingErrors: throttled.throttlingErrors,
    },
  });
}

if (require.main === module) void main();
