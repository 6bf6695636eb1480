/**
 * Issue 7 end to end, in one process: a channel watches the sample workspace; passes run through
 * POST /api/notifications/run (bearer-guarded) or the same service with a later clock; the fake Bot Connector
 * (behind a fault-injecting proxy) records what is posted proactively. Baseline once, one change card per
 * change, nothing without a change, nothing twice across a restart over the same SQLite state, 429 retried,
 * 403 disables the subscription.
 */
import { LAB_NAMES, SAMPLE_WORKSPACE_IDS, sampleIds } from '../../src/sample';
import type { PassSummary } from '../../src/notifications/service';
import { cardText, startFakeConnector, type ConnectorRecord, type LocalConnector } from '../support/fake-connector';
import { startProductBot, startSampleEnvironment, tempStateDir, type ProductBot, type SampleEnvironment } from '../support/e2e-bot';
import { cardsOfActivity } from '../support/e2e-cards';
import { FaultyConnector } from '../support/e2e-faulty-connector';
import type { LocalBotClient } from '../support/bot-client';

const WORKSPACE_ID = SAMPLE_WORKSPACE_IDS['lab-default'];
const STORAGE_ID = sampleIds(LAB_NAMES).storageAccount;
const DAY_MS = 24 * 3600_000;

describe('proactive notifications through the fake Bot Connector (issue 7)', () => {
  let connector: LocalConnector;
  let proxy: FaultyConnector;
  let sample: SampleEnvironment;
  let state: ReturnType<typeof tempStateDir>;
  let bot: ProductBot;
  let channel: LocalBotClient;
  /** The passes' clock: each run is a day after the one before, so that the daily schedule is due. */
  const t0 = Date.now();
  let day = 0;

  const startBot = async (): Promise<void> => {
    bot = await startProductBot({
      serviceUrl: proxy.serviceUrl,
      connector,
      sampleEnvironment: sample,
      env: { GUARDIAN_STORE: 'sqlite', GUARDIAN_STATE_DIR: state.dir },
    });
    channel = channel === undefined ? bot.client('channel') : bot.client('channel', channel.conversation);
  };
  /**
   * Messages posted into the channel by notification passes (botbuilder sends them as replies to the message the
   * conversation reference was saved from, so they are told apart from the bot's answers by when they happen).
   */
  const proactive: ConnectorRecord[] = [];
  const posted = (): ConnectorRecord[] => proactive.filter((r) => r.conversationId === channel.conversation.id);
  async function duringPass<T>(pass: () => Promise<T>): Promise<T> {
    const off = connector.onRecord((r) => {
      if ((r.activity.type ?? 'message') === 'message' && r.operation !== 'update') proactive.push(r);
    });
    try {
      return await pass();
    } finally {
      off();
    }
  }
  const runNotifications = (authorization?: string | null): ReturnType<ProductBot['runNotifications']> => duringPass(() => bot.runNotifications(authorization));
  const nextDayPass = (): Promise<PassSummary> => duringPass(() => bot.product.notifications.runPass(new Date(t0 + ++day * DAY_MS)));
  const text = (r: ConnectorRecord | undefined): string => cardText(cardsOfActivity(r?.activity ?? {})[0]);

  beforeAll(async () => {
    connector = await startFakeConnector();
    proxy = await FaultyConnector.start(connector);
    sample = await startSampleEnvironment();
    state = tempStateDir();
    await startBot();
  });
  afterAll(async () => {
    await bot.close();
    await sample.close();
    await proxy.close();
    await connector.close();
    state.remove();
  });

  test('"watch sample daily at 08:00" in a channel subscribes it', async () => {
    const res = await channel.sendText('watch sample daily at 08:00', { mention: true });
    expect(res.status).toBe(200);
    const [confirmation] = bot.messages(channel.conversation.id);
    expect(text(confirmation)).toContain(`Now watching ${LAB_NAMES.workspace}`);
    const subscriptions = await bot.product.notifications.list(channel.conversation.id);
    expect(subscriptions.map((s) => s.workspace.id)).toEqual([WORKSPACE_ID]);
    expect(posted()).toHaveLength(0);
  });

  test('POST /api/notifications/run needs the admin bearer', async () => {
    expect((await runNotifications(null)).status).toBe(401);
    expect((await runNotifications('Bearer not-the-admin-token-but-just-as-long-0000')).status).toBe(401);
    expect(posted()).toHaveLength(0);
  });

  test('the first pass posts exactly one baseline summary into the channel (the baseline taken at subscribe)', async () => {
    const res = await runNotifications();
    expect(res.status).toBe(200);
    expect((res.body as PassSummary).scans).toEqual([]);
    const cards = posted();
    expect(cards).toHaveLength(1);
    expect(text(cards[0])).toMatch(new RegExp(`Now watching ${LAB_NAMES.workspace}: \\d+ failing, 0 not assessed`));
    expect(cards[0]?.hadAuthorization).toBe(false);
    // A second trigger right away: not due, nothing more.
    expect((await runNotifications()).status).toBe(200);
    expect(posted()).toHaveLength(1);
  });

  test('a change in the workspace posts exactly one change card naming it', async () => {
    sample.arm.patch(WORKSPACE_ID, { publicNetworkAccess: 'Disabled' }); // resolves AML-NET-001
    sample.arm.patch(STORAGE_ID, { allowSharedKeyAccess: true, minimumTlsVersion: 'TLS1_0' }); // a new failure
    const summary = await nextDayPass();
    expect(summary.scans.map((s) => s.outcome)).toEqual(['changed']);
    const cards = posted();
    expect(cards).toHaveLength(2);
    const change = text(cards[1]);
    // Public access off resolves the public-access check and its IP allow-list companion; TLS 1.0 is new.
    expect(change).toMatch(new RegExp(`^${LAB_NAMES.workspace}: 1 new finding, 2 resolved\n`));
    expect(change).toMatch(/New findings\n[^\n]*AML-DP-004 · [^\n]*TLS 1\.2[^\n]*· stmlopsv20001prod\nResolved\n/);
    expect(change).toMatch(/Resolved\n[^\n]*AML-NET-001 ·[^\n]*\n[^\n]*AML-NET-015 ·/);
  });

  test('a pass with no change posts nothing', async () => {
    const summary = await nextDayPass();
    expect(summary.scans.map((s) => s.outcome)).toEqual(['unchanged']);
    expect(posted()).toHaveLength(2);
  });

  test('after a restart over the same state, nothing is posted twice', async () => {
    await bot.close();
    await startBot();
    expect((await runNotifications()).status).toBe(200);
    const summary = await nextDayPass();
    expect(summary.scans.map((s) => s.outcome)).toEqual(['unchanged']);
    expect(summary.outbox.sent).toBe(0);
    expect(posted()).toHaveLength(2);
  });

  test('a 429 with Retry-After is retried and the card arrives once', async () => {
    proxy.inject({ conversationId: channel.conversation.id, status: 429, code: 'Throttled', retryAfter: 1, times: 1 });
    sample.arm.patch(WORKSPACE_ID, { publicNetworkAccess: 'Enabled' });
    await nextDayPass();
    const cards = posted();
    expect(cards).toHaveLength(3);
    expect(text(cards[2])).toMatch(new RegExp(`^${LAB_NAMES.workspace}: 2 new findings\n`));
    const attempts = proxy.attemptsIn(channel.conversation.id).slice(-2);
    expect(attempts.map((a) => [a.status, a.injected])).toEqual([
      [429, true],
      [200, false],
    ]);
  });

  test('a 403 (MessageWritesBlocked) disables the subscription and nothing more is posted', async () => {
    proxy.inject({ conversationId: channel.conversation.id, status: 403, code: 'MessageWritesBlocked' });
    const attemptsBefore = proxy.attemptsIn(channel.conversation.id).length;
    sample.arm.patch(WORKSPACE_ID, { publicNetworkAccess: 'Disabled' });
    const summary = await nextDayPass();
    expect(summary.outbox.subscriptionsDisabled).toBe(1);
    expect(posted()).toHaveLength(3);
    const attemptsAfter403 = proxy.attemptsIn(channel.conversation.id).length;
    expect(proxy.attemptsIn(channel.conversation.id).slice(attemptsBefore).map((a) => a.status)).toEqual([403]); // not retried

    // Further changes and passes: the subscription is paused, no scan, no send attempt.
    sample.arm.patch(WORKSPACE_ID, { publicNetworkAccess: 'Enabled' });
    const later = await nextDayPass();
    expect(later.scans).toHaveLength(0);
    expect((await runNotifications()).status).toBe(200);
    expect(proxy.attemptsIn(channel.conversation.id)).toHaveLength(attemptsAfter403);
    expect(posted()).toHaveLength(3);

    const [subscription] = await bot.product.notifications.list(channel.conversation.id);
    expect(subscription?.enabled).toBe(false);
    // Once the bot may write here again (re-added), the channel can ask what it watches: paused, with the reason.
    proxy.clear();
    const before = bot.messages(channel.conversation.id).length;
    await channel.sendText('what do we watch?', { mention: true });
    const listing = text(bot.messages(channel.conversation.id)[before]);
    expect(listing).toContain(LAB_NAMES.workspace);
    expect(listing).toMatch(/paused: Teams refused the post \(403 MessageWritesBlocked\)/);
  });
});
