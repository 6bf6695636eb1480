/**
 * Scan rate limits: a token bucket per user, per conversation and per tenant. A scan costs one token from each;
 * a request is refused (and costs nothing) when any bucket is empty, with the wait until it would succeed.
 *
 * Each bucket is taken on its own with a compare-and-swap (an eTag-checked write in the store): of many
 * requests racing for the last token, one wins and the others read again or are refused — never allowed on
 * contention. When a later bucket refuses, the tokens already taken are given back.
 *
 * The product (src/wiring.ts) passes its GuardianStore, so buckets live in the state store and every instance
 * behind one bot shares them. Without a store they live in process memory (tests, embeddings): cheap, a restart
 * forgives everyone, and each instance counts alone. Scans of the built-in sample environment never reach the
 * limiter (src/security/scan-guard.ts): they cost no Azure request.
 */
import { ETagConflictError, type GuardianStore } from '../storage/store';

export interface BucketLimit {
  /** Scans allowed in a burst. */
  readonly capacity: number;
  /** Time for an empty bucket to refill completely, e.g. 10 minutes. */
  readonly refillMs: number;
}

export interface ScanRateLimits {
  readonly perUser: BucketLimit;
  readonly perConversation: BucketLimit;
  /** All users of one Entra tenant together: the bot identity's ARM quota is shared by everyone. */
  readonly perTenant: BucketLimit;
}

/** 5 scans per 10 minutes per person, 10 per conversation, 50 per tenant. */
export const DEFAULT_SCAN_RATE_LIMITS: ScanRateLimits = {
  perUser: { capacity: 5, refillMs: 10 * 60_000 },
  perConversation: { capacity: 10, refillMs: 10 * 60_000 },
  perTenant: { capacity: 50, refillMs: 10 * 60_000 },
};

/** A store write that kept losing to other writers: refused rather than let through. */
export const CONTENDED_SENTENCE = 'Too many scans are starting at the same moment. Try again in a few seconds.';

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number; readonly reason: string };

export interface RateLimiter {
  /** Takes one scan from every bucket, or from none. */
  take(who: RateSubject): Promise<RateDecision>;
}

export interface RateSubject {
  readonly userId: string;
  readonly conversationId: string;
  readonly tenantId?: string | undefined;
}

export interface RateLimiterOptions {
  readonly limits?: ScanRateLimits;
  readonly now?: () => number;
  /** Share buckets across instances through the store (`ratelimit/<kind>/<id>`). */
  readonly store?: GuardianStore;
}

interface Bucket {
  readonly tokens: number;
  readonly at: number;
}

/** Tokens in the bucket at `now`, after refilling since `bucket.at`. */
export function refill(bucket: Bucket | undefined, limit: BucketLimit, now: number): number {
  if (bucket === undefined) return limit.capacity;
  const elapsed = Math.max(0, now - bucket.at);
  return Math.min(limit.capacity, bucket.tokens + (elapsed * limit.capacity) / limit.refillMs);
}

/** Whole seconds until the bucket holds one token (at least 1). */
export function secondsUntilToken(tokens: number, limit: BucketLimit): number {
  const missing = Math.max(0, 1 - tokens);
  return Math.max(1, Math.ceil((missing * limit.refillMs) / limit.capacity / 1000));
}

type BucketKind = 'user' | 'conversation' | 'tenant';

export function rateLimitSentence(scope: BucketKind, seconds: number, limit: BucketLimit): string {
  const per = `${limit.capacity} scans every ${Math.round(limit.refillMs / 60_000)} minutes`;
  const whose =
    scope === 'user' ? `You have reached the limit of ${per}` : scope === 'conversation' ? `This conversation has reached its limit of ${per}` : `Your organisation has reached its limit of ${per}`;
  return `${whose}. Try again in ${seconds} s.`;
}

/**
 * The conversation a budget belongs to. A reply thread in a Teams channel has the channel's id plus
 * `;messageid=<root>`: every thread would otherwise get a fresh budget.
 */
export function conversationBudgetId(conversationId: string): string {
  return conversationId.replace(/;messageid=.*$/i, '');
}

