/**
 * Single-workspace scan against the sample environment with 100 ms injected latency per ARM request: wall time
 * against the critical path, against the same reads made one after another (concurrency 1), ARM requests per
 * scan and duplicates. Run: npx tsx bench/scan.ts
 */
import { collectWorkspaceSnapshot } from '../src/azure/collect';
import { SAMPLE_WORKSPACE_IDS } from '../src/sample';
import { startSampleEnvironment } from '../src/scan';
import { criticalPathOf } from './critical-path';
import { duplicates, emit, round, settledRequests } from './support';

export const LATENCY_MS = 100;
/** The default of config.azure.armConcurrency. */
export const CONCURRENCY = 16;

async function main(): Promise<void> {
  const env = await startSampleEnvironment();
  const id = SAMPLE_WORKSPACE_IDS['lab-default'];
  const scan = async (concurrency: number): Promise<number> => {
    const started = performance.now();
    await collectWorkspaceSnapshot(env.clients, id, { timeoutMs: 120_000, concurrency });
    return performance.now() - started;
  };
  try {
    await scan(CONCURRENCY); // warm up: TLS sessions, JIT
    env.arm.setLatency(LATENCY_MS);
    env.arm.resetLog();
    const walls: number[] = [];
    for (let i = 0; i < 5; i += 1) walls.push(await scan(CONCURRENCY));
    await settledRequests(env.arm);
    env.arm.resetLog();
    walls.push(await scan(CONCURRENCY));
    const requests = await settledRequests(env.arm);
    const path = criticalPathOf(requests, id);
    const sequentialMs = await scan(1);
    walls.sort((a, b) => a - b);
    const wallMs = walls[Math.floor(walls.length / 2)] ?? Number.NaN;
    const criticalPathMs = path.steps * LATENCY_MS;
    emit({
      workspace: 'lab-default',
      latencyMs: LATENCY_MS,
      concurrency: CONCURRENCY,
      criticalPathMs,
      criticalPathSteps: path.steps,
      criticalPath: path.chain.join(' -> '),
      wallMs: round(wallMs),
      sequentialMs: round(sequentialMs),
      wallOverCriticalPath: round(wallMs / criticalPathMs, 2),
      speedupOverSequential: round(sequentialMs / wallMs, 1),
      armRequests: requests.length,
      duplicateRequests: duplicates(requests).length,
      unmodelledRequests: path.unmodelled,
    });
  } finally {
    await env.close();
  }
}

if (require.main === module) void main();
