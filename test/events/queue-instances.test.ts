/**
 * The push path with two bot instances on one Azurite queue and one store: the sample's changes are published as
 * Event Grid events, both instances consume, and each event is handled once — every finding that moved is
 * announced exactly once across both instances' cards. A malformed message goes to the poison queue with one log
 * line; a change from a subscription the bot may not read is dropped unread; a change in a subscription no watch
 * covers is dropped before anything is written or read for it.
 */
import { createProductChangeAlerts, type ProductChangeAlerts } from '../../src/events/create-change-alerts';
import { inSubscriptionsOf } from '../../src/events/event-scope';
import { eventQueuesFrom, type EventQueues } from '../../src/events/event-queues';
import { createLogger, silentLogger } from '../../src/logging';
import { createNotificationService } from '../../src/notifications/service';
import { publishSampleChanges } from '../../src/sample/event-grid';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan/sample-environment';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { GuardianStore } from '../../src/storage/store';
import { cardText, RecordingSender } from '../notifications/helpers';
import { startAzuriteQueue, type AzuriteQueueHandle } from '../support/azurite';
import { HARDENED_IDS, LAB_IDS } from '../support/sample-mutations';
import { permissiveWatches, watchPrincipal } from '../support/permissive-watch-guard';

const CHANNEL = '19:one@thread.tacv2';
const ADA = { name: 'Ada Lovelace', upn: 'ada@contoso.com' };
const ELSEWHERE = '/subscriptions/00000000-0000-0000-0000-00000000dead/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stother';

/** An Event Grid ResourceWriteSuccess event for `resourceUri`, as a system topic on its subscription sends it. */
function eventGridMessage(id: string, resourceUri: string): string {
  const subscriptionId = resourceUri.split('/')[2] ?? '';
  const event = {
    id,
    topic: `/subscriptions/${subscriptionId}`,
    subject: resourceUri,
    eventType: 'Microsoft.Resources.ResourceWriteSuccess',
    eventTime: new Date().toISOString(),
    data: { authorization: { scope: resourceUri, action: 'Microsoft.Storage/storageAccounts/write' }, claims: { name: 'Mallory' }, resourceUri, operationName: 'Microsoft.Storage/storageAccounts/write', status: 'Succeeded', subscriptionId },
    dataVersion: '',
    metadataVersion: '1',
  };
  return Buffer.from(JSON.stringify(event)).toString('base64');
}

describe('two instances consuming one Event Grid queue', () => {
  let azurite: AzuriteQueueHandle;
  let env: SampleEnvironment;
  let store: GuardianStore;
  let queues: EventQueues;
  let instances: { alerts: ProductChangeAlerts; sender: RecordingSender }[];
  const logs: string[] = [];

  beforeAll(async () => {
    azurite = await startAzuriteQueue();
    env = await startSampleEnvironment();
    store = createMemoryStore();
    queues = eventQueuesFrom({ connectionString: azurite.connectionString, serviceUrl: '', name: 'guardian-changes' }, () => Promise.reject(new Error('no token: SharedKey')));
    await queues.queue.create();
    await queues.poisonQueue.create();
    const setup = createNotificationService({ store, watches: permissiveWatches(env.scanService), sender: new RecordingSender(), logger: silentLogger(), instanceId: 'setup' });
    await store.put(`conversation-ref/${CHANNEL}`, { conversation: { id: CHANNEL, conversationType: 'channel' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams' });
    const watched = await setup.subscribe({ conversationId: CHANNEL, userId: 'u1', target: 'sample:hardened', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: watchPrincipal(CHANNEL, 'u1') });
    if (!watched.ok) throw new Error(watched.message);
    await setup.runPass(); // the baseline
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } });
    const allowed = inSubscriptionsOf([HARDENED_IDS.subscription, LAB_IDS.subscription]);
    instances = ['a', 'b'].map((instanceId) => {
      const sender = new RecordingSender();
      const alerts = createProductChangeAlerts({
        store,
        watches: permissiveWatches(env.scanService),
        sender,
        logger,
        instanceId,
        readActivityLog: () => Promise.resolve({ kind: 'events', events: [] }), // the queue only, here
        pollIntervalMs: 3_600_000,
        windowMs: 300,
        queues,
        acceptsEvent: (event) => allowed(event.resourceId),
        queueIdleMs: 50,
      });
      return { alerts, sender };
    });
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.alerts.stop()));
    await env.close();
    await azurite.stop();
  });

  test('each event is handled once, whichever instance receives it', async () => {
    const stopPublishing = publishSampleChanges(env.arm.activityLog, (text) => queues.queue.put(text), (e) => {
      throw e;
    });
    for (const instance of instances) instance.alerts.start();
    env.arm.write(HARDENED_IDS.storageAccount, { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } }, ADA);
    env.arm.write(HARDENED_IDS.storageAccount, { minimumTlsVersion: 'TLS1_0' }, ADA);
    env.arm.write(HARDENED_IDS.containerRegistry, { publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow' } }, ADA);
    env.arm.write(LAB_IDS.storageAccount, { minimumTlsVersion: 'TLS1_0' }, ADA); // no watch covers the lab's subscription
    stopPublishing();
    await queues.queue.put('{"this is": not an event');
    await queues.queue.put(eventGridMessage('elsewhere-1', ELSEWHERE));

    const expected = ['AML-NET-010 now fails (was pass)', 'AML-DP-004 now fails (was pass)', 'AML-NET-012 now fails (was pass)'];
    const cards = (): string[] => instances.flatMap((i) => i.sender.sent.map((s) => cardText(s.card)));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !expected.every((line) => cards().some((c) => c.includes(line)))) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_000)); // anything late would show now
    await Promise.all(instances.map((i) => i.alerts.stop()));

    for (const line of expected) expect(cards().filter((c) => c.includes(line))).toHaveLength(1);
    expect(cards().every((c) => c.includes('Ada Lovelace'))).toBe(true);
    // Three hardened changes claimed once each; the lab's was delivered but dropped before any claim; the foreign
    // one was dropped by the consumer before the store heard of it.
    expect(await store.list('events/handled/')).toHaveLength(3 * 2); // each claimed by its id and by its operation
    expect(await store.list('events/queue-seen/')).toHaveLength(4);
    expect(env.arm.requests.some((r) => r.path.toLowerCase().includes(LAB_IDS.resourceGroup.toLowerCase()))).toBe(false);
    expect((await queues.poisonQueue.receive(32, 1)).map((m) => m.text)).toEqual(['{"this is": not an event']);
    expect(logs.filter((l) => l.includes('moved to the poison queue'))).toHaveLength(1);
    expect(logs.filter((l) => l.includes('queued changes outside the allowed scopes dropped'))).toHaveLength(1);
    expect(await queues.queue.receive(32, 1)).toEqual([]);
  });
});
