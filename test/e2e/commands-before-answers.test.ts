/**
 * Commands and buttons run before a pending workshop prompt's free-text answer, through the real HTTP server and
 * the fake Bot Connector; and `signin`, `signout` and `checks` each get a real answer (bot mode, no Azure scope).
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { workshopKey } from '../../src/dialogs/workshop/session';
import { allChecks } from '../../src/checks/registry';
import { CATEGORY_TITLES } from '../../src/checks/types';
import type { WorkshopRecord } from '../../src/knowledge/workshop-record';
import { cardText, startFakeConnector, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';
import { repliesTo, type Json } from '../support/e2e-cards';
import { cardSchemaErrors } from '../support/card-schema';
import type { LocalBotClient } from '../support/bot-client';

describe('commands and buttons before a pending prompt, through the fake Bot Connector', () => {
  const store = createMemoryStore();
  let connector: LocalConnector;
  let bot: ProductBot;

  const answerTo = async (user: LocalBotClient, act: () => Promise<{ status: number }>): Promise<{ texts: string[]; cards: Json[] }> => {
    const reply = await repliesTo(connector, user.conversation.id, act);
    expect(reply.status).toBe(200);
    return reply;
  };
  const session = async (user: LocalBotClient): Promise<WorkshopRecord | undefined> => (await store.get<WorkshopRecord>(workshopKey(user.conversation.id)))?.value;

  /** A new personal chat with a workshop prompt waiting for an answer. */
  const inWorkshop = async (id: string): Promise<LocalBotClient> => {
    const user = bot.client('personal', { id });
    const started = await answerTo(user, () => user.sendText('start workshop network'));
    expect(started.texts.join('\n')).toContain('Question 1 of');
    return user;
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector, store });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  test('typing "start lab" with a prompt open starts the lab and pauses the workshop; it is not graded', async () => {
    const user = await inWorkshop('conv-typed-lab');
    const reply = (await answerTo(user, () => user.sendText('start lab'))).texts.join('\n');
    expect(reply).not.toContain('Key points covered');
    expect(reply).toContain('You were in the workshop: I paused it at question 1');
    expect(reply).toContain('You are on exercise 1');
    expect(await session(user)).toMatchObject({ status: 'paused', answers: {} });
  });

  test('clicking "Start the lab" on the welcome card does the same', async () => {
    const user = await inWorkshop('conv-button-lab');
    const reply = (await answerTo(user, () => user.submit({ verb: 'welcome.lab' }))).texts.join('\n');
    expect(reply).not.toContain('Key points covered');
    expect(reply).toContain('You are on exercise 1');
    expect(await session(user)).toMatchObject({ status: 'paused', answers: {} });
  });

  test('a short command that is not the lab runs and leaves the prompt open; free text is still the answer', async () => {
    const user = await inWorkshop('conv-checks');
    const catalog = await answerTo(user, () => user.sendText('checks'));
    expect(catalog.texts.join('\n')).toContain(`The check catalog: ${allChecks.length} checks`);
    expect((await session(user))?.answers).toEqual({});
    const answer = await answerTo(user, () => user.sendText('ExpressRoute from the office, a private endpoint for the workspace and private DNS'));
    expect(answer.texts.join('\n')).toContain('Key points covered');
  });

  test.each([
    ['check rbac on sample', /Scanning the sample/],
    ['watch sample daily at 08:00', /Now watching/],
    ['watch sample every 6 hours with a weekly digest', /Now watching/],
    ['defender status for subscription 1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001', /Defender|subscription/i],
    ['accept AML-NET-010 on sample for 30 days: testing', /AML-NET-010/],
    ['scan the sample workspace', /sample|mlw-/i],
    ['show me the lab status', /You have not started the lab yet|Your lab progress/],
    ['status', /question 1 of/i],
  ])('with a prompt open, "%s" runs as the command it is written as; nothing is graded', async (text, answer) => {
    const user = await inWorkshop(`conv-runs-${text.replace(/\W+/g, '-')}`);
    const reply = await answerTo(user, () => user.sendText(text));
    const all = [...reply.texts, ...reply.cards.map((card) => cardText(card))].join('\n');
    expect(all).not.toContain('Key points covered');
    expect(all).toMatch(answer);
    expect((await session(user))?.answers).toEqual({});
  });

  test.each([
    ['can we pause the workshop please', 'paused'],
    ['please stop the workshop now', 'done'],
  ])('with a prompt open, the polite "%s" controls the workshop', async (text, status) => {
    const user = await inWorkshop(`conv-polite-${status}`);
    const reply = (await answerTo(user, () => user.sendText(text))).texts.join('\n');
    expect(reply).not.toContain('Key points covered');
    expect(await session(user)).toMatchObject({ status, answers: {} });
  });

  test.each(['watch the activity logs', 'link private DNS zones'])('with a prompt open, "%s" — a command word with arguments no command takes — is graded as the answer', async (text) => {
    const user = await inWorkshop(`conv-answer-${text.replace(/\W+/g, '-')}`);
    const reply = (await answerTo(user, () => user.sendText(text))).texts.join('\n');
    expect(reply).toContain('Key points covered');
    expect(Object.keys((await session(user))?.answers ?? {})).toHaveLength(1);
  });

  test('reading the lab leaves the workshop question open', async () => {
    const user = await inWorkshop('conv-lab-read');
    const reply = (await answerTo(user, () => user.sendText('lab status'))).texts.join('\n');
    expect(reply).not.toContain('I paused it');
    expect(await session(user)).toMatchObject({ status: 'active', answers: {} });
  });

  test('in the lab, with no workshop question open, the bare control words and lab phrases are the lab\'s', async () => {
    const user = bot.client('personal', { id: 'conv-lab-words' });
    await answerTo(user, () => user.sendText('start lab'));
    await answerTo(user, () => user.sendText('lab exercise 2'));
    const says = async (text: string): Promise<string> => {
      const reply = await answerTo(user, () => user.sendText(text));
      return [...reply.texts, ...reply.cards.map((card) => cardText(card))].join('\n');
    };
    expect(await says('next')).toMatch(/Exercise 3\b/);
    expect(await says('back')).toMatch(/Exercise 2\b/);
    for (const text of ['skip', 'continue', 'done', 'validate', 'hint', 'find my workspace', 'status']) {
      const reply = await says(text);
      expect(reply).not.toContain('no workshop in progress');
      expect(reply).not.toContain('Key points covered');
      expect(reply).not.toMatch(/I'm not sure|outside what I cover/);
    }
  });

  test('"checks" shows the catalog by category, every check once', async () => {
    const user = bot.client('personal', { id: 'conv-catalog' });
    const { cards } = await answerTo(user, () => user.sendText('list checks'));
    expect(cardSchemaErrors(cards[0])).toEqual([]);
    const text = cardText(cards[0]);
    for (const title of Object.values(CATEGORY_TITLES)) expect(text).toContain(title);
    for (const check of allChecks) expect(text).toContain(check.id);
  });

  test.each(['sign in', 'signout', 'sign out'])('"%s" explains that there is nothing to sign in to (this bot has no Azure scope)', async (text) => {
    const user = bot.client('personal', { id: `conv-${text.replace(/\s/g, '-')}` });
    const reply = (await answerTo(user, () => user.sendText(text))).texts.join('\n');
    expect(reply).toContain('No sign-in needed: this bot is not connected to Azure yet');
    expect(reply).not.toContain('I did not catch that');
  });
});
