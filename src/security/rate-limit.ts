/**
 * Scan rate limits: a token bucket per user and one per conversation. A scan costs one token from each; a
 * request is refused (and costs nothing) when either bucket is empty, with the wait until it would succeed.
 *
 * The product (src/wiring.ts) passes its GuardianStore, so buckets live in the state store and every instance
 * behind one bot shares them (one read and one eTag-checked write per bucket per scan). Without a store they
 * live in process memory (tests, embeddings): cheap, a restart forgives everyone, and each instance counts alone.
 * Scans of the built-in sample environment never reach the limiter (src/security/scan-guard.ts): they cost no
 * Azure request.
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
}

/** 5 scans per 10 minutes per person, 10 per 10 minutes per conversation. */
export const DEFAULT_SCAN_RATE_LIMITS: ScanRateLimits = {
  perUser: { capacity: 5, refillMs: 10 * 60_000 },
  perConversation: { capacity: 10, refillMs: 10 * 60_000 },
};

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number; readonly reason: string };

export interface RateLimiter {
  /** Takes one scan from both buckets, or neither. */
  take(who: { readonly userId: string; readonly conversationId: string }): Promise<RateDecision>;
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

export function rateLimitSentence(scope: 'user' | 'conversation', seconds: number, limit: BucketLimit): string {
  const per = `${limit.capacity} scans every ${Math.round(limit.refillMs / 60_000)} minutes`;
  const whose = scope === 'user' ? `You have reached the limit of ${per}` : `This conversation has reached its limit of ${per}`;
  return `${whose}. Try again in ${seconds} s.`;
}

export function createScanRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limits = options.limits ?? DEFAULT_SCAN_RATE_LIMITS;
  for (const limit of [limits.perUser, limits.perConversation]) {
    if (!(limit.capacity >= 1) || !(limit.refillMs > 0)) throw new RangeError('A rate limit needs a capacity of at least 1 and a positive refill time.');
  }
  const now = options.now ?? Date.now;
  return options.store !== undefined ? storeLimiter(options.store, limits, now) : memoryLimiter(limits, now);
}

function memoryLimiter(limits: ScanRateLimits, now: () => number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    take({ userId, conversationId }) {
      const t = now();
      const userKey = `user/${userId}`;
      const convKey = `conversation/${conversationId}`;
      const userTokens = refill(buckets.get(userKey), limits.perUser, t);
      const convTokens = refill(buckets.get(convKey), limits.perConversation, t);
      const refused = refusal(userTokens, convTokens, limits);
      if (refused !== undefined) return Promise.resolve(refused);
      buckets.set(userKey, { tokens: userTokens - 1, at: t });
      buckets.set(convKey, { tokens: convTokens - 1, at: t });
      // Forget full buckets now and then so that memory follows active users, not every user ever seen.
      if (buckets.size > 10_000) for (const [key, bucket] of buckets) if (t - bucket.at > Math.max(limits.perUser.refillMs, limits.perConversation.refillMs)) buckets.delete(key);
      return Promise.resolve({ allowed: true });
    },
  };
}

function refusal(userTokens: number, convTokens: number, limits: ScanRateLimits): RateDecision | undefined {
  if (userTokens < 1) {
    const s = secondsUntilToken(userTokens, limits.perUser);
    return { allowed: false, retryAfterSeconds: s, reason: rateLimitSentence('user', s, limits.perUser) };
  }
  if (convTokens < 1) {
    const s = secondsUntilToken(convTokens, limits.perConversation);
    return { allowed: false, retryAfterSeconds: s, reason: rateLimitSentence('conversation', s, limits.perConversation) };
  }
  return undefined;
}

function storeLimiter(store: GuardianStore, limits: ScanRateLimits, now: () => number): RateLimiter {
  const key = (kind: string, id: string): string => `ratelimit/${kind}/${id}`;
  const read = async (k: string): Promise<{ bucket: Bucket | undefined; eTag: string }> => {
    const item = await store.get<unknown>(k);
    if (item === undefined) return { bucket: undefined, eTag: '*' };
    const v = item.value as Partial<Bucket> | null;
    const valid = typeof v?.tokens === 'number' && typeof v.at === 'number' && Number.isFinite(v.tokens) && Number.isFinite(v.at);
    return { bucket: valid ? { tokens: v.tokens, at: v.at } : undefined, eTag: item.eTag };
  };
  return {
    async take({ userId, conversationId }) {
      for (let attempt = 0; ; attempt += 1) {
        const t = now();
        const [user, conv] = await Promise.all([read(key('user', userId)), read(key('conversation', conversationId))]);
        const userTokens = refill(user.bucket, limits.perUser, t);
        const convTokens = refill(conv.bucket, limits.perConversation, t);
        const refused = refusal(userTokens, convTokens, limits);
        if (refused !== undefined) return refused;
        try {
          await store.put(key('user', userId), { tokens: userTokens - 1, at: t }, user.eTag);
          await store.put(key('conversation', conversationId), { tokens: convTokens - 1, at: t }, conv.eTag);
          return { allowed: true };
        } catch (error) {
          // Another instance took a token at the same moment: read again. After a few tries, let the scan run
          // rather than fail the user on contention (the limit is a brake, not a lock).
          if (!(error instanceof ETagConflictError)) throw error;
          if (attempt >= 3) return { allowed: true };
        }
      }
    },
  };
}
