import { silentLogger } from '../../src/logging';
import { Outbox, outboxIdOf, outboxKey, type OutboxEntry, type OutboxOptions } from '../../src/notifications/outbox';
import { SubscriptionRepository, type Subscription } from '../../src/notifications/subscriptions';
import { MemoryBackend, MemoryGuardianStore } from '../../src/storage/memory-store';
import type { GuardianStore } from '../../src/storage/store';
import { CONVERSATION_ID, CONVERSATION_REF, FakeClock, RecordingSender, SendError, WS_ID } from './helpers';

const SUB: Subscription = {
  id: 'sub-1',
  conversationRef: CONVERSATION_REF,
  conversationId: CONVERSATION_ID,
  workspaceTarget: 'ws-prod',
  workspace: { id: WS_ID, name: 'ws-prod' },
  schedule: { cron: '0 8 * * *', timezone: 'UTC' },
  weeklyDigest: false,
  createdBy: { userId: 'u1', name: 'Ada' },
  createdAt: '2030-01-01T00:00:00.000Z',
  enabled: true,
};
const CARD = { type: 'AdaptiveCard' as const, version: '1.5', body: [] };

function setup(options: Partial<OutboxOptions> = {}, backend = new MemoryBackend(), clock = new FakeClock()) {
  const store: GuardianStore = options.store ?? new MemoryGuardianStore(clock.now, backend);
  const subscriptions = new SubscriptionRepository(store);
  const sender = (options.sender as RecordingSender | undefined) ?? new RecordingSender();
  const outbox = new Outbox({
    store,
    sender,
    subscriptions,
    logger: silentLogger(),
    instanceId: 'instance-a',
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    ...options,
  });
  return { store, subscriptions, sender, outbox, clock, backend };
}

async function entry(store: GuardianStore, id: string): Promise<OutboxEntry | undefined> {
  return (await store.get<OutboxEntry>(outboxKey(id)))?.value;
}

const enqueue = (outbox: Outbox, id = 'e1') => outbox.enqueue({ id, subscriptionId: SUB.id, conversationId: CONVERSATION_ID, kind: 'change', card: CARD, text: 'hi' });

