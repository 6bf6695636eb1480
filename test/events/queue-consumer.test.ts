/**
 * The Event Grid queue consumer against Azurite's queue service: two consumers share one queue and one store and
 * each event is handled once; both schemas (Event Grid, CloudEvents 1.0), base64 or not; a malformed message goes
 * to the poison queue, and so does one whose handling keeps failing, after N dequeues; a redelivered event is
 * recognised by its id.
 */
import { createQueueConsumer, type QueueConsumer } from '../../src/events/queue-consumer';
import { parseQueueMessage } from '../../src/events/queue-messages';
import { createStorageQueue, parseQueueConnectionString, type StorageQueue } from '../../src/events/storage-queue';
import { createLogger, silentLogger } from '../../src/logging';
import type { ChangeEvent } from '../../src/shared/change-event';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { GuardianStore } from '../../src/storage/store';
import { startAzuriteQueue, type AzuriteQueueHandle } from '../support/azurite';

const SUB = '00000000-0000-0000-0000-000000000001';
const STORAGE = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml`;
const CLAIMS = { name: 'Ada Lovelace', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': 'ada@contoso.com', appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' };

/** A resource event's `data` as Event Grid sends it for a subscription's system topic. */
const data = (operation = 'Microsoft.Storage/storageAccounts/write') => ({
  authorization: { scope: STORAGE, action: operation, evidence: { role: 'Contributor' } },
  claims: CLAIMS,
  correlationId: 'c0ffee00-0000-4000-8000-000000000000',
  resourceProvider: 'Microsoft.Storage',
  resourceUri: STORAGE,
  operationName: operation,
  status: 'Succeeded',
  subscriptionId: SUB,
  tenantId: '00000000-0000-0000-0000-0000000000aa',
});

const eventGrid = (id: string, eventType = 'Microsoft.Resources.ResourceWriteSuccess') => ({ id, topic: `/subscriptions/${SUB}`, subject: STORAGE, eventType, eventTime: '2030-01-01T10:02:31.123Z', data: data(), dataVersion: '', metadataVersion: '1' });
const cloudEvent = (id: string) => ({ specversion: '1.0', id, source: `/subscriptions/${SUB}`, subject: STORAGE, type: 'Microsoft.Resources.ResourceWriteSuccess', time: '2030-01-01T10:02:31.123Z', data: data() });
const base64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

describe('queue messages', () => {
  it.each([
    ['Event Grid, base64', base64(eventGrid('eg-1'))],
    ['Event Grid, plain JSON', JSON.stringify(eventGrid('eg-1'))],
    ['CloudEvents 1.0, base64', base64(cloudEvent('eg-1'))],
    ['CloudEvents 1.0, plain JSON', JSON.stringify(cloudEvent('eg-1'))],
  ])('reads %s as the same change, with the person from the claims', (_, text) => {
    expect(parseQueueMessage(text)).toEqual({
      kind: 'change',
      event: { id: 'eg-1', resourceId: STORAGE, operation: 'Microsoft.Storage/storageAccounts/write', time: '2030-01-01T10:02:31.123Z', caller: { kind: 'user', displayName: 'Ada Lovelace', upn: 'ada@contoso.com' }, source: 'event-grid', correlationId: data().correlationId },
    });
  });

  it.each([
    ['text that is neither JSON nor base64 of it', 'hello?'],
    ['an event without data', JSON.stringify({ ...eventGrid('x'), data: undefined })],
    ['a CloudEvent of another spec version', JSON.stringify({ ...cloudEvent('x'), specversion: '0.3' })],
    ['a resource event without a resource', JSON.stringify({ ...eventGrid('x'), subject: 'nothing', data: { operationName: 'x/write' } })],
  ])('calls %s malformed', (_, text) => {
    expect(parseQueueMessage(text).kind).toBe('malformed');
  });

  it('ignores other event types quietly', () => {
    expect(parseQueueMessage(base64(eventGrid('x', 'Microsoft.Resources.ResourceWriteFailure'))).kind).toBe('ignored');
  });
});

describe('the queue consumer on Azurite', () => {
  let azurite: AzuriteQueueHandle;
  let n = 0;
  let queue: StorageQueue;
  let poison: StorageQueue;
  let store: GuardianStore;

  beforeAll(async () => {
    azurite = await startAzuriteQueue();
  });
  afterAll(() => azurite.stop());
  beforeEach(async () => {
    const { endpoint, auth } = parseQueueConnectionString(azurite.connectionString);
    n += 1;
    queue = createStorageQueue(endpoint, `changes-${n}`, auth);
    poison = createStorageQueue(endpoint, `changes-${n}-poison`, auth);
    await queue.create();
    await poison.create();
    store = createMemoryStore();
  });

  const consumer = (extra: Partial<Parameters<typeof createQueueConsumer>[0]> = {}): QueueConsumer => createQueueConsumer({ queue, poisonQueue: poison, store, logger: silentLogger(), batchSize: 3, ...extra });
  const collect = (into: ChangeEvent[]) => (events: readonly ChangeEvent[]) => Promise.resolve(void into.push(...events));

  it('hands each event to exactly one of two consumers, and poisons the malformed message', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `ev-${i}`);
    for (const [i, id] of ids.entries()) await queue.put(i % 2 === 0 ? base64(eventGrid(id)) : JSON.stringify(cloudEvent(id)));
    await queue.put('not an event');
    await queue.put(base64(eventGrid('other', 'Microsoft.Resources.ResourceWriteCancel')));
    const a: ChangeEvent[] = [];
    const b: ChangeEvent[] = [];
    const [first, second] = [consumer(), consumer()];
    let received = 1;
    while (received > 0) {
      const [ra, rb] = await Promise.all([first.receiveOnce(collect(a)), second.receiveOnce(collect(b))]);
      received = ra.received + rb.received;
    }
    expect([...a, ...b].map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect((await poison.receive(32, 1)).map((m) => m.text)).toEqual(['not an event']);
    expect(await queue.receive(32, 1)).toEqual([]);
  });

  it('deletes a redelivered event it already handled without handing it on again', async () => {
    const handled: ChangeEvent[] = [];
    await queue.put(base64(eventGrid('once')));
    await consumer().receiveOnce(collect(handled));
    await queue.put(JSON.stringify(cloudEvent('once')));
    expect(await consumer().receiveOnce(collect(handled))).toMatchObject({ received: 1, duplicates: 1, delivered: 0 });
    expect(handled).toHaveLength(1);
  });

  it('moves a message whose handling keeps failing to the poison queue after N dequeues', async () => {
    await queue.put(base64(eventGrid('stuck')));
    const failing = consumer({ visibilitySeconds: 1, maxDequeues: 2 });
    const sink = (): Promise<void> => Promise.reject(new Error('handler down'));
    const outcomes: string[] = [];
    for (let i = 0; i < 10 && !outcomes.includes('poisoned'); i++) {
      const summary = await failing.receiveOnce(sink);
      if (summary.failed > 0) outcomes.push('failed');
      if (summary.poisoned > 0) outcomes.push('poisoned');
      if (summary.received === 0) await new Promise((r) => setTimeout(r, 400));
    }
    expect(outcomes).toEqual(['failed', 'failed', 'poisoned']);
    expect((await poison.receive(32, 1)).map((m) => parseQueueMessage(m.text).kind)).toEqual(['change']);
  });
});

describe('a queue that keeps failing', () => {
  it('is logged once and retried with growing waits, then logged again when it works', async () => {
    let calls = 0;
    let failing = true;
    const broken: StorageQueue = {
      name: 'changes',
      create: () => Promise.resolve(),
      put: () => Promise.resolve(),
      delete: () => Promise.resolve(),
      receive: () => {
        calls += 1;
        return failing ? Promise.reject(new Error('HTTP 403 AuthorizationPermissionMismatch')) : Promise.resolve([]);
      },
    };
    const logs: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } });
    const consumer = createQueueConsumer({ queue: broken, poisonQueue: broken, store: createMemoryStore(), logger, idleMs: 5 });
    consumer.start(() => Promise.resolve());
    await new Promise((r) => setTimeout(r, 400));
    const whileFailing = calls;
    failing = false;
    await new Promise((r) => setTimeout(r, 1_500)); // longer than the wait the back-off can have reached by now
    await consumer.stop();
    // 5 ms doubling: 10, 20, 40, 80, 160 … — a handful of tries in 400 ms, not one every 5 ms.
    expect(whileFailing).toBeLessThan(10);
    expect(logs.filter((l) => l.includes('queue receive failed'))).toHaveLength(1);
    expect(logs.filter((l) => l.includes('queue receive works again'))).toHaveLength(1);
  });
});
