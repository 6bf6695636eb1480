/**
 * What an Action.Execute invoke answers when the feature posted its answer as new messages (review 2, item 10).
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { createBot } from '../../src/bot/app';
import { ANSWERED_BELOW } from '../../src/bot/message-handler';
import type { Feature } from '../../src/dialogs/feature';
import { silentLogger } from '../../src/logging';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { testConfig } from '../support/bot-client';
import { testConversation } from '../support/conversation';

function harness(features: Feature[]) {
  const bot = createBot({ config: testConfig(), logger: silentLogger(), store: new MemoryGuardianStore(), conversation: testConversation(features) });
  return new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
}

const execute = (verb: string) => ({ type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', value: { action: { type: 'Action.Execute', verb, data: {} } } });
const invokeText = (a: Partial<Activity>): unknown => (a.value as { body?: { value?: unknown } } | undefined)?.body?.value;

test('a feature that answered with a new message: the reply first, then a short invoke answer pointing to it', async () => {
  const feature: Feature = {
    name: 'scan',
    onAction: async (port) => {
      await port.sendText('the related checks are running');
      return { kind: 'handled' };
    },
  };
  await harness([feature])
    .send(execute('scan.run-checks'))
    .assertReply('the related checks are running')
    .assertReply((a) => {
      expect(a.type).toBe('invokeResponse');
      expect(invokeText(a)).toBe(ANSWERED_BELOW);
    })
    .startTest();
  expect(ANSWERED_BELOW).toBe('Done — see my reply below.');
});

test('a card answer still replaces the clicked card, with no "done" text', async () => {
  const feature: Feature = { name: 'scan', onAction: () => Promise.resolve({ kind: 'card', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Scanning ws…' }] } }) };
  await harness([feature])
    .send(execute('scan.run'))
    .assertReply((a) => {
      const body = (a.value as { body: { type: string; value: unknown } }).body;
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(body.value)).toContain('Scanning ws…');
    })
    .startTest();
});
