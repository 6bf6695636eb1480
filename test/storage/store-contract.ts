/**
 * The GuardianStore contract, run against every backend (memory.test.ts, sqlite.test.ts, blob.test.ts).
 * BotBuilder Storage semantics are checked by running the same script against botbuilder's own MemoryStorage
 * and comparing what each returns.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import { ExceptionRepository, type StoredException } from '../../src/exceptions/repository';
import { ETagConflictError, type GuardianStore } from '../../src/storage/store';

/** One backend (a database file, a container, a memory backend) that any number of store objects open. */
export interface Backend {
  open(): Promise<GuardianStore> | GuardianStore;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** A fresh, empty backend per test. */
  newBackend(): Promise<Backend> | Backend;
  /** Whether a batch write with one conflicting key writes nothing (not promised by blob storage). */
  atomicBatches: boolean;
}

/** Keys shaped like real ones: Teams conversation ids, teams-ai state keys with an empty bot id, non-ASCII. */
const AWKWARD_KEYS = [
  'conversation-ref/19:abc123@thread.tacv2;messageid=1700000000000',
  'msteams//conversations/a:1Xy_z-9%20',
  'subscriptions/ünïcødé 名前',
  'lab/user.name@contoso.com/step.',
  'emoji/😀~tilde',
];

async function until(condition: () => Promise<boolean>): Promise<void> {
  // Polls without any assertion on elapsed time; jest's timeout is the only bound.
  while (!(await condition())) await new Promise((r) => setTimeout(r, 10));
}

