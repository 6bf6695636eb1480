/**
 * Proactive sends go through an outbox in the store (`outbox/<id>`), so that a crash or a restart never posts
 * twice and never forgets a card:
 *
 * - The id is derived from (subscription, kind, schedule slot): enqueueing the same notification again (a pass
 *   retried after a crash) finds the entry already there and adds nothing.
 * - pending → sending (a compare-and-swap claim with an expiry: one instance sends) → sent | pending (retry) | dead.
 * - 429, 412, 5xx and network errors are retried with exponential backoff and jitter, never sooner than the
 *   connector's Retry-After; sends are paced to 7 per second per conversation.
 * - 403 (bot removed, MessageWritesBlocked) disables the subscription with the reason; other 4xx dead-letter.
 * - A direct post (an accepted-risk reminder) carries its own conversation reference and needs no watch.
 *
 * The one window left: an instance that stops after the connector accepted a message but before it wrote
 * "sent" (one store write, milliseconds) leaves the entry "sending". Nothing can tell whether that message went
 * out (Teams ignores client-chosen activity ids), so by default such an entry is dead-lettered, not resent:
 * at most once, as the channel would rather miss one card than see it twice. `inFlightAfterCrash: 'resend'`
 * chooses at least once instead. The same choice applies to a crash between the claim and the send.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../logging';
import { scrubSecrets } from '../logging';
import type { AdaptiveCard } from '../cards/card';
import { ETagConflictError, type GuardianStore } from '../storage/store';
import { ConversationPacer } from './pacer';
import { SendError, type ConversationRefJson, type ProactiveSender } from './sender';
import type { SubscriptionRepository } from './subscriptions';
import { errorMessage } from '../shared/error-message';

export type NotificationKind = 'baseline' | 'change' | 'digest' | 'scan-failed' | 'exception-reminder';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'dead';

export interface OutboxEntry {
  readonly id: string;
  /** The watch a post belongs to; empty for a direct post. */
  readonly subscriptionId: string;
  /** A direct post that belongs to no watch (an accepted-risk reminder): sent to this reference; a 403 disables nothing. */
  readonly conversationRef?: ConversationRefJson;
  readonly conversationId: string;
  readonly kind: NotificationKind;
  readonly card: AdaptiveCard;
  readonly text?: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly createdAt: string;
  readonly nextAttemptAt: string;
  readonly claimedBy?: string;
  readonly claimedUntil?: string;
  readonly sentAt?: string;
  readonly deadReason?: string;
  readonly lastError?: string;
}

export interface NewOutboxEntry {
  readonly id: string;
  readonly subscriptionId: string;
  readonly conversationRef?: ConversationRefJson;
  readonly conversationId: string;
  readonly kind: NotificationKind;
  readonly card: AdaptiveCard;
  readonly text?: string;
}

export interface OutboxOptions {
  readonly store: GuardianStore;
  readonly sender: ProactiveSender;
  readonly subscriptions: SubscriptionRepository;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Attempts before an entry is dead-lettered (default 6). */
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** How long a claim protects an entry being sent (default 2 min: covers the connector's own retries). */
  readonly claimTtlMs?: number;
  /** A drain waits in process for retries due within this time; later ones wait for the next pass (default 15 s). */
  readonly maxInlineWaitMs?: number;
  readonly perConversationPerSecond?: number;
  /** Sent and dead entries are kept this long (they are what makes a repeated enqueue a no-op). Default 7 days. */
  readonly retentionMs?: number;
  readonly inFlightAfterCrash?: 'skip' | 'resend';
}

export interface DrainSummary {
  sent: number;
  retried: number;
  deadLettered: number;
  subscriptionsDisabled: number;
  /** Entries found in flight from a stopped instance (dead-lettered or requeued per `inFlightAfterCrash`). */
  inFlightRecovered: number;
}

export const OUTBOX_PREFIX = 'outbox/';
const RETRYABLE = new Set([0, 408, 412, 429]);
const MAX_ROUNDS = 50;

export function outboxKey(id: string): string {
  return `${OUTBOX_PREFIX}${id}`;
}

/** Deterministic: the same notification for the same slot always gets the same id. */
export function outboxIdOf(subscriptionId: string, kind: NotificationKind, slot: string): string {
  return createHash('sha256').update(`${subscriptionId}\n${kind}\n${slot}`).digest('hex').slice(0, 32);
}

export class Outbox {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly claimTtlMs: number;
  private readonly maxInlineWaitMs: number;
  private readonly retentionMs: number;
  private readonly pacer: ConversationPacer;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = options.random ?? Math.random;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.claimTtlMs = options.claimTtlMs ?? 120_000;
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 15_000;
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3600_000;
    this.pacer = new ConversationPacer(options.perConversationPerSecond ?? 7, this.now, this.sleep);
  }

