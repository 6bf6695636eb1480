/**
 * What the bot's HTTP endpoint says and logs: invoke replies are scrubbed like messages, a caller without a token
 * gets a plain 401 and one JSON warning in the log (no console output, no stack), and a failure gets a generic
 * 500 body.
 */
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { createAdapter } from '../../src/bot/app';
import type { Feature } from '../../src/dialogs/feature';
import { createLogger } from '../../src/logging';
import { startBotHarness, testConfig } from '../support/bot-client';
import { fakeJwt } from './secret-scan';
import { answeringEveryMessage, testConversation } from '../support/conversation';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'debug', destination: { write: (s: string) => void lines.push(s) } }) };
}

test('an Action.Execute reply (card or text) is scrubbed of secrets before it leaves the bot', async () => {
  const token = fakeJwt();
  const leaky: Feature = {
    name: 'leaky',
    onAction: (_port, action) =>
      Promise.resolve(
        action.verb === 'leaky.card'
          ? { kind: 'card', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `token ${token}` }] } }
          : { kind: 'text', text: `token ${token}` },
      ),
  };
  const h = await startBotHarness({ conversation: testConversation([leaky]) });
  try {
    const personal = h.client('personal');
    for (const verb of ['leaky.card', 'leaky.text']) {
      const res = await personal.execute(verb, {});
      expect(res.status).toBe(200);
      const body = JSON.stringify(res.body);
      expect(body).not.toContain(token);
      expect(body).toContain('token [redacted]');
    }
  } finally {
    await h.close();
  }
});

test('a request without a valid token gets a plain 401 and one JSON warning, and nothing on the console', async () => {
  const { lines, logger } = capture();
  const console = jest.spyOn(global.console, 'error');
  const h = await startBotHarness({
    logger,
    env: { BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: '00000000-0000-0000-0000-0000000000aa' },
  });
  try {
    const bogus = h.client('personal', {}, `Bearer ${fakeJwt({ iss: 'me' })}`);
    for (const client of [h.client('personal'), bogus]) {
      const res = await client.sendText('help');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized' });
    }
    expect(console).not.toHaveBeenCalled();
    const refusals = lines.map((l) => JSON.parse(l) as { msg: string; reason?: string }).filter((l) => l.msg === 'refused a request without a valid Bot Framework token');
    expect(refusals).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/\n\s+at /);
  } finally {
    console.mockRestore();
    await h.close();
  }
});

test('a failure while processing an activity is answered with a generic 500; the detail goes to the log only', async () => {
  const { lines, logger } = capture();
  const adapter = createAdapter(testConfig());
  let status = 0;
  let sent: unknown;
  const res: BotResponse = {
    socket: undefined,
    status: (code: number) => (status = code),
    send: (body: unknown) => (sent = body),
    header: () => undefined,
    end: () => undefined,
  };
  const req: BotRequest = {
    body: { type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'b1' } },
    headers: {},
    method: 'POST',
  };
  await adapter.handleRequest(req, res, () => Promise.reject(new Error('internal detail: store at /var/lib/guardian failed')), { logger, loopbackServiceUrlOnly: true });
  expect(status).toBe(500);
  expect(sent).toEqual({ error: 'internal error' });
  expect(lines.join('')).toContain('internal detail');
});

test('in local mode an activity whose replies would go to another host is refused before any turn runs', async () => {
  const seen: string[] = [];
  const probe = answeringEveryMessage('probe', ({ port, message }) => (seen.push(message.text), port.sendText('seen')));
  const h = await startBotHarness({ conversation: testConversation([probe]) });
  try {
    const personal = h.client('personal');
    for (const serviceUrl of ['http://169.254.169.254/', 'https://smba.trafficmanager.net/amer/', 'http://10.0.0.5:8080/', 'not a url']) {
      const res = await personal.post({ ...personal.activity({ type: 'message', text: 'hello' }), serviceUrl });
      expect({ serviceUrl, status: res.status }).toEqual({ serviceUrl, status: 400 });
      expect(JSON.stringify(res.body)).toContain('serviceUrl must be a loopback address');
    }
    expect(seen).toEqual([]);
    await personal.sendText('hello');
    expect(seen).toEqual(['hello']);
  } finally {
    await h.close();
  }
});
