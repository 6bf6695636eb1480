import { createScanRateLimiter, refill, secondsUntilToken, type ScanRateLimits } from '../../src/security/rate-limit';
import { MemoryGuardianStore } from '../../src/storage/memory-store';

const LIMITS: ScanRateLimits = { perUser: { capacity: 2, refillMs: 60_000 }, perConversation: { capacity: 3, refillMs: 60_000 }, perTenant: { capacity: 100, refillMs: 60_000 } };

describe.each([
  ['in memory', () => undefined],
  ['in the store', () => new MemoryGuardianStore()],
])('scan rate limiter (%s)', (_name, makeStore) => {
  function limiter() {
    let t = 1_000_000;
    const store = makeStore();
    const l = createScanRateLimiter({ limits: LIMITS, now: () => t, ...(store !== undefined ? { store } : {}) });
    return { l, advance: (ms: number) => (t += ms) };
  }

  test('allows the burst, then refuses with the wait until the next token', async () => {
    const { l } = limiter();
    const who = { userId: 'u1', conversationId: 'c1' };
    expect(await l.take(who)).toEqual({ allowed: true });
    expect(await l.take(who)).toEqual({ allowed: true });
    const refused = await l.take(who);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 30, reason: 'You have reached the limit of 2 scans every 1 minutes. Try again in 30 s.' });
  });

  test('refills over time', async () => {
    const { l, advance } = limiter();
    const who = { userId: 'u1', conversationId: 'c1' };
    await l.take(who);
    await l.take(who);
    advance(29_000);
    expect((await l.take(who)).allowed).toBe(false);
    advance(1_000);
    expect((await l.take(who)).allowed).toBe(true);
  });

  test('the conversation bucket limits several users together; a refusal costs nothing', async () => {
    const { l } = limiter();
    expect((await l.take({ userId: 'a', conversationId: 'c' })).allowed).toBe(true);
    expect((await l.take({ userId: 'b', conversationId: 'c' })).allowed).toBe(true);
    expect((await l.take({ userId: 'c', conversationId: 'c' })).allowed).toBe(true);
    const refused = await l.take({ userId: 'd', conversationId: 'c' });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toMatch(/^This conversation has reached its limit of 3 scans/);
    // User d was not charged: in another conversation they still have a full bucket.
    expect((await l.take({ userId: 'd', conversationId: 'other' })).allowed).toBe(true);
    expect((await l.take({ userId: 'd', conversationId: 'other' })).allowed).toBe(true);
  });

  test('users and conversations are independent', async () => {
    const { l } = limiter();
    await l.take({ userId: 'u1', conversationId: 'c1' });
    await l.take({ userId: 'u1', conversationId: 'c1' });
    expect((await l.take({ userId: 'u2', conversationId: 'c2' })).allowed).toBe(true);
  });
});

test('bucket arithmetic', () => {
  expect(refill(undefined, LIMITS.perUser, 0)).toBe(2);
  expect(refill({ tokens: 0, at: 0 }, LIMITS.perUser, 15_000)).toBeCloseTo(0.5);
  expect(refill({ tokens: 1.9, at: 0 }, LIMITS.perUser, 60_000)).toBe(2);
  expect(refill({ tokens: 1, at: 10 }, LIMITS.perUser, 0)).toBe(1); // a clock going back never adds tokens
  expect(secondsUntilToken(0.99, LIMITS.perUser)).toBe(1);
  expect(() => createScanRateLimiter({ limits: { ...LIMITS, perUser: { capacity: 0, refillMs: 1 } } })).toThrow(RangeError);
});

test('shared through the store: two limiter objects (two bot instances) see the same buckets', async () => {
  const store = new MemoryGuardianStore();
  const now = (): number => 5_000_000;
  const a = createScanRateLimiter({ limits: LIMITS, now, store });
  const b = createScanRateLimiter({ limits: LIMITS, now, store });
  const who = { userId: 'u', conversationId: 'c' };
  expect((await a.take(who)).allowed).toBe(true);
  expect((await b.take(who)).allowed).toBe(true);
  expect((await a.take(who)).allowed).toBe(false);
});
