/**
 * Start-up: from spawning `node dist/index.js` (GUARDIAN_STORE=memory, a free port, the embedded sample
 * environment on, as `npm start` runs it) to the first 200 from GET /healthz, and the process's resident memory
 * then. Needs `npm run build` first. Run: npx tsx bench/startup.ts
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { emit, round } from './support';

const RUNS = 5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function once(): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'index.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GUARDIAN_STORE: 'memory', PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr.slice(0, 500)}`);
      if (performance.now() - started > 30_000) throw new Error('no /healthz answer within 30 s');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - started;
    // Resident memory once the start-up work has settled.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { ms, rssMb: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  const runs: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await once());
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const rss = runs.map((r) => r.rssMb).sort((a, b) => a - b);
  emit({ runs: RUNS, ms: round(ms[Math.floor(RUNS / 2)] ?? Number.NaN, 0), minMs: round(ms[0] ?? Number.NaN, 0), maxMs: round(ms[RUNS - 1] ?? Number.NaN, 0), rssMb: round(rss[Math.floor(RUNS / 2)] ?? Number.NaN) });
}

if (require.main === module) void main();
