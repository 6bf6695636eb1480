/**
 * Change-alert re-checks read Azure for the conversation and user that set the watch up, so they pass the same
 * scan guard as scheduled runs: a watch whose team was linked elsewhere is revoked and nothing is read for it.
 * They see the conversation's accepted risks too: a change that breaks an accepted check posts no card.
 */
import { activityLogReader } from '../../src/azure/activity-log';
import type { ConversationInfo } from '../../src/dialogs/port';
import { createExceptionService } from '../../src/exceptions/service';
import { checkById } from '../../src/checks/registry';
import { recheckChanges, type RecheckDeps } from '../../src/events/targeted-recheck';
import { createLogger } from '../../src/logging';
import { Outbox } from '../../src/notifications/outbox';
import { createNotificationService, type NotificationService } from '../../src/notifications/service';
import { SubscriptionRepository } from '../../src/notifications/subscriptions';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan/sample-environment';
import { createChannelBindings, type ChannelBindings } from '../../src/security/channel-binding';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard } from '../../src/security/scan-guard';
import { createWatchGuard } from '../../src/security/watch-guard';
import { createGuardedWatches } from '../../src/security/guarded-watches';
import type { ChangeEvent } from '../../src/shared/change-event';
import { isWithinScope } from '../../src/shared/resource-id';
import { createMemoryStore } from '../../src/storage/memory-store';
import { cardText, RecordingSender } from '../notifications/helpers';
import { HARDENED_IDS } from '../support/sample-mutations';

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const CHANNEL = '19:one@thread.tacv2';
const ADA = { name: 'Ada Lovelace', upn: 'ada@contoso.com' };
const SUBSCRIPTION = HARDENED_IDS.subscription;
const principal: ConversationInfo = { conversationId: CHANNEL, conversationType: 'channel', tenantId: TENANT, userId: 'aad-ada', userName: 'Ada', teamId: '19:team@thread.tacv2', channelId: CHANNEL };

interface Ctx {
  env: SampleEnvironment;
  sender: RecordingSender;
  bindings: ChannelBindings;
  notifications: NotificationService;
  accept: (checkId: string, resource: string) => Promise<void>;
  deps: RecheckDeps;
  logs: string[];
}

let ctx: Ctx;

// The sample's subscription stands for a real one here: an allowed scope, guarded like any Azure workspace.
beforeEach(async () => {
  const env = await startSampleEnvironment();
  const store = createMemoryStore();
  const sender = new RecordingSender();
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } });
  const bindings = createChannelBindings(store);
  const authorizer = createScanAuthorizer({ allowedScopes: [SUBSCRIPTION], allowedTenants: [], botTenantId: TENANT, localMode: false, bindings, sampleSubscriptionIds: [] });
  const watches = createGuardedWatches(env.scanService, createWatchGuard(createScanGuard(authorizer, createScanRateLimiter({ store }))));
  const exceptions = createExceptionService({ store, isKnownCheck: (id) => checkById(id) !== undefined, mayScan: (id) => isWithinScope(id, SUBSCRIPTION), maxDays: 90 });
  const acceptRisks = exceptions.applyTo.bind(exceptions);
  const notifications = createNotificationService({ store, watches, sender, logger, instanceId: 'a', acceptRisks });
  await store.put(`conversation-ref/${CHANNEL}`, { conversation: { id: CHANNEL, conversationType: 'channel' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams' });
  const subscribed = await notifications.subscribe({ conversationId: CHANNEL, userId: 'aad-ada', target: HARDENED_IDS.workspace, schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal });
  if (!subscribed.ok) throw new Error(subscribed.message);
  await notifications.runPass(); // the baseline
  sender.sent.length = 0;
  const subscriptions = new SubscriptionRepository(store);
  const outbox = new Outbox({ store, sender, subscriptions, logger, instanceId: 'a' });
  const accept = async (checkId: string, resource: string): Promise<void> => {
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const result = await exceptions.accept({ conversationId: CHANNEL, workspace: { id: HARDENED_IDS.workspace, name: 'hardened' }, checkId, resource, reason: 'Vendor upload window', owner: 'Ada', expires, createdBy: 'Ada' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
  };
  ctx = { env, sender, bindings, notifications, accept, logs, deps: { store, watches, subscriptions, outbox, logger, instanceId: 'a', scanLeaseTtlMs: 60_000, acceptRisks } };
});

afterEach(() => ctx.env.close());

/** Opens the hardened storage account to the internet (AML-NET-010 fails) and returns what the Activity Log recorded. */
async function openStorageToInternet(): Promise<ChangeEvent[]> {
  const from = Date.now() - 1000;
  ctx.env.arm.write(HARDENED_IDS.storageAccount, { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } }, ADA);
  const read = await activityLogReader(ctx.env.clients.raw)(SUBSCRIPTION.split('/')[2]!, { from: new Date(from), to: new Date(Date.now() + 1000) }, AbortSignal.timeout(10_000));
  if (read.kind !== 'events') throw new Error(read.message);
  ctx.env.arm.resetLog();
  return [...read.events];
}

async function handle(events: readonly ChangeEvent[]) {
  const summary = await recheckChanges(ctx.deps, events);
  await ctx.deps.outbox.drain();
  return summary;
}

test('an authorised watch is re-checked and alerted', async () => {
  const summary = await handle(await openStorageToInternet());
  expect(summary.workspaces[0]?.outcomes.map((o) => o.outcome)).toEqual(['alerted']);
  expect(cardText(ctx.sender.sent[0]!.card)).toContain('AML-NET-010 now fails (was pass)');
});

test('a watch whose team was linked elsewhere is revoked by the change: nothing is read for it and no card is posted', async () => {
  await ctx.bindings.add(principal, `${SUBSCRIPTION}/resourceGroups/rg-elsewhere`, 'owner');
  const summary = await handle(await openStorageToInternet());
  expect(summary.workspaces[0]?.outcomes.map((o) => o.outcome)).toEqual(['revoked']);
  expect(ctx.env.arm.requests).toEqual([]);
  expect(ctx.sender.sent).toEqual([]);
  expect((await ctx.notifications.list(CHANNEL))[0]?.enabled).toBe(false);
  expect(ctx.logs.filter((l) => l.includes('watch revoked: its scan is no longer authorised'))).toHaveLength(1);
});

test('a change that breaks a check the conversation accepted posts no card, and the next scheduled scan posts none either', async () => {
  await ctx.accept('AML-NET-010', HARDENED_IDS.storageAccount);
  const summary = await handle(await openStorageToInternet());
  expect(summary.workspaces[0]?.outcomes.map((o) => o.outcome)).toEqual(['no-effect']);
  expect(ctx.sender.sent).toEqual([]);
  const pass = await ctx.notifications.runPass(new Date(Date.now() + 26 * 3600_000));
  expect(pass.scans.map((s) => s.outcome)).toEqual(['unchanged']);
  expect(ctx.sender.sent).toEqual([]);
});
