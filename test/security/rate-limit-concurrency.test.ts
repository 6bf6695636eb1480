/**
 * The scan rate limit under concurrency: many requests at once from one user, from many reply threads of one
 * channel and from many users of one tenant, against every place buckets can live (process memory, the memory
 * store, SQLite, Azure Blob through Azurite). The clock stands still, so no token refills during a storm.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENDED_SENTENCE, createScanRateLimiter, type RateDecision, type RateLimiter, type RateSubject, type ScanRateLimits } from '../../src/security/rate-limit';
import { BlobGuardianStore } from '../../src/storage/blob-store';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { SqliteGuardianStore } from '../../src/storage/sqlite-store';
import type { GuardianStore } from '../../src/storage/store';
import { startAzurite, type AzuriteHandle } from '../support/azurite';

const TEN_MINUTES = 10 * 60_000;
const LIMITS: ScanRateLimits = {
  perUser: { capacity: 5, refillMs: TEN_MINUTES },
  perConversation: { capacity: 8, refillMs: TEN_MINUTES },
  perTenant: { capacity: 12, refillMs: TEN_MINUTES },
};
const NOW = (): number => 1_700_000_000_000;

let azurite: AzuriteHandle | undefined;
const sqliteDirs: string[] = [];
afterAll(async () => {
  await azurite?.stop();
  for (const dir of sqliteDirs) rmSync(dir, { recursive: true, force: true });
});

const PLACES: readonly [string, () => Promise<GuardianStore | undefined>][] = [
  ['process memory', () => Promise.resolve(undefined)],
  ['the memory store', () => Promise.resolve(new MemoryGuardianStore())],
  [
    'SQLite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'guardian-ratelimit-'));
      sqliteDirs.push(dir);
      return Promise.resolve(new SqliteGuardianStore({ dir }));
    },
  ],
  [
    'Azure Blob (Azurite)',
    async () => {
      azurite ??= await startAzurite();
      return new BlobGuardianStore({ connectionString: azurite.connectionString, container: `rl-${randomBytes(6).toString('hex')}` });
    },
  ],
];

async function storm(limiter: RateLimiter, subjects: readonly RateSubject[]): Promise<RateDecision[]> {
  return Promise.all(subjects.map((who) => limiter.take(who)));
}

function allowedCount(decisions: readonly RateDecision[]): number {
  return decisions.filter((d) => d.allowed).length;
}

/** Takes one at a time until refused: what is left in the buckets after a storm. */
async function drain(limiter: RateLimiter, who: RateSubject): Promise<number> {
  let taken = 0;
  while ((await limiter.take(who)).allowed) taken += 1;
  return taken;
}

describe.each(PLACES)('scan rate limit under concurrency, buckets in %s', (_place, open) => {
  let store: GuardianStore | undefined;
  let limiter: RateLimiter;
  beforeEach(async () => {
    store = await open();
    limiter = createScanRateLimiter({ limits: LIMITS, now: NOW, ...(store !== undefined ? { store } : {}) });
  }, 60_000);
  afterEach(async () => {
    await store?.close();
  });

  test('100 parallel requests from one user get at most the 5 the user may have', async () => {
    const who: RateSubject = { userId: 'u-storm', conversationId: 'a:personal-1', tenantId: 't1' };
    const decisions = await storm(limiter, Array.from({ length: 100 }, () => who));
    const allowed = allowedCount(decisions);
    expect(allowed).toBeGreaterThanOrEqual(1);
    expect(allowed + (await drain(limiter, who))).toBeLessThanOrEqual(5);
  }, 60_000);

  test('reply threads of one channel share the channel budget', async () => {
    const channel = '19:storm-channel@thread.tacv2';
    const subjects = Array.from({ length: 40 }, (_, i) => ({ userId: `thread-user-${i}`, conversationId: `${channel};messageid=${1000 + i}`, tenantId: 't2' }));
    const allowed = allowedCount(await storm(limiter, subjects));
    expect(allowed).toBeGreaterThanOrEqual(1);
    expect(allowed + (await drain(limiter, { userId: 'late-user', conversationId: `${channel};messageid=99`, tenantId: 't2' }))).toBeLessThanOrEqual(8);
  }, 60_000);

  test('many users in many conversations of one tenant share the tenant budget', async () => {
    const subjects = Array.from({ length: 60 }, (_, i) => ({ userId: `tenant-user-${i}`, conversationId: `a:chat-${i}`, tenantId: 't3' }));
    const allowed = allowedCount(await storm(limiter, subjects));
    expect(allowed).toBeGreaterThanOrEqual(1);
    expect(allowed + (await drain(limiter, { userId: 'another', conversationId: 'a:another', tenantId: 't3' }))).toBeLessThanOrEqual(12);
    // Another tenant is not affected.
    expect((await limiter.take({ userId: 'elsewhere', conversationId: 'a:elsewhere', tenantId: 't4' })).allowed).toBe(true);
  }, 60_000);
});

/** A store where another writer always gets in between a read and a write (another instance, every time). */
function alwaysOvertaken(inner: GuardianStore): GuardianStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'put') return Reflect.get(target, property, receiver) as unknown;
      return async <T>(key: string, value: T, ifMatch?: string): Promise<string> => {
        await target.put(key, { tokens: 5, at: NOW() });
        return target.put(key, value, ifMatch);
      };
    },
  });
}

test('a limiter that keeps losing write races refuses instead of letting the scan through', async () => {
  const limiter = createScanRateLimiter({ limits: LIMITS, now: NOW, store: alwaysOvertaken(new MemoryGuardianStore()) });
  const decision = await limiter.take({ userId: 'u', conversationId: 'c', tenantId: 't' });
  expect(decision).toEqual({ allowed: false, retryAfterSeconds: 1, reason: CONTENDED_SENTENCE });
});

test('a refusal by a later budget gives back what the earlier ones took', async () => {
  const store = new MemoryGuardianStore();
  const limiter = createScanRateLimiter({ limits: { ...LIMITS, perTenant: { capacity: 1, refillMs: TEN_MINUTES } }, now: NOW, store });
  expect((await limiter.take({ userId: 'first', conversationId: 'c1', tenantId: 't' })).allowed).toBe(true);
  const refused = await limiter.take({ userId: 'second', conversationId: 'c2', tenantId: 't' });
  expect(refused.allowed).toBe(false);
  if (!refused.allowed) expect(refused.reason).toMatch(/^Your organisation has reached its limit of 1 scans/);
  // "second" and conversation c2 were not charged: their buckets are full again.
  expect((await store.get<{ tokens: number }>('ratelimit/user/second'))?.value.tokens).toBe(5);
  expect((await store.get<{ tokens: number }>('ratelimit/conversation/c2'))?.value.tokens).toBe(8);
});
