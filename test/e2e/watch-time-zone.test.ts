/**
 * Watching through the fake Bot Connector: "daily at 08:00" is in the user's own time zone (Teams sends it as the
 * activity's `localTimezone`) unless they name one; the zone is stored, scheduled in and shown; the confirmation
 * shows the whole resource id, says what the baseline taken at subscribe found, and its Unwatch button stops the watch.
 */
import { SAMPLE_WORKSPACE_IDS } from '../../src/sample';
import { dueSlot } from '../../src/notifications/scheduler';
import { cardText } from '../support/fake-connector';
import { productBotForSuite, type ProductBot } from '../support/e2e-bot';
import { cardsOfActivity, executeAction, invokeCard, invokeMessage } from '../support/e2e-cards';
import type { LocalBotClient } from '../support/bot-client';

const WORKSPACE_ID = SAMPLE_WORKSPACE_IDS['lab-default'];

describe('watch schedules in the user time zone, through the fake Bot Connector', () => {
  const productBot = productBotForSuite();
  let bot: ProductBot;
  beforeAll(() => {
    bot = productBot();
  });

  /** Sends the text and returns the card the bot answered with. */
  async function watch(client: LocalBotClient, text: string): Promise<Record<string, unknown>> {
    const before = bot.messages(client.conversation.id).length;
    expect((await client.sendText(text)).status).toBe(200);
    const [reply] = bot.messages(client.conversation.id).slice(before);
    const [card] = cardsOfActivity(reply?.activity ?? {});
    expect(card).toBeDefined();
    return card!;
  }

  const subscriptionOf = async (client: LocalBotClient) => {
    const [subscription] = await bot.product.notifications.list(client.conversation.id);
    expect(subscription).toBeDefined();
    return subscription!;
  };

  test('"daily at 08:00" from a user in Berlin is 08:00 Berlin time, stored, scheduled and shown', async () => {
    const user = bot.client('personal', { localTimezone: 'Europe/Berlin' });
    const card = await watch(user, 'watch sample daily at 08:00');
    const subscription = await subscriptionOf(user);
    expect(subscription.schedule).toEqual({ cron: '0 8 * * *', timezone: 'Europe/Berlin' });
    const text = cardText(card);
    expect(text).toContain('daily at 08:00 (Europe/Berlin)');
    expect(text).toContain('Times are in Europe/Berlin, your time zone in Teams.');
    // Scheduled in that zone: after a winter midnight (UTC+1) the next run is 07:00 UTC, in summer (UTC+2) 06:00 UTC.
    expect(dueSlot(subscription, { lastSlot: '2027-01-10T00:00:00.000Z', lastRunAt: '2027-01-10T00:00:00.000Z', runs: 1 }, new Date('2027-01-10T12:00:00Z'))).toBe('2027-01-10T07:00:00.000Z');
    expect(dueSlot(subscription, { lastSlot: '2027-07-10T00:00:00.000Z', lastRunAt: '2027-07-10T00:00:00.000Z', runs: 1 }, new Date('2027-07-10T12:00:00Z'))).toBe('2027-07-10T06:00:00.000Z');
  });

  test('a time zone typed in the command wins over the one Teams reports', async () => {
    const user = bot.client('personal', { localTimezone: 'Europe/Berlin' });
    const card = await watch(user, 'watch sample weekdays at 7:15 America/New_York');
    expect((await subscriptionOf(user)).schedule).toEqual({ cron: '15 7 * * 1-5', timezone: 'America/New_York' });
    // As Teams renders it: the Markdown escape before "_" is not shown.
    const shown = cardText(card).replace(/\\(.)/g, '$1');
    expect(shown).toContain('on weekdays at 07:15 (America/New_York)');
    expect(shown).toContain('Times are in America/New_York.');
  });

  test('without a reported or typed zone the schedule is UTC, and the card says how to name another', async () => {
    const user = bot.client('personal');
    const card = await watch(user, 'watch sample daily at 08:00');
    expect((await subscriptionOf(user)).schedule.timezone).toBe('UTC');
    expect(cardText(card)).toMatch(/Times are in UTC\. For another time zone, name it last: "watch sample daily at 08:00 Europe\/Berlin"/);
  });

  test('a time zone the client reports that is not a real one is ignored, not stored', async () => {
    const user = bot.client('personal', { localTimezone: 'Mars/Olympus_Mons' });
    await watch(user, 'watch sample daily at 08:00');
    expect((await subscriptionOf(user)).schedule.timezone).toBe('UTC');
  });

  test('the confirmation shows the whole resource id wrapped, says what the baseline found, and has Unwatch', async () => {
    const user = bot.client('personal', { localTimezone: 'Europe/Berlin' });
    const card = await watch(user, 'watch sample daily at 08:00');
    const idBlock = findBlock(card, WORKSPACE_ID);
    expect(idBlock).toMatchObject({ type: 'TextBlock', text: WORKSPACE_ID, wrap: true });
    expect(cardText(card)).toMatch(/Baseline taken now: \d+ failing, \d+ not assessed\. Its findings follow here within a minute/);

    const unwatch = executeAction(card, 'watch.remove');
    expect(unwatch).toBeDefined();
    const clicked = await user.execute(unwatch!.verb, unwatch!.data);
    expect(clicked.status).toBe(200);
    expect(invokeCard(clicked.body) ?? invokeMessage(clicked.body)).toBeDefined();
    expect(await bot.product.notifications.list(user.conversation.id)).toEqual([]);
    expect(invokeMessage(clicked.body)).toMatch(/^Stopped watching /);
  });
});

/** The first element of the card whose `text` is exactly `text`. */
function findBlock(node: unknown, text: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findBlock(item, text);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (record['text'] === text) return record;
  return findBlock(Object.values(record), text);
}
