/**
 * Targeted re-checks over the sample environment's real collectors: a change to a watched workspace's storage
 * account re-reads only what the affected checks need, posts one card naming the change, the caller and the
 * effect to every conversation watching, and shares the diff store with the scheduled scans, so nothing is
 * posted twice. A change nothing reads posts nothing; the same event twice is handled once.
 */
import { activityLogReader } from '../../src/azure/activity-log';
import { recheckChanges, type RecheckDeps } from '../../src/events/targeted-recheck';
import { createChangeAlerts } from '../../src/events/change-alerts';
import { silentLogger } from '../../src/logging';
import { Outbox } from '../../src/notifications/outbox';
import { createNotificationService, type NotificationService } from '../../src/notifications/service';
import { SubscriptionRepository } from '../../src/notifications/subscriptions';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan/sample-environment';
import type { ChangeEvent } from '../../src/shared/change-event';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { GuardianStore } from '../../src/storage/store';
import { cardSchemaErrors } from '../support/card-schema';
import { cardText, RecordingSender } from '../notifications/helpers';
import { HARDENED_IDS } from '../support/sample-mutations';
import { permissiveWatches, watchPrincipal } from '../support/permissive-watch-guard';

const ADA = { name: 'Ada Lovelace', upn: 'ada@contoso.com' };
const CHANNELS = ['19:one@thread.tacv2', '19:two@thread.tacv2'];

interface Ctx {
  env: SampleEnvironment;
  store: GuardianStore;
  sender: RecordingSender;
  notifications: NotificationService;
  deps: RecheckDeps;
}

let ctx: Ctx;

