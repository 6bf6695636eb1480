/**
 * Watches pass the scan guard: when they are set up (the target, the resolved workspace, the budget) and before
 * every scheduled run, for the conversation and user that set them up. A binding or tenant change revokes them.
 */
import type { IncomingMessage } from '../../src/dialogs/feature';
import type { ConversationInfo } from '../../src/dialogs/port';
import { createWatchFeature } from '../../src/dialogs/watch';
import { createLogger } from '../../src/logging';
import { createNotificationService } from '../../src/notifications/service';
import { createChannelBindings } from '../../src/security/channel-binding';
import { createScanRateLimiter, type ScanRateLimits } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard } from '../../src/security/scan-guard';
import { createWatchGuard, UNKNOWN_PRINCIPAL } from '../../src/security/watch-guard';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { CONVERSATION_ID, finding, RecordingSender, report, saveConversationRef, ScriptedScanService, WORKSPACE } from '../notifications/helpers';
import { permissiveWatches } from '../support/permissive-watch-guard';
import { createGuardedWatches } from '../../src/security/guarded-watches';
import { RecordingPort } from './helpers';
import { SubscriptionRepository } from '../../src/notifications/subscriptions';
import { offer } from '../support/conversation';

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const SUB = WORKSPACE.subscriptionId;
const TEN_MINUTES = 600_000;

const inChannel = (userId = 'aad-ada', tenantId = TENANT): ConversationInfo => ({ conversationId: CONVERSATION_ID, conversationType: 'channel', tenantId, userId, userName: 'Ada', teamId: '19:team@thread.tacv2', channelId: CONVERSATION_ID });
const watch = (args: string): IncomingMessage => ({ text: `watch ${args}`, route: { intent: 'command', command: 'watch', args, confidence: 1 } });

async function setup(options: { allowedScopes?: string[]; perUser?: number } = {}) {
  const store = new MemoryGuardianStore();
  await saveConversationRef(store);
  const bindings = createChannelBindings(store);
  const authorizer = createScanAuthorizer({ allowedScopes: options.allowedScopes ?? [`/subscriptions/${SUB}`], allowedTenants: [], botTenantId: TENANT, localMode: false, bindings, sampleSubscriptionIds: [] });
  const limits: ScanRateLimits = { perUser: { capacity: options.perUser ?? 5, refillMs: TEN_MINUTES }, perConversation: { capacity: 10, refillMs: TEN_MINUTES }, perTenant: { capacity: 50, refillMs: TEN_MINUTES } };
  const guard = createWatchGuard(createScanGuard(authorizer, createScanRateLimiter({ store, limits, now: () => 1_000 })));
  const scanService = new ScriptedScanService([report([finding('N-1', 'fail')])]);
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } });
  const notifications = createNotificationService({ store, watches: createGuardedWatches(scanService, guard), sender: new RecordingSender(), logger, instanceId: 'test' });
  return { store, bindings, scanService, logs, notifications, feature: createWatchFeature({ notifications }) };
}

test('a watch of a workspace outside the team binding is refused at subscribe and nothing is resolved', async () => {
  const { feature, bindings, notifications, scanService } = await setup();
  await bindings.add(inChannel(), `/subscriptions/${SUB}/resourceGroups/rg-elsewhere`, 'owner');
  const port = new RecordingPort(inChannel());
  await offer(feature, port, watch(WORKSPACE.id));
  expect(port.texts.join(' ')).toMatch(/linked|outside|not allowed/i);
  expect(await notifications.list(CONVERSATION_ID)).toEqual([]);
  expect(scanService.requests).toEqual([]);
});

