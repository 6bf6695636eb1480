/**
 * Review items 4 and 5 end to end, through the real HTTP server, the fake Bot Connector and the sample environment:
 * a workshop answer that reads like a scan request is graded as an answer; `reset` during a pending prompt shows
 * the confirm card listing the last scan, the workshop and the watch; Yes deletes them (and stops the watch);
 * No-op afterwards.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { lastScanKey } from '../../src/dialogs/scan-state';
import { workshopKey } from '../../src/dialogs/workshop/session';
import { SUBSCRIPTION_PREFIX } from '../../src/notifications/subscriptions';
import { cardText, startFakeConnector, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';
import { actionsOf, invokeCard, repliesTo, type Json } from '../support/e2e-cards';
import type { LocalBotClient } from '../support/bot-client';

describe('reset and workshop answers through the fake Bot Connector', () => {
  const store = createMemoryStore();
  let connector: LocalConnector;
  let bot: ProductBot;
  let user: LocalBotClient;

  /** The texts (card text or message text) and cards the bot posted in answer to one message or click. */
  const answerTo = async (act: () => Promise<{ status: number }>): Promise<{ texts: string[]; cards: Json[] }> => {
    const reply = await repliesTo(connector, user.conversation.id, act);
    expect(reply.status).toBe(200);
    return reply;
  };
  const say = (text: string): ReturnType<typeof answerTo> => answerTo(() => user.sendText(text));

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector, store });
    user = bot.client('personal');
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  test('a scan, a watch and a workshop leave data in the store', async () => {
    await say('scan sample');
    await say('watch sample daily at 08:00');
    const started = await say('start workshop network');
    expect(started.texts.join('\n')).toContain('Question 1 of 9');
    expect(await store.get(lastScanKey(user.conversation.id))).toBeDefined();
    expect(await store.get(workshopKey(user.conversation.id))).toBeDefined();
    expect(await store.list(SUBSCRIPTION_PREFIX)).toHaveLength(1);
  });

  test('an answer that starts with "Check the workspace network" is graded, not taken for a scan', async () => {
    const answer = await say('Check the workspace network: turn off public network access, ExpressRoute from the office and a private endpoint');
    const text = answer.texts.join('\n');
    expect(text).toContain('Key points covered');
    expect(text).toContain('Question 2 of 9');
    expect(text).not.toMatch(/Which workspace|Scanning/);
  });

  let confirm: Json | undefined;

  test('"reset" during a pending prompt shows what will be deleted, watch included', async () => {
    const reply = await say('reset');
    confirm = reply.cards[0];
    const text = cardText(confirm);
    expect(text).toContain('This deletes:');
    expect(text).toContain("this conversation's last scan report");
    expect(text).toContain('your workshop progress and answers');
    expect(text).toMatch(/1 watch of this conversation \(.+\) — scheduled scans and notifications here stop/);
    // Nothing is deleted before Yes, and "reset" was not graded as an answer.
    expect((await store.get<{ answers: Record<string, unknown> }>(workshopKey(user.conversation.id)))?.value.answers).not.toHaveProperty('NS-02');
  });

  test('Yes deletes it all and says what went; the workshop and the watch are gone', async () => {
    const yes = actionsOf(confirm).find((a) => a.title === 'Yes, delete');
    expect(yes).toBeDefined();
    // Action.Execute: the answer replaces the confirmation card.
    const done = await user.execute(yes!.verb, yes!.data);
    expect(cardText(invokeCard(done.body))).toContain('Deleted 3 records');
    expect(await store.get(lastScanKey(user.conversation.id))).toBeUndefined();
    expect(await store.get(workshopKey(user.conversation.id))).toBeUndefined();
    expect(await store.list(SUBSCRIPTION_PREFIX)).toEqual([]);
    expect((await say('what do we watch?')).texts.join('\n')).toContain('does not watch any workspace');
    expect((await say('workshop status')).texts.join('\n')).toContain('There is no workshop in progress');
  });

  test('"forget me" with nothing left says so', async () => {
    expect((await say('forget me')).texts.join('\n')).toContain('nothing stored');
  });
});
