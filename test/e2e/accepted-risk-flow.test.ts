/**
 * Accepted risk end to end, in one process: a channel accepts a failed finding from its card, the next scan
 * counts it as accepted, a watch posts its baseline; then the clock moves — to the reminder day (the channel
 * and the owner's personal chat get one reminder each, with Renew and Revoke, and never again), to the last
 * day (still accepted), and past the expiry (the finding fails again and the channel gets one change card,
 * which the next scheduled scan does not repeat); the owner renews from their personal chat; in words, accepting the
 * same risk again renews it, and a check the last scan shows passing is refused. Real server, fake Bot Connector, embedded sample ARM.
 */
import { dayAfter } from '../../src/exceptions/model';
import { LAB_NAMES } from '../../src/sample';
import { cardText, messagesIn, startFakeConnector, type ConnectorRecord, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';
import { actionsOf, cardRecords, cardsOfActivity, executeAction, invokeCard, type Json } from '../support/e2e-cards';
import type { LocalBotClient } from '../support/bot-client';

const CHECK = 'AML-NET-001';
const DAY_MS = 24 * 3600_000;

describe('accepted risk through the fake Bot Connector: accept, count, remind once, expire once', () => {
  let connector: LocalConnector;
  let bot: ProductBot;
  let channel: LocalBotClient;
  let personal: LocalBotClient;
  /** The bot's clock for exceptions and notification passes; the test moves it. */
  let now = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 10, 7, 0));
  const expires = dayAfter(now, 10);
  const at = (day: string, time: string): void => {
    now = new Date(`${day}T${time}:00.000Z`);
  };

  /** Messages posted during notification passes (proactive), per conversation. */
  const proactive: ConnectorRecord[] = [];
  async function pass(): Promise<void> {
    const off = connector.onRecord((r) => {
      if ((r.activity.type ?? 'message') === 'message' && r.operation !== 'update') proactive.push(r);
    });
    try {
      // The admin route runs the pass as the timer does: at the bot's clock.
      expect((await bot.runNotifications()).status).toBe(200);
    } finally {
      off();
    }
  }
  const postedIn = (client: LocalBotClient): string[] =>
    proactive.filter((r) => r.conversationId === client.conversation.id).map((r) => cardText(cardsOfActivity(r.activity)[0]));
  const reminders = (client: LocalBotClient): string[] => postedIn(client).filter((t) => t.includes('Accepted risk expires soon'));
  const changeCards = (): string[] => postedIn(channel).filter((t) => /new finding/.test(t));

  /** "scan sample" in the channel; the summary card it ends with. */
  async function scanSummary(): Promise<Json> {
    await channel.sendText('scan sample', { mention: true });
    const summary = cardRecords(connector, channel.conversation.id)
      .filter((r) => cardText(r.card).includes('Security baseline scan'))
      .at(-1)?.card;
    expect(summary).toBeDefined();
    return summary!;
  }
  const countOf = (summary: Json, label: string): number => Number(new RegExp(`^${label}\\n(\\d+)$`, 'm').exec(cardText(summary))?.[1] ?? 0);

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector, clock: () => now });
    channel = bot.client('channel');
    personal = bot.client('personal'); // the same person, in their personal chat with the bot
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  let failedBefore: number;

  test('Accept risk on a failed finding card opens the form; submitting it records the exception', async () => {
    await personal.sendText('help');
    const summary = await scanSummary();
    failedBefore = countOf(summary, 'Failed');
    expect(failedBefore).toBeGreaterThan(0);
    const showAll = executeAction(summary, 'scan.page')!;
    const list = invokeCard((await channel.execute(showAll.verb, showAll.data)).body);
    const details = executeAction(list, 'scan.detail', (d) => d.checkId === CHECK)!;
    const detail = invokeCard((await channel.execute(details.verb, details.data)).body);
    const acceptRisk = actionsOf(detail).find((a) => a.type === 'Action.Execute' && a.verb === 'exceptions.form');
    expect(acceptRisk?.title).toBe('Accept risk');

    await channel.execute('exceptions.form', acceptRisk!.data);
    const form = cardRecords(connector, channel.conversation.id).at(-1)?.card;
    expect(cardText(form)).toContain(`Accept risk: ${CHECK}`);
    const submit = executeAction(form, 'exceptions.accept')!;
    const accepted = await channel.execute(submit.verb, { ...submit.data, reason: 'partner network needs the studio', owner: 'Local User', expires, scope: 'workspace' });
    expect(cardText(invokeCard(accepted.body))).toContain(`Risk accepted: ${CHECK}`);
  });

  test('the next scan counts the finding as accepted, apart from failed', async () => {
    const summary = await scanSummary();
    expect(countOf(summary, 'Accepted risk')).toBe(1);
    expect(countOf(summary, 'Failed')).toBe(failedBefore - 1);
  });

  test('a watch started now posts its baseline and no reminder while the expiry is more than 7 days away', async () => {
    await channel.sendText('watch sample daily at 08:00 UTC', { mention: true });
    await pass();
    expect(postedIn(channel)).toHaveLength(1);
    expect(postedIn(channel)[0]).toContain(`Now watching ${LAB_NAMES.workspace}`);
    at(dayAfter(now, 2), '09:00'); // 8 days left
    await pass();
    expect(reminders(channel)).toEqual([]);
  });

  test('7 days before expiry the channel and the owner in personal chat get one reminder each with Renew and Revoke, sent once', async () => {
    at(dayAfter(now, 1), '09:00');
    await pass();
    expect(reminders(channel)).toHaveLength(1);
    expect(reminders(personal)).toHaveLength(1);
    expect(reminders(channel)[0]).toContain(`expires in 7 days (${expires})`);
    const reminderCard = cardsOfActivity(proactive.find((r) => r.conversationId === personal.conversation.id)!.activity)[0];
    expect(actionsOf(reminderCard).map((a) => a.title)).toEqual(['Renew', 'Revoke']);

    at(dayAfter(now, 1), '09:00');
    await pass();
    at(expires, '09:00'); // the last day: still accepted, no news
    await pass();
    expect(reminders(channel)).toHaveLength(1);
    expect(reminders(personal)).toHaveLength(1);
    expect(changeCards()).toEqual([]);
  });

  test('past the expiry the finding fails again: one change card, not repeated by the next scheduled scan', async () => {
    at(dayAfter(now, 1), '00:30');
    await pass();
    expect(changeCards()).toHaveLength(1);
    expect(changeCards()[0]).toContain(CHECK);
    expect(proactive.filter((r) => r.conversationId === channel.conversation.id).at(-1)?.activity.summary).toContain(`the accepted risk ${CHECK} expired`);
    at(dayAfter(now, 0), '09:00');
    await pass();
    now = new Date(now.getTime() + DAY_MS);
    await pass();
    expect(changeCards()).toHaveLength(1);

    const summary = await scanSummary();
    expect(countOf(summary, 'Accepted risk')).toBe(0);
    expect(countOf(summary, 'Failed')).toBe(failedBefore);
  });

  test("the owner's Renew on the reminder in their personal chat accepts the channel's finding again", async () => {
    const reminderCard = cardsOfActivity(proactive.find((r) => r.conversationId === personal.conversation.id)!.activity)[0];
    const renew = executeAction(reminderCard, 'exceptions.renew')!;
    const until = dayAfter(now, 30);
    const renewed = await personal.execute(renew.verb, { ...renew.data, expires: until });
    expect(cardText(invokeCard(renewed.body))).toContain(`renewed it until ${until}`);
    const summary = await scanSummary();
    expect(countOf(summary, 'Accepted risk')).toBe(1);
  });

  test('in words, accepting the same risk again renews its one exception, and a check the last scan shows passing is refused', async () => {
    const say = async (text: string): Promise<string> => {
      await channel.sendText(text, { mention: true });
      return messagesIn(connector, channel.conversation.id).at(-1)?.activity.text ?? '';
    };
    expect(await say(`accept ${CHECK.toLowerCase()} on sample for 20 days: partner network, still`)).toContain(`${CHECK} on ${LAB_NAMES.workspace} was already accepted until`);
    const listing = await say('show exceptions');
    expect(listing.split('\n').filter((line) => line.includes(CHECK))).toHaveLength(1);
    expect(listing).toContain(`${dayAfter(now, 20)}): partner network, still`);

    await say('scan sample:hardened');
    expect(await say('accept AML-NET-010 on sample:hardened for 30 days: vendor')).toMatch(/^I saved nothing: AML-NET-010 passes on .* in the last scan here/);
  });
});
