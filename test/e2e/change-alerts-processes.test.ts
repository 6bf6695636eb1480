/**
 * The push path across processes: two bot processes share one SQLite state file and consume one Event Grid queue
 * on Azurite; each has its own embedded sample, which publishes its changes to the queue. The same change made on
 * both samples (two events) is announced once in the watching channel, whichever process handles which event, and
 * the queue is left empty.
 */
import { HARDENED_NAMES } from '../../src/sample';
import { eventQueuesFrom, type EventQueues } from '../../src/events/event-queues';
import { cardText, startFakeConnector, type ConnectorRecord, type LocalConnector } from '../support/fake-connector';
import { LocalBotClient, localConversation } from '../support/bot-client';
import { E2E_ADMIN_TOKEN, postNotificationRun, tempStateDir } from '../support/e2e-bot';
import { cardsOfActivity } from '../support/e2e-cards';
import { spawnBotProcess, type BotProcess } from '../support/e2e-processes';
import { startAzuriteQueue, type AzuriteQueueHandle } from '../support/azurite';

jest.setTimeout(90_000);

const NOW_FAILS = `${HARDENED_NAMES.workspace}: AML-NET-010 now fails (was pass)`;

describe('two bot processes consuming one Event Grid queue', () => {
  let connector: LocalConnector;
  let azurite: AzuriteQueueHandle;
  let queues: EventQueues;
  let state: ReturnType<typeof tempStateDir>;
  const bots: BotProcess[] = [];
  const channel = localConversation('channel');
  const proactive: ConnectorRecord[] = [];

  beforeAll(async () => {
    connector = await startFakeConnector();
    azurite = await startAzuriteQueue();
    queues = eventQueuesFrom({ connectionString: azurite.connectionString, serviceUrl: '', name: 'guardian-changes' }, () => Promise.reject(new Error('SharedKey only')));
    await queues.queue.create();
    await queues.poisonQueue.create();
    state = tempStateDir();
    const env = {
      GUARDIAN_STORE: 'sqlite',
      GUARDIAN_STATE_DIR: state.dir,
      GUARDIAN_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      GUARDIAN_EVENTS_QUEUE_CONNECTION_STRING: azurite.connectionString,
      // The Activity Log poll is the other path: here only the queue brings the changes.
      GUARDIAN_CHANGE_POLL_SECONDS: '3600',
      E2E_TIMERS: '1',
    };
    bots.push(await spawnBotProcess(env));
    bots.push(await spawnBotProcess(env));
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await connector?.close();
    await azurite?.stop();
    state?.remove();
  });

  test('the channel watches the hardened sample through one process', async () => {
    const client = new LocalBotClient(bots[0]!.url, connector.serviceUrl, channel);
    expect((await client.sendText('watch sample:hardened daily at 08:00', { mention: true })).status).toBe(200);
    const pass = await postNotificationRun(bots[0]!.url);
    expect(pass.status).toBe(200);
  });

  test('the same change on both samples is announced once, and the queue is drained', async () => {
    const off = connector.onRecord((r) => {
      if (r.conversationId === channel.id && r.activity.type === 'message' && r.operation !== 'update') proactive.push(r);
    });
    try {
      // Within one burst window of each other: each process's re-check reads its own sample, changed the same way.
      for (const bot of [bots[1]!, bots[0]!]) expect((await new LocalBotClient(bot.url, connector.serviceUrl, channel).sendText('sample change AML-NET-010', { mention: true })).status).toBe(200);
      const alerts = (): string[] => proactive.map((r) => cardText(cardsOfActivity(r.activity)[0])).filter((t) => t.includes(NOW_FAILS));
      const deadline = Date.now() + 45_000;
      while (Date.now() < deadline && alerts().length === 0) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 5_000)); // a second card, if any, would be here by now
      expect(alerts()).toHaveLength(1);
      expect(alerts()[0]).toContain('Microsoft.Storage/storageAccounts/write');
    } finally {
      off();
    }
    expect(await queues.queue.receive(32, 1)).toEqual([]);
    expect(await queues.poisonQueue.receive(32, 1)).toEqual([]);
  });
});
