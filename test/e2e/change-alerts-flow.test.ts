/**
 * Change alerts end to end, in one process, through the fake Bot Connector: a channel and a group chat watch the
 * hardened sample; "sample change AML-NET-010" opens its storage account, recorded in the sample's Activity Log
 * with the person who asked as the caller; one poll of the Activity Log later each conversation has exactly one
 * card naming the change and the caller; "sample reset" brings exactly one "resolved" card each.
 */
import { HARDENED_NAMES } from '../../src/sample';
import { cardText, startFakeConnector, type ConnectorRecord, type LocalConnector } from '../support/fake-connector';
import { startProductBot, startSampleEnvironment, type ProductBot, type SampleEnvironment } from '../support/e2e-bot';
import { cardsOfActivity } from '../support/e2e-cards';
import type { LocalBotClient } from '../support/bot-client';

describe('change alerts through the fake Bot Connector', () => {
  let connector: LocalConnector;
  let sample: SampleEnvironment;
  let bot: ProductBot;
  let channel: LocalBotClient;
  let group: LocalBotClient;
  const proactive: ConnectorRecord[] = [];
  const posted = (client: LocalBotClient): string[] => proactive.filter((r) => r.conversationId === client.conversation.id).map((r) => cardText(cardsOfActivity(r.activity)[0]));

  /** One poll interval, as the timer would run it, then the burst window closed at once. */
  async function pollInterval(): Promise<void> {
    const off = connector.onRecord((r) => {
      if ((r.activity.type ?? 'message') === 'message' && r.operation !== 'update') proactive.push(r);
    });
    try {
      await bot.product.changeAlerts.poller.pollOnce(bot.product.changeAlerts.sink);
      await bot.product.changeAlerts.flush();
    } finally {
      off();
    }
  }

  beforeAll(async () => {
    connector = await startFakeConnector();
    sample = await startSampleEnvironment();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector, sampleEnvironment: sample });
    channel = bot.client('channel', { user: { id: '29:ada', name: 'Ada Lovelace', aadObjectId: '00000000-0000-0000-0000-0000000000ad' } });
    group = bot.client('groupChat');
  });
  afterAll(async () => {
    await bot.close();
    await sample.close();
    await connector.close();
  });

  test('both conversations watch the hardened sample and get their baselines', async () => {
    for (const client of [channel, group]) expect((await client.sendText('watch sample:hardened daily at 08:00', { mention: true })).status).toBe(200);
    const pass = await bot.product.notifications.runPass();
    expect(pass.scans).toEqual([]); // the baselines were taken at subscribe; this pass posts them
    expect(pass.outbox.sent).toBe(2);
    await pollInterval(); // the first poll sets the watermark; nothing has changed yet
    expect(posted(channel)).toEqual([]);
  });

  test('"sample change AML-NET-010" brings one card per conversation naming the change and the caller', async () => {
    await channel.sendText('sample change AML-NET-010', { mention: true });
    const reply = bot.messages(channel.conversation.id).map((r) => r.activity.text ?? '').join('\n');
    expect(reply).toContain('Ada Lovelace opens the storage account to public networks');
    await pollInterval();
    for (const client of [channel, group]) {
      const cards = posted(client);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain(`${HARDENED_NAMES.workspace}: AML-NET-010 now fails (was pass)`);
      expect(cards[0]).toContain('Ada Lovelace');
      expect(cards[0]).toContain(`Microsoft.Storage/storageAccounts/write on **${HARDENED_NAMES.storageAccount}** by Ada Lovelace`);
    }
    await pollInterval(); // the same event comes back in the overlap: nothing more
    expect(posted(channel)).toHaveLength(1);
  });

  test('"sample reset" brings one "resolved" card per conversation', async () => {
    await group.sendText('sample reset', { mention: true });
    await pollInterval();
    for (const client of [channel, group]) {
      const cards = posted(client);
      expect(cards).toHaveLength(2);
      expect(cards[1]).toContain(`${HARDENED_NAMES.workspace}: 1 resolved`);
      expect(cards[1]).toContain('AML-NET-010 resolved (was fail)');
    }
  });

  test('the next scheduled scan posts nothing about what the alerts already said', async () => {
    const pass = await bot.product.notifications.runPass(new Date(Date.now() + 26 * 3600_000));
    expect(pass.scans.map((s) => s.outcome)).toEqual(['unchanged', 'unchanged']);
  });
});
