/**
 * Change → card latency, with the product's defaults (3 s burst window, 1 s idle queue receive) against the
 * sample environment at 100 ms injected latency per ARM request, one watch on the hardened sample:
 *  - push: each change published as an Event Grid message to an Azurite queue; latency from the message being
 *    queued to the card handed to the sender, over 50 changes one after another;
 *  - pull: each change recorded in the sample's Activity Log, polled every 5 s (local mode's interval); latency
 *    from the change to the card, over 20 changes;
 * ARM requests per change (the targeted re-check only) and per idle poll interval (one per watched subscription).
 * Each change toggles the storage account's public network access, so every change moves AML-NET-010.
 * Run: npx tsx bench/change-alerts.ts [--quick]
 */
import { activityLogReader } from '../src/azure/activity-log';
import { createProductChangeAlerts, type ChangeAlertsDeps, type ProductChangeAlerts } from '../src/events/create-change-alerts';
import { eventQueuesFrom } from '../src/events/event-queues';
import { silentLogger } from '../src/logging';
import { createNotificationService } from '../src/notifications/service';
import type { ProactiveSender } from '../src/notifications/sender';
import { HARDENED_NAMES, sampleIds } from '../src/sample';
import { publishSampleChanges } from '../src/sample/event-grid';
import { startSampleEnvironment, type SampleEnvironment } from '../src/scan/sample-environment';
import { createMemoryStore } from '../src/storage/memory-store';
import type { GuardianStore } from '../src/storage/store';
import { startAzuriteQueue } from '../test/support/azurite';
import { emit, percentile, round, settledRequests } from './support';
// The bench measures latency, not authorisation: every watch run is admitted.
import { permissiveWatches, watchPrincipal } from '../test/support/permissive-watch-guard';

const LATENCY_MS = 100;
const POLL_INTERVAL_MS = 5_000;
const IDS = sampleIds(HARDENED_NAMES);
const CHANNEL = '19:bench@thread.tacv2';
const isActivityLogRead = (path: string): boolean => /\/eventtypes\/management\/values$/i.test(path);

/** A sender that resolves whoever waits for the next card. */
function timedSender(): ProactiveSender & { next(): Promise<number> } {
  let waiting: ((at: number) => void) | undefined;
  return {
    send() {
      waiting?.(performance.now());
      waiting = undefined;
      return Promise.resolve();
    },
    next: () => new Promise<number>((resolve) => (waiting = resolve)),
  };
}