beforeEach(async () => {
  const env = await startSampleEnvironment();
  const store = createMemoryStore();
  const sender = new RecordingSender();
  const logger = silentLogger();
  const notifications = createNotificationService({ store, watches: permissiveWatches(env.scanService), sender, logger, instanceId: 'a' });
  for (const id of CHANNELS) {
    await store.put(`conversation-ref/${id}`, { conversation: { id, conversationType: 'channel' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams' });
    const r = await notifications.subscribe({ conversationId: id, userId: 'u1', target: 'sample:hardened', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: watchPrincipal(id, 'u1') });
    if (!r.ok) throw new Error(r.message);
  }
  await notifications.runPass(); // the baselines
  sender.sent.length = 0;
  const subscriptions = new SubscriptionRepository(store);
  const outbox = new Outbox({ store, sender, subscriptions, logger, instanceId: 'a' });
  ctx = { env, store, sender, notifications, deps: { store, watches: permissiveWatches(env.scanService), subscriptions, outbox, logger, instanceId: 'a', scanLeaseTtlMs: 60_000 } };
});

afterEach(() => ctx.env.close());

/** The events the sample recorded since `from`, as the poller would deliver them. */
async function recorded(from: number): Promise<ChangeEvent[]> {
  const read = await activityLogReader(ctx.env.clients.raw)(HARDENED_IDS.subscription.split('/')[2]!, { from: new Date(from), to: new Date(Date.now() + 1000) }, AbortSignal.timeout(10_000));
  if (read.kind !== 'events') throw new Error(read.message);
  return [...read.events];
}

async function handle(events: readonly ChangeEvent[]) {
  const summary = await recheckChanges(ctx.deps, events);
  await ctx.deps.outbox.drain();
  return summary;
}

describe('a targeted re-check', () => {
  it('posts one card per watching conversation naming the change, the caller and the new failure, reading only what the checks need', async () => {
    const from = Date.now() - 1000;
    ctx.env.arm.write(HARDENED_IDS.storageAccount, { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } }, ADA);
    ctx.env.arm.resetLog();
    const summary = await handle(await recorded(from));

    expect(summary.workspaces).toHaveLength(1);
    expect(summary.workspaces[0]!.outcomes.map((o) => o.outcome)).toEqual(['alerted', 'alerted']);
    expect(ctx.sender.sent.map((s) => s.ref.conversation.id).sort()).toEqual([...CHANNELS].sort());
    const text = cardText(ctx.sender.sent[0]!.card);
    expect(text).toContain('AML-NET-010 now fails (was pass)');
    expect(text).toContain('Ada Lovelace (ada@contoso.com)');
    expect(text).toContain('Microsoft.Storage/storageAccounts/write');
    expect(text).toContain('stguardianhardened');
    // `msteams: { width: 'Full' }` is Teams' host extension, outside the 1.5 schema (as for every card).
    const { msteams, ...standard } = ctx.sender.sent[0]!.card as Record<string, unknown>;
    expect(msteams).toEqual({ width: 'Full' });
    expect(cardSchemaErrors(standard)).toEqual([]);
    // Only the workspace and the storage account's reads: no computes, no role assignments, no Defender plans.
    const paths = ctx.env.arm.requests.filter((r) => !/eventtypes/i.test(r.path)).map((r) => r.path.toLowerCase());
    expect(paths.some((p) => p.endsWith('/storageaccounts/stguardianhardened'))).toBe(true);
    expect(paths.some((p) => p.includes('/computes') || p.includes('roleassignments') || p.includes('pricings'))).toBe(false);
  });

  it('stores the re-checked report as the baseline, so the next scheduled scan posts nothing for the same change', async () => {
    const from = Date.now() - 1000;
    ctx.env.arm.write(HARDENED_IDS.storageAccount, { minimumTlsVersion: 'TLS1_0' }, ADA);
    await handle(await recorded(from));
    expect(ctx.sender.sent).toHaveLength(2);
    const tomorrow = new Date(Date.now() + 26 * 3600_000);
    const pass = await ctx.notifications.runPass(tomorrow);
    expect(pass.scans.map((s) => s.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(ctx.sender.sent).toHaveLength(2);
  });

  it('handles the same event once, even when it arrives twice', async () => {
    const from = Date.now() - 1000;
    ctx.env.arm.write(HARDENED_IDS.keyVault, { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } }, ADA);
    const events = await recorded(from);
    await handle(events);
    const again = await handle(events);
    expect(again.duplicates).toBe(1);
    expect(ctx.sender.sent).toHaveLength(2);
  });

  it('handles one change once when the Activity Log and Event Grid both report it, under different ids', async () => {
    const from = Date.now() - 1000;
    ctx.env.arm.write(HARDENED_IDS.keyVault, { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } }, ADA);
    const [logged] = await recorded(from);
    expect(logged?.correlationId).toBeDefined();
    const pushed: ChangeEvent = { ...logged!, id: 'event-grid-id-of-the-same-change', source: 'event-grid' };
    await handle([logged!]);
    expect((await handle([pushed])).duplicates).toBe(1);
    expect(ctx.sender.sent).toHaveLength(2);
  });

  it('posts nothing for a change that moves no finding, and nothing for a resource no check reads', async () => {
    const from = Date.now() - 1000;
    ctx.env.arm.write(HARDENED_IDS.storageAccount, { minimumTlsVersion: 'TLS1_2' }, ADA); // what it already is
    const summary = await handle([
      ...(await recorded(from)),
      { id: 'vm-1', resourceId: `${HARDENED_IDS.resourceGroup}/providers/Microsoft.Compute/virtualMachines/vm`, operation: 'Microsoft.Compute/virtualMachines/write', time: new Date().toISOString(), caller: { kind: 'unknown' }, source: 'test' },
    ]);
    expect(summary.unrelated).toBe(1);
    expect(summary.workspaces[0]!.outcomes.map((o) => o.outcome)).toEqual(['no-effect', 'no-effect']);
    expect(ctx.sender.sent).toEqual([]);
  });

  it('gathers a burst of changes into one card per conversation', async () => {
    const from = Date.now() - 1000;
    ctx.env.arm.write(HARDENED_IDS.storageAccount, { minimumTlsVersion: 'TLS1_0' }, ADA);
    ctx.env.arm.write(HARDENED_IDS.storageAccount, { allowBlobPublicAccess: true }, ADA);
    ctx.env.arm.write(HARDENED_IDS.containerRegistry, { publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow' } }, ADA);
    const alerts = createChangeAlerts({ sources: [], recheck: (events) => recheckChanges(ctx.deps, events), drain: () => ctx.deps.outbox.drain(), logger: silentLogger(), windowMs: 60_000 });
    for (const event of await recorded(from)) await alerts.sink([event]);
    await alerts.flush();
    expect(ctx.sender.sent).toHaveLength(2);
    const text = cardText(ctx.sender.sent[0]!.card);
    expect(text).toContain('3 changes');
    expect(text).toContain('AML-DP-004 now fails (was pass)');
    expect(text).toContain('AML-NET-012 now fails (was pass)');
  });
});