  /** Adds the entry unless one with the same id exists (then returns false: it was enqueued before). */
  async enqueue(entry: NewOutboxEntry): Promise<boolean> {
    const at = new Date(this.now()).toISOString();
    const full: OutboxEntry = { ...entry, state: 'pending', attempts: 0, createdAt: at, nextAttemptAt: at };
    try {
      await this.options.store.put(outboxKey(entry.id), full, '*');
      return true;
    } catch (e) {
      if (e instanceof ETagConflictError) return false;
      throw e;
    }
  }

  async entries(): Promise<OutboxEntry[]> {
    return (await this.options.store.list<OutboxEntry>(OUTBOX_PREFIX)).map((e) => e.item.value);
  }

  /** Sends what is due, retrying within `maxInlineWaitMs`; what is due later stays for the next drain. */
  async drain(): Promise<DrainSummary> {
    const summary: DrainSummary = { sent: 0, retried: 0, deadLettered: 0, subscriptionsDisabled: 0, inFlightRecovered: 0 };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const listed = await this.options.store.list<OutboxEntry>(OUTBOX_PREFIX);
      const now = this.now();
      const due: { entry: OutboxEntry; eTag: string }[] = [];
      let soonest = Number.POSITIVE_INFINITY;
      for (const { item } of listed) {
        const entry = item.value;
        if (entry.state === 'sent' || entry.state === 'dead') {
          if (Date.parse(entry.sentAt ?? entry.nextAttemptAt) + this.retentionMs < now) await this.prune(entry, item.eTag);
        } else if (entry.state === 'sending') {
          if (Date.parse(entry.claimedUntil ?? entry.nextAttemptAt) < now) {
            const requeued = await this.recoverInFlight(entry, item.eTag, summary);
            if (requeued !== undefined) due.push(requeued);
          }
        } else if (Date.parse(entry.nextAttemptAt) <= now) {
          due.push({ entry, eTag: item.eTag });
        } else {
          soonest = Math.min(soonest, Date.parse(entry.nextAttemptAt));
        }
      }
      if (due.length === 0) {
        if (soonest - now > this.maxInlineWaitMs || soonest === Number.POSITIVE_INFINITY) break;
        await this.sleep(soonest - now);
        continue;
      }
      due.sort((a, b) => a.entry.createdAt.localeCompare(b.entry.createdAt) || a.entry.id.localeCompare(b.entry.id));
      for (const { entry, eTag } of due) await this.process(entry, eTag, summary);
    }
    return summary;
  }

  private async process(entry: OutboxEntry, eTag: string, summary: DrainSummary): Promise<void> {
    const { store, subscriptions, sender, logger, instanceId } = this.options;
    const key = outboxKey(entry.id);
    const claimed: OutboxEntry = {
      ...entry,
      state: 'sending',
      attempts: entry.attempts + 1,
      claimedBy: instanceId,
      claimedUntil: new Date(this.now() + this.claimTtlMs).toISOString(),
    };
    let claimETag: string;
    try {
      claimETag = await store.put(key, claimed, eTag);
    } catch (e) {
      if (e instanceof ETagConflictError) return; // another instance claimed it
      throw e;
    }

    // A direct post (no watch behind it) goes to its own reference; a watch's post needs the watch enabled.
    const subscription = entry.conversationRef === undefined ? await subscriptions.get(entry.subscriptionId) : undefined;
    if (entry.conversationRef === undefined && (subscription === undefined || !subscription.enabled)) {
      await this.finish(key, claimed, claimETag, { state: 'dead', deadReason: subscription === undefined ? 'subscription removed' : 'subscription disabled' });
      summary.deadLettered++;
      return;
    }

    try {
      const ref = entry.conversationRef ?? (subscription === undefined ? undefined : await subscriptions.conversationRefFor(subscription));
      if (ref === undefined) throw new Error('No conversation to post to.');
      await this.pacer.take(entry.conversationId);
      await sender.send(ref, entry.card, entry.text);
    } catch (e) {
      const status = e instanceof SendError ? e.status : 0;
      const message = scrubSecrets(errorMessage(e)).slice(0, 300);
      const code = e instanceof SendError && e.code !== undefined ? ` ${e.code}` : '';
      if (status === 403) {
        const reason = `Teams refused the post (403${code}): the bot was removed from this conversation or blocked.`;
        if (subscription !== undefined) await subscriptions.disable(subscription.id, reason);
        logger.warn({ subscriptionId: entry.subscriptionId, conversationId: entry.conversationId, status, code: e instanceof SendError ? e.code : undefined }, subscription === undefined ? 'direct post forbidden' : 'proactive send forbidden; subscription disabled');
        await this.finish(key, claimed, claimETag, { state: 'dead', deadReason: `forbidden (403${code})`, lastError: message });
        summary.deadLettered++;
        if (subscription !== undefined) summary.subscriptionsDisabled++;
        return;
      }
      const retryable = RETRYABLE.has(status) || status >= 500;
      if (retryable && claimed.attempts < this.maxAttempts) {
        const delay = this.backoff(claimed.attempts, e instanceof SendError ? e.retryAfterMs : undefined);
        logger.info({ outboxId: entry.id, status, attempt: claimed.attempts, delayMs: delay }, 'proactive send failed; will retry');
        await this.finish(key, claimed, claimETag, { state: 'pending', nextAttemptAt: new Date(this.now() + delay).toISOString(), lastError: message });
        summary.retried++;
        return;
      }
      const deadReason = retryable ? `gave up after ${claimed.attempts} attempts (HTTP ${status})` : `HTTP ${status}${code}`;
      logger.warn({ outboxId: entry.id, subscriptionId: entry.subscriptionId, status, deadReason }, 'proactive send dead-lettered');
      await this.finish(key, claimed, claimETag, { state: 'dead', deadReason, lastError: message });
      summary.deadLettered++;
      return;
    }
    await this.finish(key, claimed, claimETag, { state: 'sent', sentAt: new Date(this.now()).toISOString() });
    summary.sent++;
  }

  /** Writes the outcome over our own claim; if the claim was lost meanwhile, the newer owner's state stands. */
  private async finish(key: string, claimed: OutboxEntry, claimETag: string, outcome: Partial<OutboxEntry>): Promise<void> {
    const { claimedBy: _by, claimedUntil: _until, ...rest } = claimed;
    try {
      await this.options.store.put<OutboxEntry>(key, { ...rest, ...outcome }, claimETag);
    } catch (e) {
      if (!(e instanceof ETagConflictError)) throw e;
      this.options.logger.warn({ outboxId: claimed.id, outcome: outcome.state }, 'outbox claim expired before the outcome was recorded');
    }
  }

  /** Returns the entry to send again (policy 'resend'), or undefined. */
  private async recoverInFlight(entry: OutboxEntry, eTag: string, summary: DrainSummary): Promise<{ entry: OutboxEntry; eTag: string } | undefined> {
    const resend = this.options.inFlightAfterCrash === 'resend';
    const { claimedBy: _by, claimedUntil: _until, ...rest } = entry;
    const next: OutboxEntry = resend
      ? { ...rest, state: 'pending', nextAttemptAt: new Date(this.now()).toISOString() }
      : { ...rest, state: 'dead', deadReason: 'delivery uncertain: an instance stopped while sending; not resent to avoid a duplicate post' };
    let newETag: string;
    try {
      newETag = await this.options.store.put(outboxKey(entry.id), next, eTag);
    } catch (e) {
      if (e instanceof ETagConflictError) return undefined;
      throw e;
    }
    summary.inFlightRecovered++;
    this.options.logger.warn({ outboxId: entry.id, claimedBy: entry.claimedBy, resend }, 'outbox entry was in flight when its instance stopped');
    return resend ? { entry: next, eTag: newETag } : undefined;
  }

  private async prune(entry: OutboxEntry, eTag: string): Promise<void> {
    // Only if unchanged since listed; a delete is not conditional, so re-check first.
    const current = await this.options.store.get<OutboxEntry>(outboxKey(entry.id));
    if (current?.eTag === eTag) await this.options.store.delete([outboxKey(entry.id)]);
  }

  /** Exponential backoff with equal jitter, never below the connector's Retry-After. */
  private backoff(attempt: number, retryAfterMs: number | undefined): number {
    const exp = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    const jittered = exp / 2 + this.random() * (exp / 2);
    return Math.ceil(Math.max(retryAfterMs ?? 0, jittered));
  }
}
