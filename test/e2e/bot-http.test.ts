/**
 * The running server end to end: real Bot Framework activities over HTTP to /api/messages, replies recorded by
 * the fake Bot Connector.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Feature } from '../../src/dialogs/feature';
import { conversationRefKey } from '../../src/bot/conversation';
import { startServer } from '../../src/index';
import { silentLogger } from '../../src/logging';
import { loadPublicPages } from '../../src/public-pages';
import { startBotHarness, testConfig, type BotHarness } from '../support/bot-client';
import { cardOf, cardText } from '../support/fake-connector';
import { answeringEveryMessage, testConversation } from '../support/conversation';
import { showNotUnderstood } from '../../src/dialogs/help';

const echoCard = { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text: 'rechecked' }] };

/** A feature that records what it is offered and owns the `probe.*` verbs. */
function probeFeature(seen: string[]): Feature {
  return {
    name: 'probe',
    intents: {
      none: async (_intent, { port, message }) => {
        seen.push(message.text);
        if (message.text === 'probe me') await port.sendText(`probe saw "${message.text}" in a ${port.conversation.conversationType}`);
        else await showNotUnderstood(port);
      },
    },
    onAction: (_port, action) =>
      Promise.resolve(
        action.verb === 'probe.card'
          ? { kind: 'card', card: { ...echoCard, body: [{ type: 'TextBlock', text: `rechecked ${String(action.data.id)} via ${action.via}` }] } }
          : { kind: 'text', text: `text for ${action.verb}` },
      ),
  };
}

