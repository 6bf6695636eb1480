/**
 * Issue 7, scale-out: two bot processes share one SQLite state file (each with its own embedded sample
 * environment, seeded the same) and one fake Bot Connector. Each watch's baseline is taken when it is set up, by
 * the process that took the message; a pass triggered on both at the same moment then posts each baseline summary
 * exactly once in total and scans nothing: the run state and the outbox claim hold across processes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_NAMES, HARDENED_NAMES } from '../../src/sample';
import type { PassSummary } from '../../src/notifications/service';
import { SQLITE_FILE_NAME } from '../../src/storage/sqlite-store';
import { cardText, startFakeConnector, type ConnectorRecord, type LocalConnector } from '../support/fake-connector';
import { LocalBotClient, localConversation } from '../support/bot-client';
import { E2E_ADMIN_TOKEN, postNotificationRun, tempStateDir } from '../support/e2e-bot';
import { cardsOfActivity } from '../support/e2e-cards';
import { spawnBotProcess, type BotProcess } from '../support/e2e-processes';

jest.setTimeout(60_000);

describe('two bot processes sharing one store (issue 7)', () => {
  let connector: LocalConnector;
  let state: ReturnType<typeof tempStateDir>;
  const bots: BotProcess[] = [];
  const channels = [localConversation('channel'), localConversation('channel'), localConversation('channel')];

  beforeAll(async () => {
    connector = await startFakeConnector();
    state = tempStateDir();
    const env = { GUARDIAN_STORE: 'sqlite', GUARDIAN_STATE_DIR: state.dir, GUARDIAN_ADMIN_TOKEN: E2E_ADMIN_TOKEN };
    // Started one after the other: both open (and the first creates) the same SQLite file.
    bots.push(await spawnBotProcess(env));
    bots.push(await spawnBotProcess(env));
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await connector?.close();
    state?.remove();
  });

  /** Messages with a card that the bot posted into a conversation outside a turn of ours (the passes). */
  const proactive: ConnectorRecord[] = [];

  test('both processes answer, over the same state: a channel subscribed through one is listed by the other', async () => {
    expect(bots).toHaveLength(2);
    expect(bots[0]!.pid).not.toBe(bots[1]!.pid);
    expect(existsSync(join(state.dir, SQLITE_FILE_NAME))).toBe(true);
    const [first, second, third] = channels.map((c, i) => new LocalBotClient(bots[i % 2]!.url, connector.serviceUrl, c));
    expect((await first!.sendText('watch sample daily at 08:00', { mention: true })).status).toBe(200);
    expect((await second!.sendText('watch sample:hardened every 6 hours', { mention: true })).status).toBe(200);
    expect((await third!.sendText('watch sample weekly on monday at 9:30 Europe/Paris', { mention: true })).status).toBe(200);
    for (const c of channels) expect(cardText(cardsOfActivity(connector.records.filter((r) => r.conversationId === c.id && r.activity.type === 'message')[0]?.activity ?? {})[0])).toContain('Now watching');

    const listed = await new LocalBotClient(bots[1]!.url, connector.serviceUrl, channels[0]).sendText('what do we watch?', { mention: true });
    expect(listed.status).toBe(200);
    const last = connector.records.filter((r) => r.conversationId === channels[0]!.id && r.activity.type === 'message').at(-1);
    expect(cardText(cardsOfActivity(last?.activity ?? {})[0])).toContain(LAB_NAMES.workspace);
  });

  test('a pass triggered on both processes at once posts each baseline exactly once', async () => {
    const off = connector.onRecord((r) => {
      if (r.activity.type === 'message') proactive.push(r);
    });
    let results: { status: number; body: unknown }[];
    try {
      results = await Promise.all(bots.map((b) => postNotificationRun(b.url)));
    } finally {
      off();
    }
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const summaries = results.map((r) => r.body as PassSummary);
    expect(new Set(summaries.map((s) => s.instanceId)).size).toBe(2);

    for (const c of channels) {
      const cards = proactive.filter((r) => r.conversationId === c.id);
      expect(cards).toHaveLength(1);
      expect(cardText(cardsOfActivity(cards[0]!.activity)[0])).toMatch(/^Now watching mlw-[a-z0-9-]+: \d+ failing, 0 not assessed/);
    }
    expect(cardText(cardsOfActivity(proactive.find((r) => r.conversationId === channels[1]!.id)!.activity)[0])).toContain(HARDENED_NAMES.workspace);
    // Each baseline was scanned at subscribe (no process scans it again), and each card sent by one process.
    expect(summaries.flatMap((s) => s.scans)).toEqual([]);
    expect(summaries.reduce((n, s) => n + s.outbox.sent, 0)).toBe(channels.length);
    expect(proactive).toHaveLength(channels.length);
  });

  test('triggering both again posts nothing more', async () => {
    const before = connector.records.length;
    const results = await Promise.all(bots.map((b) => postNotificationRun(b.url)));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.flatMap((r) => (r.body as PassSummary).scans)).toEqual([]);
    expect(connector.records.slice(before).filter((r) => r.activity.type === 'message')).toEqual([]);
  });
});
