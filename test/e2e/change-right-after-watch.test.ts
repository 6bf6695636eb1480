/**
 * A change made right after "watch", before any notification pass or poll, is alerted against the baseline taken
 * when the watch was set up, through the fake Bot Connector: the confirmation says what the baseline found, the
 * change (made by the person who asked) comes as one change card, the baseline card does not contain it, and the
 * next scheduled scan has nothing more to say.
 */
import { HARDENED_NAMES } from '../../src/sample';
import { cardText, startFakeConnector, type ConnectorRecord, type LocalConnector } from '../support/fake-connector';
import { startProductBot, startSampleEnvironment, type ProductBot, type SampleEnvironment } from '../support/e2e-bot';
import { cardsOfActivity } from '../support/e2e-cards';

describe('a change right after "watch", through the fake Bot Connector', () => {
  let connector: LocalConnector;
  let sample: SampleEnvironment;
  let bot: ProductBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    sample = await startSampleEnvironment();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector, sampleEnvironment: sample });
  });
  afterAll(async () => {
    await bot.close();
    await sample.close();
    await connector.close();
  });

  test('is alerted as a change against the baseline taken at subscribe, not absorbed into it', async () => {
    const channel = bot.client('channel', { user: { id: '29:ada', name: 'Ada Lovelace', aadObjectId: '00000000-0000-0000-0000-0000000000ad' } });
    const proactive: ConnectorRecord[] = [];
    const off = connector.onRecord((r) => {
      if ((r.activity.type ?? 'message') === 'message' && r.operation !== 'update') proactive.push(r);
    });
    try {
      expect((await channel.sendText('watch sample:hardened daily at 08:00', { mention: true })).status).toBe(200);
      const confirmation = cardsOfActivity(bot.messages(channel.conversation.id).at(-1)?.activity ?? {})[0];
      expect(cardText(confirmation)).toMatch(/Baseline taken now: 0 failing, 0 not assessed/);

      // At once: no notification pass and no poll has run since the watch was set up.
      await channel.sendText('sample change AML-NET-010', { mention: true });
      await bot.product.changeAlerts.poller.pollOnce(bot.product.changeAlerts.sink);
      await bot.product.changeAlerts.flush();
    } finally {
      off();
    }
    const cards = proactive.filter((r) => r.conversationId === channel.conversation.id).map((r) => cardText(cardsOfActivity(r.activity)[0]));
    const changes = cards.filter((c) => c.includes('now fails'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toContain(`${HARDENED_NAMES.workspace}: AML-NET-010 now fails (was pass)`);
    expect(changes[0]).toContain(`Microsoft.Storage/storageAccounts/write on **${HARDENED_NAMES.storageAccount}** by Ada Lovelace`);
    const baselines = cards.filter((c) => c.includes(`Now watching ${HARDENED_NAMES.workspace}: `)); // not the confirmation
    expect(baselines).toHaveLength(1);
    expect(baselines[0]).toContain(`Now watching ${HARDENED_NAMES.workspace}: 0 failing`);
    expect(baselines[0]).not.toContain('AML-NET-010');

    const pass = await bot.product.notifications.runPass(new Date(Date.now() + 26 * 3600_000));
    expect(pass.scans.map((s) => s.outcome)).toEqual(['unchanged']);
  });
});
