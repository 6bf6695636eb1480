/**
 * The bot's routes under botbuilder's TestAdapter (no HTTP): enough for routing, mentions and invoke responses.
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { createBot } from '../../src/bot/app';
import type { Feature } from '../../src/dialogs/feature';
import { createLogger, silentLogger } from '../../src/logging';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { testConfig } from '../support/bot-client';
import { answeringEveryMessage, testConversation } from '../support/conversation';

function harness(features: Feature[] = [], router?: Parameters<typeof createBot>[0]['router']) {
  const bot = createBot({ config: testConfig(), logger: silentLogger(), store: new MemoryGuardianStore(), conversation: testConversation(features), ...(router ? { router } : {}) });
  return new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
}

const cardTitle = (a: Partial<Activity>): unknown => (a.attachments?.[0]?.content as { body?: { text?: string }[] } | undefined)?.body?.[0]?.text;

test('"hi" gets the help card, without the not-understood line', async () => {
  await harness()
    .send('hi')
    .assertReply((a) => expect(cardTitle(a)).toBe('What I can do'))
    .startTest();
});

test('the injected router decides what a message means, and features see its result', async () => {
  const routed: string[] = [];
  const feature: Feature = {
    name: 'scan',
    intents: {
      check: async (intent, { port }) => {
        routed.push(`${intent.kind}:${intent.target ?? ''}`);
        await port.sendText('scanning');
      },
    },
  };
  const router = { route: (text: string) => ({ intent: 'check' as const, check: 'all' as const, target: text.split(' ')[1] ?? '', confidence: 1 }) };
  await harness([feature], router).send('scan ws-1').assertReply('scanning').startTest();
  expect(routed).toEqual(['check:ws-1']);
});

test('free text goes to a pending prompt before the handler of its intent; a command goes past it', async () => {
  const calls: string[] = [];
  const prompt: Feature = { name: 'prompt', onFreeText: async (port, message) => (calls.push(`prompt ${message.text}`), await port.sendText('answered the prompt'), true) };
  const handler = answeringEveryMessage('handler', async ({ port, message }) => (calls.push(`handler ${message.text}`), await port.sendText('handled')));
  await harness([prompt, handler]).send('anything').assertReply('answered the prompt').send('help').assertReply('handled').startTest();
  expect(calls).toEqual(['prompt anything', 'handler help']);
});

test('in a group chat a message without a mention gets no reply', async () => {
  const adapter = harness();
  await adapter.send({ type: 'message', text: 'help', conversation: { id: 'g1', conversationType: 'groupChat', isGroup: true, name: '' } }).startTest();
  expect(adapter.activeQueue).toHaveLength(0);
});

test('an Action.Execute invoke is answered with an invoke response carrying the card', async () => {
  const feature: Feature = {
    name: 'lab',
    onAction: (_port, action) => Promise.resolve({ kind: 'card', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: action.verb }] } }),
  };
  await harness([feature])
    .send({ type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', value: { action: { type: 'Action.Execute', verb: 'lab.next', data: {} } } })
    .assertReply((a) => {
      const value = a.value as { status: number; body: { type: string; value: { body: { text: string }[] } } };
      expect(a.type).toBe('invokeResponse');
      expect(value.status).toBe(200);
      expect(value.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(value.body.value.body[0]?.text).toBe('lab.next');
    })
    .startTest();
});

test('a feature that throws gets the apology, not the error text', async () => {
  const broken = answeringEveryMessage('broken', () => Promise.reject(new Error('secret internal detail')));
  const bot = createBot({ config: testConfig(), logger: silentLogger(), store: new MemoryGuardianStore(), conversation: testConversation([broken]) });
  const adapter = new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
  adapter.onTurnError = bot.adapter.onTurnError;
  await adapter
    .send('boom')
    .assertReply((a) => {
      expect(a.text).toMatch(/^Sorry, something went wrong/);
      expect(a.text).not.toContain('secret internal detail');
    })
    .startTest();
});

test('a crash is logged with a scrubbed stack, the activity type and a reference the apology shows', async () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'error', destination: { write: (line: string) => void lines.push(line) } });
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
  const broken = answeringEveryMessage('broken', () => Promise.reject(new Error(`upstream said Bearer ${token}`)));
  const bot = createBot({ config: testConfig(), logger, store: new MemoryGuardianStore(), conversation: testConversation([broken]) });
  const adapter = new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
  adapter.onTurnError = bot.adapter.onTurnError;
  let shownRef = '';
  await adapter
    .send('boom')
    .assertReply((a) => {
      const match = /\(?ref ([0-9a-f]{6})\)?/.exec(a.text ?? '');
      expect(match).not.toBeNull();
      shownRef = match![1]!;
      expect(a.text).not.toContain('upstream said');
    })
    .startTest();
  const logged = lines.map((l) => JSON.parse(l) as { msg: string; ref: string; activityType: string; err: { stack: string; message: string } }).find((l) => l.msg === 'turn failed');
  expect(logged).toBeDefined();
  expect(logged!.ref).toBe(shownRef);
  expect(logged!.activityType).toBe('message');
  expect(logged!.err.stack).toMatch(/\n\s+at /);
  expect(logged!.err.stack).toContain('upstream said');
  expect(lines.join('\n')).not.toContain(token);
});