export function createScanRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limits = options.limits ?? DEFAULT_SCAN_RATE_LIMITS;
  for (const limit of [limits.perUser, limits.perConversation, limits.perTenant]) {
    if (!(limit.capacity >= 1) || !(limit.refillMs > 0)) throw new RangeError('A rate limit needs a capacity of at least 1 and a positive refill time.');
  }
  const now = options.now ?? Date.now;
  const buckets = options.store !== undefined ? storeBuckets(options.store) : memoryBuckets(limits);
  return {
    async take(who) {
      const wanted: readonly { kind: BucketKind; key: string; limit: BucketLimit }[] = [
        { kind: 'user', key: `user/${who.userId}`, limit: limits.perUser },
        { kind: 'conversation', key: `conversation/${conversationBudgetId(who.conversationId)}`, limit: limits.perConversation },
        { kind: 'tenant', key: `tenant/${who.tenantId ?? 'unknown'}`, limit: limits.perTenant },
      ];
      const taken: (typeof wanted)[number][] = [];
      for (const bucket of wanted) {
        const outcome = await buckets.take(bucket.key, bucket.limit, now());
        if (outcome.kind === 'taken') {
          taken.push(bucket);
          continue;
        }
        for (const t of taken.reverse()) await buckets.giveBack(t.key, t.limit, now());
        if (outcome.kind === 'contended') return { allowed: false, retryAfterSeconds: 1, reason: CONTENDED_SENTENCE };
        const seconds = secondsUntilToken(outcome.tokens, bucket.limit);
        return { allowed: false, retryAfterSeconds: seconds, reason: rateLimitSentence(bucket.kind, seconds, bucket.limit) };
      }
      return { allowed: true };
    },
  };
}

type TakeOutcome = { readonly kind: 'taken' } | { readonly kind: 'empty'; readonly tokens: number } | { readonly kind: 'contended' };

/** Where buckets live. `take` is atomic per bucket; `giveBack` returns a token taken a moment ago. */
interface Buckets {
  take(key: string, limit: BucketLimit, now: number): Promise<TakeOutcome>;
  giveBack(key: string, limit: BucketLimit, now: number): Promise<void>;
}

function memoryBuckets(limits: ScanRateLimits): Buckets {
  const buckets = new Map<string, Bucket>();
  const longestRefill = Math.max(limits.perUser.refillMs, limits.perConversation.refillMs, limits.perTenant.refillMs);
  return {
    take(key, limit, now) {
      const tokens = refill(buckets.get(key), limit, now);
      if (tokens < 1) return Promise.resolve({ kind: 'empty', tokens });
      buckets.set(key, { tokens: tokens - 1, at: now });
      // Forget full buckets now and then so that memory follows active users, not every user ever seen.
      if (buckets.size > 10_000) for (const [k, bucket] of buckets) if (now - bucket.at > longestRefill) buckets.delete(k);
      return Promise.resolve({ kind: 'taken' });
    },
    giveBack(key, limit, now) {
      buckets.set(key, { tokens: Math.min(limit.capacity, refill(buckets.get(key), limit, now) + 1), at: now });
      return Promise.resolve();
    },
  };
}

/** Compare-and-swap attempts per bucket before a request is refused as contended. */
const STORE_ATTEMPTS = 4;

function storeBuckets(store: GuardianStore): Buckets {
  const keyOf = (key: string): string => `ratelimit/${key}`;
  const read = async (k: string): Promise<{ bucket: Bucket | undefined; eTag: string }> => {
    const item = await store.get<unknown>(k);
    if (item === undefined) return { bucket: undefined, eTag: '*' };
    const v = item.value as Partial<Bucket> | null;
    const valid = typeof v?.tokens === 'number' && typeof v.at === 'number' && Number.isFinite(v.tokens) && Number.isFinite(v.at);
    return { bucket: valid ? { tokens: v.tokens, at: v.at } : undefined, eTag: item.eTag };
  };
  /** Reads, lets `change` decide the new bucket (or stop), and writes only if nobody wrote in between. */
  const swap = async (key: string, change: (bucket: Bucket | undefined) => Bucket | TakeOutcome): Promise<TakeOutcome> => {
    for (let attempt = 0; attempt < STORE_ATTEMPTS; attempt += 1) {
      const { bucket, eTag } = await read(keyOf(key));
      const next = change(bucket);
      if ('kind' in next) return next;
      try {
        await store.put(keyOf(key), next, eTag);
        return { kind: 'taken' };
      } catch (error) {
        if (!(error instanceof ETagConflictError)) throw error;
      }
    }
    return { kind: 'contended' };
  };
  return {
    take: (key, limit, now) =>
      swap(key, (bucket) => {
        const tokens = refill(bucket, limit, now);
        return tokens < 1 ? { kind: 'empty', tokens } : { tokens: tokens - 1, at: now };
      }),
    // A refund that keeps losing is dropped: the user then waits a little longer, never scans more.
    giveBack: async (key, limit, now) => void (await swap(key, (bucket) => ({ tokens: Math.min(limit.capacity, refill(bucket, limit, now) + 1), at: now }))),
  };
}