export function describeStoreContract(name: string, options: ContractOptions): void {
  describe(`${name}: GuardianStore contract`, () => {
    let backend: Backend;
    let store: GuardianStore;
    const opened: GuardianStore[] = [];
    const open = async (): Promise<GuardianStore> => {
      const s = await backend.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      backend = await options.newBackend();
      store = await open();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await backend.dispose();
    });

    describe('get / put / delete', () => {
      it('returns undefined for a missing key and the value with an eTag after put', async () => {
        expect(await store.get('a/missing')).toBeUndefined();
        const eTag = await store.put('a/1', { n: 1, list: [1, 'two', null], nested: { ok: true } });
        expect(typeof eTag).toBe('string');
        expect(eTag).not.toBe('');
        expect(await store.get('a/1')).toEqual({ value: { n: 1, list: [1, 'two', null], nested: { ok: true } }, eTag });
      });

      it('stores non-object JSON values too', async () => {
        await store.put('v/string', 'text');
        await store.put('v/array', [3, 2, 1]);
        await store.put('v/number', 42);
        expect((await store.get('v/string'))?.value).toBe('text');
        expect((await store.get('v/array'))?.value).toEqual([3, 2, 1]);
        expect((await store.get('v/number'))?.value).toBe(42);
      });

      it('gives a new eTag on every write', async () => {
        const first = await store.put('k', { v: 1 });
        const second = await store.put('k', { v: 2 });
        expect(second).not.toBe(first);
        expect(await store.get('k')).toEqual({ value: { v: 2 }, eTag: second });
      });

      it("with ifMatch '*' creates only a missing key", async () => {
        await store.put('once', { v: 1 }, '*');
        await expect(store.put('once', { v: 2 }, '*')).rejects.toBeInstanceOf(ETagConflictError);
        expect((await store.get('once'))?.value).toEqual({ v: 1 });
      });

      it('with an eTag writes only over that version', async () => {
        const v1 = await store.put('cas', { v: 1 });
        const v2 = await store.put('cas', { v: 2 }, v1);
        await expect(store.put('cas', { v: 3 }, v1)).rejects.toBeInstanceOf(ETagConflictError);
        await expect(store.put('never-written', { v: 1 }, v2)).rejects.toBeInstanceOf(ETagConflictError);
        expect(await store.get('cas')).toEqual({ value: { v: 2 }, eTag: v2 });
        expect(await store.get('never-written')).toBeUndefined();
      });

      it('deletes, and deleting a missing key is fine', async () => {
        await store.put('d/1', { v: 1 });
        await store.delete(['d/1', 'd/never']);
        expect(await store.get('d/1')).toBeUndefined();
      });

      it('round-trips awkward keys', async () => {
        for (const [i, key] of AWKWARD_KEYS.entries()) await store.put(key, { i });
        for (const [i, key] of AWKWARD_KEYS.entries()) expect((await store.get(key))?.value).toEqual({ i });
        const items = await store.read(AWKWARD_KEYS);
        expect(Object.keys(items).sort()).toEqual([...AWKWARD_KEYS].sort());
      });
    });

    describe('BotBuilder Storage semantics', () => {
      type Step = { op: 'read'; keys: string[] } | { op: 'write'; changes: Record<string, Record<string, unknown>> } | { op: 'delete'; keys: string[] };
      type Outcome = { ok: true; items?: Record<string, unknown> } | { ok: false };

      /** Runs steps; `$n` in an eTag means "the eTag step n read for this key", so scripts are backend-neutral. */
      async function runScript(storage: Storage, steps: Step[]): Promise<Outcome[]> {
        const seen: Record<string, unknown>[] = [];
        const outcomes: Outcome[] = [];
        for (const step of steps) {
          try {
            if (step.op === 'read') {
              const items = await storage.read(step.keys);
              seen.push(items);
              // eTags differ between backends: compare values only, and that an eTag is present.
              const shown: Record<string, unknown> = {};
              for (const [k, item] of Object.entries(items)) {
                const { eTag, ...rest } = item as Record<string, unknown>;
                shown[k] = { ...rest, hasETag: typeof eTag === 'string' && eTag !== '' };
              }
              outcomes.push({ ok: true, items: shown });
              continue;
            }
            seen.push({});
            if (step.op === 'delete') await storage.delete(step.keys);
            else {
              const changes: Record<string, Record<string, unknown>> = {};
              for (const [k, change] of Object.entries(step.changes)) {
                const tag = change.eTag;
                const resolved = typeof tag === 'string' && tag.startsWith('$') ? (seen[Number(tag.slice(1))]?.[k] as { eTag?: string } | undefined)?.eTag : tag;
                changes[k] = { ...change, eTag: resolved };
                if (resolved === undefined) delete changes[k].eTag;
              }
              await storage.write(changes);
            }
            outcomes.push({ ok: true });
          } catch {
            seen.push({});
            outcomes.push({ ok: false });
          }
        }
        return outcomes;
      }

      const script: Step[] = [
        /* 0 */ { op: 'read', keys: ['s/a', 's/b'] },
        /* 1 */ { op: 'write', changes: { 's/a': { count: 1 }, 's/b': { name: 'b', eTag: '*' } } },
        /* 2 */ { op: 'read', keys: ['s/a', 's/b', 's/c'] },
        /* 3 */ { op: 'write', changes: { 's/a': { count: 2, eTag: '$2' } } }, // matching eTag
        /* 4 */ { op: 'write', changes: { 's/a': { count: 3, eTag: '$2' } } }, // stale eTag: conflict
        /* 5 */ { op: 'read', keys: ['s/a'] },
        /* 6 */ { op: 'write', changes: { 's/a': { count: 4, eTag: '*' } } }, // '*': last write wins
        /* 7 */ { op: 'write', changes: { 's/a': { count: 5 } } }, // no eTag: last write wins
        /* 8 */ { op: 'write', changes: { 's/new': { fresh: true, eTag: '$2' } } }, // eTag on a missing key: written
        /* 9 */ { op: 'read', keys: ['s/a', 's/new'] },
        /* 10 */ { op: 'delete', keys: ['s/a', 's/zzz'] },
        /* 11 */ { op: 'read', keys: ['s/a', 's/b'] },
        /* 12 */ { op: 'write', changes: { 's/b': { name: 'b2', eTag: 'not-a-real-etag' } } }, // conflict
        /* 13 */ { op: 'read', keys: ['s/b'] },
      ];

      it("behaves like botbuilder's MemoryStorage", async () => {
        const expected = await runScript(new MemoryStorage(), script);
        const actual = await runScript(store, script);
        expect(actual).toEqual(expected);
        // And the script really exercised both outcomes.
        expect(actual.filter((o) => !o.ok)).toHaveLength(2);
      });

      it('returns the eTag with the item and does not store the eTag inside the value', async () => {
        await store.write({ 'x/1': { a: 1, eTag: '*' } });
        const items = await store.read(['x/1']);
        const eTag = (items['x/1'] as { eTag: string }).eTag;
        expect(items['x/1']).toEqual({ a: 1, eTag });
        expect(await store.get('x/1')).toEqual({ value: { a: 1 }, eTag });
      });

      it('rejects reads, writes and deletes without keys with a ReferenceError', async () => {
        const untyped = store as unknown as { read(k: unknown): Promise<unknown>; write(c: unknown): Promise<void>; delete(k: unknown): Promise<void> };
        await expect(untyped.read(undefined)).rejects.toBeInstanceOf(ReferenceError);
        await expect(untyped.write(undefined)).rejects.toBeInstanceOf(ReferenceError);
        await expect(untyped.delete(undefined)).rejects.toBeInstanceOf(ReferenceError);
      });

      it('throws ETagConflictError on a conflicting write', async () => {
        await store.write({ c: { v: 1 } });
        await expect(store.write({ c: { v: 2, eTag: 'stale' } })).rejects.toBeInstanceOf(ETagConflictError);
      });

      if (options.atomicBatches) {
        it('writes nothing from a batch with one conflicting key', async () => {
          await store.write({ 'b/1': { v: 1 }, 'b/2': { v: 1 } });
          await expect(store.write({ 'b/1': { v: 2 }, 'b/2': { v: 2, eTag: 'stale' } })).rejects.toBeInstanceOf(ETagConflictError);
          expect((await store.get('b/1'))?.value).toEqual({ v: 1 });
        });
      }
    });

    describe('list', () => {
      it('lists the keys under a prefix, with values and eTags, in key order', async () => {
        await store.put('subscriptions/b', { id: 'b' });
        await store.put('subscriptions/a', { id: 'a' });
        await store.put('subscriptions/a/child', { id: 'a/child' });
        await store.put('subscriptionsX', { id: 'x' });
        await store.put('outbox/1', { id: 1 });
        const eTagOfA = (await store.get('subscriptions/a'))?.eTag;
        const listed = await store.list<{ id: string }>('subscriptions/');
        expect(listed.map((e) => e.key)).toEqual(['subscriptions/a', 'subscriptions/a/child', 'subscriptions/b']);
        expect(listed[0]?.item).toEqual({ value: { id: 'a' }, eTag: eTagOfA });
        expect(await store.list('nothing/')).toEqual([]);
      });

      it('matches prefixes made of awkward characters exactly', async () => {
        for (const key of AWKWARD_KEYS) await store.put(key, { key });
        for (const key of AWKWARD_KEYS) {
          const prefix = key.slice(0, key.length - 2);
          const expected = AWKWARD_KEYS.filter((k) => k.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
          expect((await store.list(prefix)).map((e) => e.key)).toEqual(expected);
        }
        expect((await store.list('')).map((e) => e.key).sort()).toEqual([...AWKWARD_KEYS].sort());
      });
    });

    describe('leases', () => {
      it('is exclusive until released, and renewable by its holder', async () => {
        expect(await store.acquireLease('scan/1', 'a', 60_000)).toBe(true);
        expect(await store.acquireLease('scan/1', 'b', 60_000)).toBe(false);
        expect(await store.acquireLease('scan/1', 'a', 60_000)).toBe(true); // renew
        expect(await store.acquireLease('scan/2', 'b', 60_000)).toBe(true); // other names are independent
        await store.releaseLease('scan/1', 'b'); // not the holder: no effect
        expect(await store.acquireLease('scan/1', 'b', 60_000)).toBe(false);
        await store.releaseLease('scan/1', 'a');
        expect(await store.acquireLease('scan/1', 'b', 60_000)).toBe(true);
      });

      it('expires after its ttl so that a crashed holder does not block others', async () => {
        expect(await store.acquireLease('scan/crashed', 'gone', 30)).toBe(true);
        await until(() => store.acquireLease('scan/crashed', 'survivor', 60_000));
        expect(await store.acquireLease('scan/crashed', 'gone', 60_000)).toBe(false);
      });

      it('lets releasing a lease that expired and was taken over leave the new holder alone', async () => {
        expect(await store.acquireLease('l', 'old', 20)).toBe(true);
        await until(() => store.acquireLease('l', 'new', 60_000));
        await store.releaseLease('l', 'old');
        expect(await store.acquireLease('l', 'third', 60_000)).toBe(false);
      });
    });

    describe('several store objects on one backend', () => {
      it('persists across close and reopen', async () => {
        await store.put('p/1', { v: 'kept' });
        await store.write({ 'p/2': { w: 2 } });
        await store.close();
        const reopened = await open();
        expect((await reopened.get('p/1'))?.value).toEqual({ v: 'kept' });
        expect(await reopened.read(['p/2'])).toEqual({ 'p/2': expect.objectContaining({ w: 2 }) as unknown });
      });

      it('sees the other instance’s writes and detects its conflicting updates', async () => {
        const other = await open();
        const first = await store.put('shared', { v: 1 });
        expect(await other.get('shared')).toEqual({ value: { v: 1 }, eTag: first });
        await other.put('shared', { v: 2 }, first);
        await expect(store.put('shared', { v: 3 }, first)).rejects.toBeInstanceOf(ETagConflictError);
        expect((await store.get('shared'))?.value).toEqual({ v: 2 });
      });

      it('gives a contended lease to exactly one instance', async () => {
        const instances = [store, ...(await Promise.all([open(), open(), open()]))];
        const results = await Promise.all(instances.map((s, i) => s.acquireLease('scan/race', `instance-${i}`, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('gives a contended create to exactly one instance', async () => {
        const instances = [store, ...(await Promise.all([open(), open(), open()]))];
        const results = await Promise.allSettled(instances.map((s, i) => s.put('outbox/once', { by: i }, '*')));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      });
    });

    describe('accepted-risk records', () => {
      const conversation = '19:channel;messageid=1700000000000@thread.tacv2';
      const stored = (id: string, conversationId = conversation): StoredException => ({
        entry: { id, checkId: 'AML-NET-001', resource: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml', reason: 'partner network', owner: 'jane@contoso.com', expires: '2027-03-01', createdBy: 'Jane', createdAt: '2026-12-01T10:00:00.000Z' },
        conversationId,
        workspace: { id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-prod', name: 'ws-prod' },
        state: 'active',
      });

      it('keeps exceptions per conversation with an audit log of create, renew and revoke (who and when), across instances', async () => {
        let tick = 0;
        const repository = new ExceptionRepository(store, () => new Date(Date.UTC(2026, 11, 1, 10, 0, tick++)));
        await repository.create(stored('exc-1'));
        await repository.create(stored('exc-2', 'another conversation'));
        await repository.renew(conversation, 'exc-1', '2027-04-01', 'Olga');
        const other = new ExceptionRepository(await open());
        expect((await other.listForConversation(conversation)).map((s) => [s.entry.id, s.entry.expires])).toEqual([['exc-1', '2027-04-01']]);
        await other.revoke(conversation, 'exc-1', 'Max');
        expect(await repository.listForConversation(conversation)).toEqual([]);
        expect((await repository.listForConversation(conversation, { includeRevoked: true }))[0]?.state).toBe('revoked');
        expect((await repository.audit(conversation)).map((a) => [a.action, a.by])).toEqual([
          ['create', 'Jane'],
          ['renew', 'Olga'],
          ['revoke', 'Max'],
        ]);
        expect((await repository.listAll()).map((s) => s.entry.id)).toEqual(['exc-2']);
      });

      it('refuses to create an exception twice under one id', async () => {
        const repository = new ExceptionRepository(store);
        await repository.create(stored('exc-1'));
        await expect(repository.create(stored('exc-1'))).rejects.toBeInstanceOf(ETagConflictError);
      });
    });
  });
}
