/**
 * Bot turns: Q&A messages POSTed to /api/messages of the real server (product router and features, memory
 * store, in-process), replies going to the fake Bot Connector. One turn at a time on one thread: p50/p99 latency
 * of the POST (which includes the bot's reply to the loopback connector, so it is an upper bound of the turn
 * without the connector) and messages per second; heap after GC before and after 10,000 turns.
 * Run: node --expose-gc --import tsx bench/turns.ts [--turns N]
 */
import { readLabelledSet } from './routing';
import { startBotHarness } from '../test/support/bot-client';
import { emit, percentile, round } from './support';

const WARMUP = 300;
const CONVERSATIONS = 20;

function gcHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--turns');
  const turns = at > 0 ? Number(process.argv[at + 1]) : 10_000;
  const questions = readLabelledSet()
    .filter((m) => m.intent === 'question')
    .map((m) => m.text);
  const harness = await startBotHarness({ conversation: undefined, sample: false, notificationTimer: false });
  const clients = Array.from({ length: CONVERSATIONS }, (_, i) => harness.client('personal', { id: `bench-conversation-${i}` }));
  const turn = async (i: number): Promise<number> => {
    const client = clients[i % CONVERSATIONS]!;
    const started = performance.now();
    const result = await client.sendText(questions[i % questions.length]!);
    const ms = performance.now() - started;
    if (result.status >= 400) throw new Error(`turn ${i}: HTTP ${result.status}`);
    return ms;
  };
  try {
    for (let i = 0; i < WARMUP; i += 1) await turn(i);
    // A turn that answers nothing would measure nothing.
    if (harness.connector.records.filter((r) => r.activity.type === 'message').length < WARMUP) throw new Error('the bot did not answer every question');
    harness.connector.records.length = 0;
    const heapBeforeMb = gcHeapMb();
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < turns; i += 1) {
      latencies.push(await turn(i));
      // The connector keeps every reply for tests; that is the harness's memory, not the bot's.
      if (harness.connector.records.length > 1000) harness.connector.records.length = 0;
    }
    const elapsed = performance.now() - started;
    harness.connector.records.length = 0;
    const heapAfterMb = gcHeapMb();
    latencies.sort((a, b) => a - b);
    emit({
      turns,
      question: 'workshop Q&A (routing set questions)',
      p50Ms: round(percentile(latencies, 50), 2),
      p99Ms: round(percentile(latencies, 99), 2),
      maxMs: round(latencies[latencies.length - 1] ?? Number.NaN, 2),
      perSecond: round((turns / elapsed) * 1000, 0),
      heapBeforeMb: round(heapBeforeMb),
      heapAfterMb: round(heapAfterMb),
      heapGrowthMb: round(heapAfterMb - heapBeforeMb, 2),
    });
  } finally {
    await harness.close();
  }
}

if (require.main === module) void main();