test('setting up a watch spends the scan budget like a scan', async () => {
  const { feature, notifications } = await setup({ perUser: 1 });
  const port = new RecordingPort(inChannel());
  await offer(feature, port, watch('ws-prod daily at 08:00'));
  expect(await notifications.list(CONVERSATION_ID)).toHaveLength(1);
  await offer(feature, port, watch('ws-prod daily at 09:00'));
  expect(port.texts.join(' ')).toMatch(/limit of 1 scans/);
  expect((await notifications.list(CONVERSATION_ID))[0]?.schedule.cron).toBe('0 8 * * *');
});

test('a team linked elsewhere after the watch was set up revokes it at the next run, with a log line', async () => {
  const { feature, bindings, notifications, scanService, logs } = await setup();
  await offer(feature, new RecordingPort(inChannel()), watch('ws-prod daily at 08:00'));
  expect(scanService.requests).toHaveLength(1); // the baseline, while the team was linked there
  await bindings.add(inChannel(), `/subscriptions/${SUB}/resourceGroups/rg-elsewhere`, 'owner');
  const pass = await notifications.runPass(new Date('2030-01-02T09:00:00Z'));
  expect(pass.scans.map((s) => s.outcome)).toEqual(['revoked']);
  expect(scanService.requests).toHaveLength(1);
  const [sub] = await notifications.list(CONVERSATION_ID);
  expect(sub?.enabled).toBe(false);
  expect(logs.some((l) => l.includes('watch revoked: its scan is no longer authorised'))).toBe(true);
});

test('a watch for a tenant that is not allowed is refused; one saved without who set it up is revoked at its run', async () => {
  const { notifications, store, scanService } = await setup();
  const created = await notifications.subscribe({ conversationId: CONVERSATION_ID, userId: 'u', target: 'ws-prod', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: inChannel('u', '00000000-0000-0000-0000-0000000000bb') });
  // Refused at subscribe already: the tenant is not the bot's.
  expect(created.ok).toBe(false);
  // A watch stored without a principal (an older version) cannot be authorised again.
  const legacy = await setup();
  const plain = createNotificationService({ store: legacy.store, watches: permissiveWatches(legacy.scanService), sender: new RecordingSender(), logger: createLogger({ level: 'silent' }), instanceId: 'old' });
  expect((await plain.subscribe({ conversationId: CONVERSATION_ID, userId: 'u', target: 'ws-prod', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: inChannel('u') })).ok).toBe(true);
  // As an older version stored it: without who set it up.
  const repository = new SubscriptionRepository(legacy.store);
  for (const stored of await repository.listForConversation(CONVERSATION_ID)) {
    const { principal: _principal, ...withoutPrincipal } = stored;
    await repository.save(withoutPrincipal);
  }
  const pass = await legacy.notifications.runPass(new Date('2030-01-02T09:00:00Z'));
  expect(pass.scans.map((s) => s.outcome)).toEqual(['revoked']);
  expect((await legacy.notifications.list(CONVERSATION_ID))[0]?.disabledReason).toBe(UNKNOWN_PRINCIPAL);
  expect(legacy.scanService.requests).toHaveLength(1); // the baseline when it was set up; nothing since
  expect(scanService.requests).toEqual([]);
  expect(await store.list('subscriptions/')).toEqual([]);
});

test('an authorised watch runs and spends the budget at every run; over budget it is skipped, not revoked', async () => {
  const { feature, notifications, scanService } = await setup({ perUser: 2 });
  await offer(feature, new RecordingPort(inChannel()), watch('ws-prod daily at 08:00'));
  expect(scanService.requests).toHaveLength(1); // the baseline, on the scan the subscribe was charged
  const first = await notifications.runPass(new Date('2030-01-02T09:00:00Z'));
  expect(first.scans.map((s) => s.outcome)).toEqual(['unchanged']);
  const second = await notifications.runPass(new Date('2030-01-03T09:00:00Z'));
  expect(second.scans.map((s) => s.outcome)).toEqual(['over-budget']);
  expect(scanService.requests).toHaveLength(2);
  expect((await notifications.list(CONVERSATION_ID))[0]?.enabled).toBe(true);
});
