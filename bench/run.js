#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark in its own process (after `npm run build`), prints one table and writes
 * bench/results/latest.json. Benchmarks never run in `npm test` and never assert on time: read the figures
 * against the targets in bench/README.md.
 */
'use strict';
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const PREFIX = 'BENCH_RESULT ';

function hasTaskset() {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs bench/<file> under tsx and returns the figures it emitted. `oneCore` pins it to CPU 0. */
function run(file, { nodeArgs = [], args = [], oneCore = false } = {}) {
  const node = [...nodeArgs, '--import', 'tsx', path.join('bench', file), ...args];
  const [command, argv] = oneCore && hasTaskset() ? ['taskset', ['-c', '0', process.execPath, ...node]] : [process.execPath, node];
  process.stderr.write(`\n== ${file}${oneCore ? ' (one core)' : ''}\n`);
  const started = Date.now();
  const result = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const line = (result.stdout || '').split('\n').find((l) => l.startsWith(PREFIX));
  if (result.status !== 0 || line === undefined) {
    process.stderr.write(`${file} failed (exit ${result.status}):\n${(result.stdout || '').slice(-2000)}\n`);
    return { failed: true, exit: result.status };
  }
  process.stderr.write(`   done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line.slice(PREFIX.length));
}

function table(rows) {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

function main() {
  const quick = process.argv.includes('--quick');
  const cpus = os.cpus();
  const machine = { cpu: cpus[0] ? cpus[0].model : 'unknown', cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGb: Math.round(os.totalmem() / 2 ** 30) };
  const scan = run('scan.ts');
  const fleetRun = run('fleet.ts', { args: quick ? ['--quick'] : [] });
  const turns = run('turns.ts', { nodeArgs: ['--expose-gc'], args: quick ? ['--turns', '1000'] : [], oneCore: true });
  const startup = run('startup.ts');
  const routing = run('routing-figures.ts');
  const changes = run('change-alerts.ts', { args: quick ? ['--quick'] : [] });

  const results = {
    machine,
    date: new Date().toISOString(),
    scan,
    fleet: fleetRun.fleet ?? fleetRun,
    turns,
    startup,
    throttling: fleetRun.throttling ?? fleetRun,
    routing,
    changes,
  };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

  const rows = [['benchmark', 'figure', 'target']];
  if (!scan.failed) {
    rows.push(['scan: critical path', `${scan.criticalPathMs} ms (${scan.criticalPath})`, '']);
    rows.push(['scan: wall', `${scan.wallMs} ms = ${scan.wallOverCriticalPath}x critical path`, '<= 1.5x']);
    rows.push(['scan: sequential', `${scan.sequentialMs} ms = ${scan.speedupOverSequential}x slower`, '>= 5x']);
    rows.push(['scan: ARM requests', `${scan.armRequests}, ${scan.duplicateRequests} duplicates`, '0 duplicates']);
  }
  if (Array.isArray(results.fleet)) {
    for (const f of results.fleet) rows.push([`fleet ${f.depth} ${f.workspaces} ws`, `${f.requests} requests (${f.graphPages} ARG pages), ${f.wallMs} ms, ${f.errorFindings} error findings`, '']);
  }
  const t = results.throttling;
  if (t && !t.failed) rows.push([`throttling 20% (${t.workspaces} ws)`, `${t.wallMs} ms, ${t.throttledResponses} x 429, ${t.throttlingErrors} throttling errors`, '0 errors']);
  if (!turns.failed) {
    rows.push(['turns: latency', `p50 ${turns.p50Ms} ms, p99 ${turns.p99Ms} ms`, 'p99 < 50 ms']);
    rows.push(['turns: throughput', `${turns.perSecond} msg/s (one core)`, '']);
    rows.push([`turns: heap over ${turns.turns}`, `${turns.heapGrowthMb} MB (${turns.heapBeforeMb} -> ${turns.heapAfterMb})`, '~0']);
  }
  if (!startup.failed) rows.push(['start-up', `${startup.ms} ms to /healthz, RSS ${startup.rssMb} MB`, '< 2000 ms']);
  if (!routing.failed) {
    rows.push(['routing', `intent ${routing.set.intentAccuracy}, question ${routing.set.questionAccuracy} (holdout ${routing.holdout.questionAccuracy}), mean ${routing.set.meanMs} ms`, '']);
    rows.push(['routing, fresh set', `question ${routing.fresh.questionAccuracy}, out of scope ${routing.fresh.outOfScopeAccuracy}, live checks ${routing.fresh.checkAccuracy}, commands ${routing.fresh.commandAccuracy}`, '>= 0.95 each']);
  }
  if (!changes.failed) {
    const { push, pull } = changes;
    rows.push([`change -> card, queue (${push.changes} changes)`, `p50 ${push.p50Ms} ms, p95 ${push.p95Ms} ms after queued; ${push.armRequestsPerChange} ARM requests per change`, 'p95 < 5000 ms']);
    rows.push([`change -> card, poll every ${pull.pollIntervalMs / 1000} s (${pull.changes})`, `p50 ${pull.p50Ms} ms, p95 ${pull.p95Ms} ms; ${pull.armRequestsPerIdleInterval} ARM requests per idle interval`, `p95 < ${pull.pollIntervalMs / 1000 + 10} s`]);
  }
  process.stdout.write(`\nBaseline Guardian benchmarks — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${results.date}\n\n${table(rows)}\n\nWritten to bench/results/latest.json\n`);
  const failed = [scan, fleetRun, turns, startup, routing, changes].some((r) => r.failed);
  process.exitCode = failed ? 1 : 0;
}

main();