describe('bot over HTTP (local mode)', () => {
  let harness: BotHarness;
  const seen: string[] = [];

  beforeAll(async () => {
    harness = await startBotHarness({ conversation: testConversation([probeFeature(seen)]) });
  });
  afterAll(async () => {
    await harness.close();
  });

  test('GET /healthz answers 200 with version and uptime, and nothing else', async () => {
    const res = await fetch(`${harness.server.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ status: 'ok', version: '9.9.9-test', uptimeSeconds: expect.any(Number) as number });
  });

  test('serves the pages the manifest links to (privacy, terms of use, support) as plain text, to anyone', async () => {
    const pages = loadPublicPages();
    expect(pages.map((p) => p.path).sort()).toEqual(['/privacy', '/support', '/terms-of-use']);
    for (const page of pages) {
      const res = await fetch(`${harness.server.url}${page.path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const text = await res.text();
      expect(text).toBe(page.text);
      expect(text).toMatch(/^Baseline Guardian: /);
    }
  });

  test('a body that is not an activity gets a specific 400, not a 500 with internals', async () => {
    for (const body of ['{}', '[]', '"text"', '{"type": 42}']) {
      const res = await fetch(`${harness.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: string; message: string };
      expect(answer.error).toBe('invalid activity');
      expect(answer.message).not.toMatch(/validateAndFixActivity|at \w+ \(/);
    }
  });

  test('installing in a team welcomes once with the four buttons, and saves the conversation reference', async () => {
    const team = harness.client('channel');
    await team.membersAdded();
    await team.installationUpdate('add'); // Teams sends both; only one welcome.
    const [welcome] = harness.messages(team.conversation.id);
    expect(harness.messages(team.conversation.id)).toHaveLength(1);
    const card = cardOf(welcome!);
    expect(card?.version).toBe('1.5');
    const actions = card?.actions as { type: string; verb: string }[];
    expect(actions.map((a) => [a.type, a.verb])).toEqual(['welcome.workshop', 'welcome.scan', 'welcome.lab', 'welcome.help'].map((v) => ['Action.Execute', v]));
    const ref = await harness.store.get<{ conversation: { id: string }; serviceUrl: string }>(conversationRefKey(team.conversation.id));
    expect(ref?.value.conversation.id).toBe(team.conversation.id);
    expect(ref?.value.serviceUrl).toBe(harness.connector.serviceUrl);
  });

  test('a new member joining a team later is not welcomed again', async () => {
    const team = harness.client('channel');
    await team.membersAdded();
    await team.membersAdded(['29:someone-else']);
    expect(harness.messages(team.conversation.id)).toHaveLength(1);
  });

  test('a personal install welcomes the user', async () => {
    const personal = harness.client('personal');
    await personal.membersAdded([personal.conversation.user.id]);
    const [welcome] = harness.messages(personal.conversation.id);
    expect(cardText(cardOf(welcome!))).toContain('Baseline Guardian');
  });

  test('uninstall forgets the conversation and a reinstall welcomes again', async () => {
    const chat = harness.client('groupChat');
    await chat.installationUpdate('add');
    await chat.installationUpdate('remove');
    expect(await harness.store.get(conversationRefKey(chat.conversation.id))).toBeUndefined();
    await chat.installationUpdate('add');
    expect(harness.messages(chat.conversation.id)).toHaveLength(2);
  });

  test('"help" answers with the help card listing the commands', async () => {
    const personal = harness.client('personal');
    const res = await personal.sendText('help');
    expect(res.status).toBe(200);
    const [reply] = harness.messages(personal.conversation.id);
    const text = cardText(cardOf(reply!));
    for (const example of ['scan sample', 'check rbac on', 'defender status for subscription', 'start workshop', 'watch ‹workspace› daily at 08:00', 'link this channel to']) {
      expect(text).toContain(example);
    }
    expect(text).not.toContain('did not catch');
    // Card renderers treat <word> as HTML and drop it; placeholders use ‹…›.
    expect(text).not.toMatch(/<[a-z]/i);
  });

  test('unknown input gets the help card with a "did not catch that" line', async () => {
    const personal = harness.client('personal');
    await personal.sendText('florp the widgets');
    const [reply] = harness.messages(personal.conversation.id);
    expect(cardText(cardOf(reply!))).toContain('I did not catch that');
  });

  test('in a channel the bot ignores messages without an @mention, and strips the mention when there is one', async () => {
    const channel = harness.client('channel');
    await channel.sendText('probe me');
    expect(harness.messages(channel.conversation.id)).toHaveLength(0);
    await channel.sendText('probe me', { mention: true });
    const [reply] = harness.messages(channel.conversation.id);
    expect(reply?.activity.text).toBe('probe saw "probe me" in a channel');
    expect(seen).toContain('probe me');
    expect(seen.some((s) => s.includes('<at>'))).toBe(false);
  });

  test('a message over 4 KB gets a specific answer and reaches no feature', async () => {
    const personal = harness.client('personal');
    const before = seen.length;
    await personal.sendText('x'.repeat(5000));
    const [reply] = harness.messages(personal.conversation.id);
    expect(reply?.activity.text).toMatch(/too long.*5 KB.*4 KB/);
    expect(seen.length).toBe(before);
  });

  test('control characters are stripped before features see the text', async () => {
    const personal = harness.client('personal');
    await personal.sendText('probe\u0007 me\u202E');
    expect(harness.messages(personal.conversation.id)[0]?.activity.text).toBe('probe saw "probe me" in a personal');
  });

  test('Action.Execute round trip: the feature named by the verb answers with a card in the invoke response', async () => {
    const personal = harness.client('personal');
    const res = await personal.execute('probe.card', { id: 42 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: expect.objectContaining({ type: 'AdaptiveCard' }) as unknown });
    expect(cardText((res.body as { value: unknown }).value)).toBe('rechecked 42 via execute');
  });

  test('Action.Submit goes to the same feature and the card comes as a new message', async () => {
    const personal = harness.client('personal');
    await personal.submit({ verb: 'probe.card', id: 7 });
    const [reply] = harness.messages(personal.conversation.id);
    expect(cardText(cardOf(reply!))).toBe('rechecked 7 via submit');
  });

  test('a welcome button runs the command it stands for', async () => {
    const personal = harness.client('personal');
    await personal.submit({ verb: 'welcome.help' });
    const [reply] = harness.messages(personal.conversation.id);
    expect(cardText(cardOf(reply!))).toContain('What I can do');
  });

  test.each([
    ['no verb', { action: { type: 'Action.Execute', data: {} } }],
    ['a number as verb', { action: { type: 'Action.Execute', verb: 42, data: {} } }],
    ['a verb outside the pattern', { action: { type: 'Action.Execute', verb: '../etc', data: {} } }],
    ['data that is not an object', { action: { type: 'Action.Execute', verb: 'probe.card', data: 'x' } }],
    ['oversized data', { action: { type: 'Action.Execute', verb: 'probe.card', data: { blob: 'y'.repeat(9000) } } }],
    ['a verb no feature owns', { action: { type: 'Action.Execute', verb: 'nobody.here', data: {} } }],
  ])('a malformed Action.Execute (%s) gets a clear answer, not an error', async (_name, value) => {
    const personal = harness.client('personal');
    const res = await personal.post(personal.activity({ type: 'invoke', name: 'adaptiveCard/action', value }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect((res.body as { value: string }).value).toMatch(/could not use that button/);
  });

  test('a malformed Action.Submit gets a clear message', async () => {
    const personal = harness.client('personal');
    await personal.submit({ verb: 'Probe.Card!' });
    expect(harness.messages(personal.conversation.id)[0]?.activity.text).toMatch(/could not use that button/);
  });

  test('every message refreshes the saved conversation reference', async () => {
    const personal = harness.client('personal');
    await personal.sendText('hello');
    expect(await harness.store.get(conversationRefKey(personal.conversation.id))).toBeDefined();
  });

  test('continueConversation sends proactively into a saved conversation', async () => {
    const personal = harness.client('personal');
    await personal.sendText('hello');
    const saved = await harness.store.get<Record<string, unknown>>(conversationRefKey(personal.conversation.id));
    await harness.server.services.bot.continueConversation(saved!.value, (port) => port.sendText('findings changed'));
    const last = harness.messages(personal.conversation.id).at(-1);
    expect(last?.activity.text).toBe('findings changed');
    expect(last?.hadAuthorization).toBe(false);
  });

  test('a secret-looking string a feature sends is scrubbed before it reaches the chat', async () => {
    const leaky = answeringEveryMessage('leaky', ({ port }) => port.sendText('token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop'));
    const h = await startBotHarness({ conversation: testConversation([leaky]) });
    try {
      const personal = h.client('personal');
      await personal.sendText('anything');
      expect(h.messages(personal.conversation.id)[0]?.activity.text).toBe('token: [redacted]');
    } finally {
      await h.close();
    }
  });
});

describe('bot over HTTP with BOT_ID set', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ env: { BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: '00000000-0000-0000-0000-0000000000aa' } });
  });
  afterAll(async () => {
    await harness.close();
  });

  test('a request without a token gets 401 and the bot sends nothing', async () => {
    const personal = harness.client('personal');
    const res = await personal.sendText('help');
    expect(res.status).toBe(401);
    expect(harness.messages(personal.conversation.id)).toHaveLength(0);
  });

  // The issuer is not a Bot Framework one, so botbuilder rejects it before fetching any signing keys (no network).
  test('a request with a bogus bearer token gets 401', async () => {
    const personal = harness.client('personal', {}, 'Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJtZSJ9.c2lnbmF0dXJlLWZha2U');
    const res = await personal.sendText('help');
    expect(res.status).toBe(401);
    expect(harness.messages(personal.conversation.id)).toHaveLength(0);
  });

  test('/healthz stays open for probes', async () => {
    expect((await fetch(`${harness.server.url}/healthz`)).status).toBe(200);
  });
});

describe('typing and shutdown', () => {
  test('slow work shows a typing indicator before the answer', async () => {
    const ref: { harness?: BotHarness } = {};
    const slow = answeringEveryMessage('slow', async ({ port, message }) => {
      // Finish only once the typing indicator has reached the connector: no clock in the assertion.
      await ref.harness!.connector.waitFor((r) => r.conversationId === port.conversation.conversationId && r.activity.type === 'typing');
      await port.sendText(`done: ${message.text}`);
    });
    const h = await startBotHarness({ conversation: testConversation([slow]), typing: { delayMs: 10, intervalMs: 1000 } });
    ref.harness = h;
    try {
      const personal = h.client('personal');
      await personal.sendText('scan something slow');
      const kinds = h.connector.records.filter((r) => r.conversationId === personal.conversation.id).map((r) => r.activity.type);
      expect(kinds.indexOf('typing')).toBeGreaterThanOrEqual(0);
      expect(kinds.indexOf('typing')).toBeLessThan(kinds.indexOf('message'));
    } finally {
      await h.close();
    }
  });

  test('close() waits for a turn in flight to finish, and new activities are refused meanwhile', async () => {
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const inside = new Promise<void>((r) => (entered = r));
    const blocking = answeringEveryMessage('blocking', async ({ port }) => {
      entered();
      await gate;
      await port.sendText('finished');
    });
    const h = await startBotHarness({ conversation: testConversation([blocking]) });
    const personal = h.client('personal');
    const turn = personal.sendText('go');
    await inside;
    const closing = h.server.close();
    const refused = await h.client('personal').sendText('another');
    expect(refused.status).toBe(503);
    release();
    expect((await turn).status).toBe(200);
    await closing;
    expect(h.messages(personal.conversation.id).map((m) => m.activity.text)).toEqual(['finished']);
    await h.connector.close();
  });
});

describe('local mode stays on this machine; a registered bot names its tenants', () => {
  const ROOT = resolve(__dirname, '..', '..');
  const TENANT = '00000000-0000-0000-0000-0000000000aa';

  interface Run {
    readonly code: number | null;
    readonly stderr: string;
    /** Log lines (pino JSON on stderr) seen before the process stopped. */
    readonly logs: readonly Record<string, unknown>[];
  }

  /**
   * Runs the real entry point (src/index.ts, as `npm start` / `npm run dev` do) with only `env`. When it logs that it
   * listens, `whileListening` runs and the process is stopped; a configuration error ends it by itself.
   */
  async function runEntry(env: Record<string, string>, whileListening: (listening: Record<string, unknown>) => Promise<void> = () => Promise.resolve()): Promise<Run> {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'src/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', PORT: '0', GUARDIAN_STORE: 'memory', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    let stderr = '';
    const logs: Record<string, unknown>[] = [];
    let checks: Promise<unknown> = Promise.resolve();
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr += `${line}\n`;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'Baseline Guardian is listening') {
        // Checks first, then a graceful stop; a failed check is carried out after the process ended.
        checks = Promise.resolve()
          .then(() => whileListening(entry))
          .finally(() => child.kill('SIGTERM'));
      }
    });
    const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
    clearTimeout(killer);
    await checks;
    return { code, stderr, logs };
  }

  test('npm start in local mode listens on 127.0.0.1 only, answers there, and warns about nothing', async () => {
    let health = 0;
    const run = await runEntry({ BOT_ID: '' }, async (listening) => {
      expect(listening.address).toBe('127.0.0.1');
      const port = new URL(String(listening.url)).port;
      health = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
    });
    expect(run.logs.some((l) => l.msg === 'Baseline Guardian is listening' && l.address === '127.0.0.1' && l.localMode === true)).toBe(true);
    expect(health).toBe(200);
    expect(run.logs.filter((l) => typeof l.msg === 'string' && l.msg.includes('no Bot Framework token'))).toEqual([]);
  }, 90_000);

  test('BOT_ID without BOT_TENANT_ID or GUARDIAN_ALLOWED_TENANTS is refused at start (exit 2, the setting named)', async () => {
    const run = await runEntry({ BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'not-a-real-secret' }, () => {
      throw new Error('the bot must not start listening');
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('BOT_TENANT_ID or GUARDIAN_ALLOWED_TENANTS is required');
    expect(run.stderr).not.toContain('not-a-real-secret');
  }, 90_000);

  test('GUARDIAN_ALLOWED_SCOPES without BOT_ID is refused at start: local mode may scan only the sample', async () => {
    const run = await runEntry({ GUARDIAN_ALLOWED_SCOPES: '/subscriptions/1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001' }, () => {
      throw new Error('the bot must not start listening');
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('local mode has no token check, so it may scan only the sample environment');
  }, 90_000);

  test('startServer without a host binds local mode to 127.0.0.1, and refuses real Azure scopes', async () => {
    const server = await startServer({ config: testConfig(), logger: silentLogger(), port: 0, conversation: testConversation([]) });
    try {
      expect(server.address).toBe('127.0.0.1');
    } finally {
      await server.close();
    }
    await expect(startServer({ config: testConfig({ GUARDIAN_ALLOWED_SCOPES: '/subscriptions/1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001' }), logger: silentLogger(), port: 0, conversation: testConversation([]) })).rejects.toThrow(
      /may scan only the sample environment/,
    );
  });

  test('the tenant gate refuses a tenant outside GUARDIAN_ALLOWED_TENANTS before any feature runs', async () => {
    const seen: string[] = [];
    const h = await startBotHarness({ env: { GUARDIAN_ALLOWED_TENANTS: '99999999-9999-4999-8999-999999999999' }, conversation: testConversation([probeFeature(seen)]) });
    try {
      const personal = h.client('personal');
      expect(personal.conversation.tenantId).toBe(TENANT);
      await personal.sendText('probe me');
      expect(h.messages(personal.conversation.id).map((m) => m.activity.text)).toEqual(['This bot is not available for your organization.']);
      expect(seen).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