async function watched(env: SampleEnvironment): Promise<GuardianStore> {
  const store = createMemoryStore();
  await store.put(`conversation-ref/${CHANNEL}`, { conversation: { id: CHANNEL, conversationType: 'channel' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams' });
  const notifications = createNotificationService({ store, watches: permissiveWatches(env.scanService), sender: timedSender(), logger: silentLogger(), instanceId: 'bench' });
  const r = await notifications.subscribe({ conversationId: CHANNEL, userId: 'u', target: 'sample:hardened', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: watchPrincipal(CHANNEL, 'u') });
  if (!r.ok) throw new Error(r.message);
  await notifications.runPass();
  return store;
}

/** Opens or closes the storage account to the internet (AML-NET-010 fails or passes), as Ada. */
function toggle(env: SampleEnvironment, i: number): void {
  const open = i % 2 === 0;
  env.arm.write(IDS.storageAccount, { publicNetworkAccess: open ? 'Enabled' : 'Disabled', networkAcls: { defaultAction: open ? 'Allow' : 'Deny' } }, { name: 'Ada Lovelace', upn: 'ada@contoso.com' });
}

interface Run {
  readonly latenciesMs: number[];
  readonly recheckRequests: number[];
}

async function measure(env: SampleEnvironment, changes: number, alerts: ProductChangeAlerts, sender: ReturnType<typeof timedSender>, queued: () => Promise<number>): Promise<Run> {
  const latenciesMs: number[] = [];
  const recheckRequests: number[] = [];
  alerts.start();
  try {
    await new Promise((r) => setTimeout(r, 1_500)); // the consumer's first receive
    for (let i = 0; i < changes; i++) {
      await settledRequests(env.arm);
      env.arm.resetLog();
      const card = sender.next();
      toggle(env, i);
      const from = await queued();
      latenciesMs.push((await card) - from);
      recheckRequests.push((await settledRequests(env.arm)).filter((r) => !isActivityLogRead(r.path)).length);
    }
  } finally {
    await alerts.stop();
  }
  return { latenciesMs, recheckRequests };
}

const summary = (run: Run) => {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  const mean = run.recheckRequests.reduce((a, b) => a + b, 0) / Math.max(1, run.recheckRequests.length);
  return { changes: sorted.length, p50Ms: round(percentile(sorted, 50), 0), p95Ms: round(percentile(sorted, 95), 0), maxMs: round(sorted.at(-1) ?? Number.NaN, 0), armRequestsPerChange: round(mean, 1) };
};

async function pushPath(changes: number) {
  const azurite = await startAzuriteQueue();
  const env = await startSampleEnvironment();
  try {
    const queues = eventQueuesFrom({ connectionString: azurite.connectionString, serviceUrl: '', name: 'guardian-changes' }, () => Promise.reject(new Error('SharedKey only')));
    await queues.queue.create();
    await queues.poisonQueue.create();
    const store = await watched(env);
    env.arm.setLatency(LATENCY_MS);
    const sender = timedSender();
    let lastQueued: Promise<number> = Promise.resolve(0);
    const put = (text: string): Promise<void> => {
      lastQueued = queues.queue.put(text).then(() => performance.now());
      return lastQueued.then(() => undefined);
    };
    const stop = publishSampleChanges(env.arm.activityLog, put, (e) => {
      throw e;
    });
    // Pull disabled here: the queue alone brings the changes.
    const deps: ChangeAlertsDeps = { store, watches: permissiveWatches(env.scanService), sender, logger: silentLogger(), instanceId: 'bench', readActivityLog: () => Promise.resolve({ kind: 'events', events: [] }), pollIntervalMs: 3_600_000, queues };
    const run = await measure(env, changes, createProductChangeAlerts(deps), sender, () => lastQueued);
    stop();
    return summary(run);
  } finally {
    await env.close();
    await azurite.stop();
  }
}

async function pullPath(changes: number, idleIntervals: number) {
  const env = await startSampleEnvironment();
  try {
    const store = await watched(env);
    env.arm.setLatency(LATENCY_MS);
    const sender = timedSender();
    const deps: ChangeAlertsDeps = { store, watches: permissiveWatches(env.scanService), sender, logger: silentLogger(), instanceId: 'bench', readActivityLog: activityLogReader(env.clients.raw), pollIntervalMs: POLL_INTERVAL_MS };
    // Idle first, while the Activity Log is empty: every request is a poll (one per interval, the first after one).
    const idle = createProductChangeAlerts(deps);
    await settledRequests(env.arm);
    env.arm.resetLog();
    idle.start();
    await new Promise((r) => setTimeout(r, idleIntervals * POLL_INTERVAL_MS + 500));
    await idle.stop();
    const idleRequests = (await settledRequests(env.arm)).length;
    const run = await measure(env, changes, createProductChangeAlerts(deps), sender, () => Promise.resolve(performance.now()));
    return { ...summary(run), pollIntervalMs: POLL_INTERVAL_MS, idleIntervals, armRequestsPerIdleInterval: round(idleRequests / idleIntervals, 2), watchedSubscriptions: 1 };
  } finally {
    await env.close();
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const push = await pushPath(quick ? 10 : 50);
  const pull = await pullPath(quick ? 5 : 20, quick ? 2 : 4);
  emit({ latencyMs: LATENCY_MS, burstWindowMs: 3_000, queueIdleMs: 1_000, push, pull });
}

if (require.main === module) void main();