describe('Outbox', () => {
  it('derives the same id for the same subscription, kind and slot', () => {
    expect(outboxIdOf('s', 'change', '2030-01-02T08:00:00.000Z')).toBe(outboxIdOf('s', 'change', '2030-01-02T08:00:00.000Z'));
    expect(outboxIdOf('s', 'change', '2030-01-02T08:00:00.000Z')).not.toBe(outboxIdOf('s', 'change', '2030-01-03T08:00:00.000Z'));
  });

  it('enqueues an id once and sends it once', async () => {
    const { outbox, subscriptions, sender, store } = setup();
    await subscriptions.save(SUB);
    expect(await enqueue(outbox)).toBe(true);
    expect(await enqueue(outbox)).toBe(false);
    expect((await outbox.drain()).sent).toBe(1);
    expect((await outbox.drain()).sent).toBe(0);
    expect(await enqueue(outbox)).toBe(false); // a sent entry still blocks a repeat
    await outbox.drain();
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toEqual({ ref: CONVERSATION_REF, card: CARD, text: 'hi' });
    expect((await entry(store, 'e1'))?.state).toBe('sent');
  });

  it('posts with the latest conversation reference the bot saved', async () => {
    const { outbox, subscriptions, sender, store } = setup();
    await subscriptions.save(SUB);
    const newer = { ...CONVERSATION_REF, serviceUrl: 'http://127.0.0.1:10/' };
    await store.put(`conversation-ref/${CONVERSATION_ID}`, newer);
    await enqueue(outbox);
    await outbox.drain();
    expect(sender.sent[0]?.ref).toEqual(newer);
  });

  it('retries a 429 no sooner than Retry-After', async () => {
    const sender = new RecordingSender([new SendError(429, 'Too Many Requests', 5_000)]);
    const { outbox, subscriptions, clock, store } = setup({ sender });
    await subscriptions.save(SUB);
    await enqueue(outbox);
    const summary = await outbox.drain();
    expect(summary).toMatchObject({ sent: 1, retried: 1 });
    expect(clock.sleeps).toEqual([5_000]);
    expect(sender.attempts).toBe(2);
    expect(await entry(store, 'e1')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('backs off exponentially with jitter on 5xx and network errors', async () => {
    const sender = new RecordingSender([new SendError(503, 'busy'), new SendError(502, 'bad gateway'), new Error('ECONNRESET')]);
    const { outbox, subscriptions, clock } = setup({ sender, random: () => 0.5 });
    await subscriptions.save(SUB);
    await enqueue(outbox);
    await outbox.drain();
    // base 1 s: exp = 1, 2, 4 s; equal jitter with random 0.5 → 75 % of exp.
    expect(clock.sleeps).toEqual([750, 1_500, 3_000]);
    expect(sender.sent).toHaveLength(1);
  });

  it('dead-letters after the last attempt', async () => {
    const sender = new RecordingSender(Array.from({ length: 10 }, () => new SendError(500, 'boom')));
    const { outbox, subscriptions, store } = setup({ sender, maxAttempts: 3 });
    await subscriptions.save(SUB);
    await enqueue(outbox);
    expect((await outbox.drain()).deadLettered).toBe(1);
    expect(sender.attempts).toBe(3);
    expect(await entry(store, 'e1')).toMatchObject({ state: 'dead', deadReason: 'gave up after 3 attempts (HTTP 500)' });
  });

  it('leaves a retry that is due later for a later drain', async () => {
    const sender = new RecordingSender([new SendError(429, 'slow down', 60_000)]);
    const { outbox, subscriptions, clock, store } = setup({ sender });
    await subscriptions.save(SUB);
    await enqueue(outbox);
    expect(await outbox.drain()).toMatchObject({ sent: 0, retried: 1 });
    expect(await entry(store, 'e1')).toMatchObject({ state: 'pending', attempts: 1 });
    expect(await outbox.drain()).toMatchObject({ sent: 0, retried: 0 }); // still not due
    clock.advance(60_000);
    expect((await outbox.drain()).sent).toBe(1);
  });

  it('disables the subscription on 403 and never sends for it again', async () => {
    const sender = new RecordingSender([new SendError(403, 'Forbidden', undefined, 'MessageWritesBlocked')]);
    const { outbox, subscriptions, store } = setup({ sender });
    await subscriptions.save(SUB);
    await enqueue(outbox);
    expect(await outbox.drain()).toMatchObject({ deadLettered: 1, subscriptionsDisabled: 1, retried: 0 });
    const disabled = await subscriptions.get(SUB.id);
    expect(disabled?.enabled).toBe(false);
    expect(disabled?.disabledReason).toMatch(/403 MessageWritesBlocked/);
    expect(await entry(store, 'e1')).toMatchObject({ state: 'dead', deadReason: 'forbidden (403 MessageWritesBlocked)' });
    await enqueue(outbox, 'e2');
    await outbox.drain();
    expect(sender.attempts).toBe(1);
    expect(await entry(store, 'e2')).toMatchObject({ state: 'dead', deadReason: 'subscription disabled' });
  });

  it('dead-letters other 4xx without retrying and keeps the subscription', async () => {
    const sender = new RecordingSender([new SendError(400, 'Bad card')]);
    const { outbox, subscriptions, store } = setup({ sender });
    await subscriptions.save(SUB);
    await enqueue(outbox);
    await outbox.drain();
    expect(sender.attempts).toBe(1);
    expect(await entry(store, 'e1')).toMatchObject({ state: 'dead', deadReason: 'HTTP 400', lastError: 'Bad card' });
    expect((await subscriptions.get(SUB.id))?.enabled).toBe(true);
  });

  it('paces sends to at most 7 per second per conversation', async () => {
    const clock = new FakeClock();
    const times: number[] = [];
    const sender = new RecordingSender();
    const timed = { send: async (...args: Parameters<RecordingSender['send']>) => { times.push(clock.ms); await sender.send(...args); } };
    const { outbox, subscriptions } = setup({ sender: timed }, new MemoryBackend(), clock);
    await subscriptions.save(SUB);
    for (let i = 0; i < 20; i++) await enqueue(outbox, `p${String(i).padStart(2, '0')}`);
    expect((await outbox.drain()).sent).toBe(20);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(7);
    expect(times[7]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });

  it('sends an entry enqueued before a crash after the restart', async () => {
    const backend = new MemoryBackend();
    const clock = new FakeClock();
    const first = setup({}, backend, clock);
    await first.subscriptions.save(SUB);
    await enqueue(first.outbox);
    // crash: no drain. Restart:
    const second = setup({ instanceId: 'instance-b' }, backend, clock);
    await second.outbox.drain();
    expect(second.sender.sent).toHaveLength(1);
  });

  describe('a crash between the send and marking it sent', () => {
    async function crashAfterSend(inFlightAfterCrash: 'skip' | 'resend') {
      const backend = new MemoryBackend();
      const clock = new FakeClock();
      const base = new MemoryGuardianStore(clock.now, backend);
      // The process dies on the write that would record "sent".
      const dying: GuardianStore = Object.assign(Object.create(base) as GuardianStore, {
        put: (key: string, value: unknown, ifMatch?: string) =>
          (value as Partial<OutboxEntry>).state === 'sent' ? Promise.reject(new Error('process killed')) : base.put(key, value, ifMatch),
      });
      const before = setup({ store: dying, inFlightAfterCrash }, backend, clock);
      await before.subscriptions.save(SUB);
      await enqueue(before.outbox);
      await expect(before.outbox.drain()).rejects.toThrow('process killed');
      expect(before.sender.sent).toHaveLength(1);

      const after = setup({ instanceId: 'instance-b', inFlightAfterCrash }, backend, clock);
      expect((await after.outbox.drain()).sent).toBe(0); // the claim still protects it
      clock.advance(121_000); // past the claim ttl
      const summary = await after.outbox.drain();
      return { summary, sends: before.sender.sent.length + after.sender.sent.length, store: after.store };
    }

    it('does not post twice (default: at most once)', async () => {
      const { summary, sends, store } = await crashAfterSend('skip');
      expect(summary.inFlightRecovered).toBe(1);
      expect(sends).toBe(1);
      expect(await entry(store, 'e1')).toMatchObject({ state: 'dead', deadReason: expect.stringMatching(/delivery uncertain/) as unknown });
    });

    it('resends when configured for at least once', async () => {
      const { sends } = await crashAfterSend('resend');
      expect(sends).toBe(2);
    });
  });

  it('lets only one of two instances send an entry', async () => {
    const backend = new MemoryBackend();
    const clock = new FakeClock();
    const a = setup({}, backend, clock);
    const b = setup({ instanceId: 'instance-b' }, backend, clock);
    await a.subscriptions.save(SUB);
    for (let i = 0; i < 5; i++) await enqueue(a.outbox, `c${i}`);
    await Promise.all([a.outbox.drain(), b.outbox.drain()]);
    expect(a.sender.sent.length + b.sender.sent.length).toBe(5);
  });

  it('prunes sent entries after the retention period', async () => {
    const { outbox, subscriptions, store, clock } = setup({ retentionMs: 1_000 });
    await subscriptions.save(SUB);
    await enqueue(outbox);
    await outbox.drain();
    clock.advance(2_000);
    await outbox.drain();
    expect(await entry(store, 'e1')).toBeUndefined();
  });
});
