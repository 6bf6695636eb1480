/**
 * The lab's typed replies among the other features, through the real HTTP server and the fake Bot Connector: a
 * message that is nothing but lab parameters is the lab's even while a workshop question is open, and the lab's
 * wait for a workspace name ends when the user does something else.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { workshopKey } from '../../src/dialogs/workshop/session';
import type { WorkshopRecord } from '../../src/knowledge/workshop-record';
import { startFakeConnector, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';
import { repliesTo } from '../support/e2e-cards';
import type { LocalBotClient } from '../support/bot-client';

const PARAMS = 'subscriptionId=1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001 namespace=mlopsv2 postfix=0001 location=eastus environment=prod';

describe('the lab\'s typed replies among the other features, through the fake Bot Connector', () => {
  const store = createMemoryStore();
  let connector: LocalConnector;
  let bot: ProductBot;

  const say = async (user: LocalBotClient, text: string): Promise<string> => {
    const reply = await repliesTo(connector, user.conversation.id, () => user.sendText(text));
    expect(reply.status).toBe(200);
    return reply.texts.join('\n');
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector, store });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  test('lab parameters typed after "continue workshop" are saved for the lab, not graded as the workshop answer', async () => {
    const user = bot.client('personal', { id: 'conv-params' });
    expect(await say(user, 'start workshop')).toContain('All categories');
    const started = await repliesTo(connector, user.conversation.id, () => user.submit({ verb: 'workshop.start', all: true }));
    expect(started.texts.join('\n')).toContain('Question 1 of 25');
    await say(user, 'start lab');
    expect(await say(user, 'lab params')).toContain('Lab parameters');
    expect(await say(user, 'continue workshop')).toContain('Question 1 of 25');

    const reply = await say(user, PARAMS);
    expect(reply).toContain('Lab parameters saved');
    expect(reply).not.toContain('Key points covered');
    expect((await store.get<WorkshopRecord>(workshopKey(user.conversation.id)))?.value.answers).toEqual({});
    // The workshop question is still open: an answer in words is graded.
    expect(await say(user, 'ExpressRoute from the office and a private endpoint for the workspace')).toContain('Key points covered');
  });

  test('after "lab find" and another command, a check id is answered as a question, not looked up as a workspace', async () => {
    const user = bot.client('personal', { id: 'conv-find' });
    await say(user, 'start lab');
    expect(await say(user, 'lab find')).toContain('Which workspace');
    await say(user, 'scan sample');
    const reply = await say(user, 'AML-NET-010');
    expect(reply).not.toContain('could not find the workspace');
    expect(reply).toContain('AML-NET-010 · The workspace\'s storage account is not open to public networks');
  });

  test('a button of another feature ends the wait too', async () => {
    const user = bot.client('personal', { id: 'conv-button' });
    await say(user, 'start lab');
    expect(await say(user, 'lab find')).toContain('Which workspace');
    expect((await repliesTo(connector, user.conversation.id, () => user.submit({ verb: 'baseline.show' }))).status).toBe(200);
    expect(await say(user, 'mlw-mlops-0001prod')).not.toMatch(/could not find the workspace|Found workspace|Several workspaces/);
  });
});
