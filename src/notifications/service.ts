/**
 * The notifications service: subscribe (which takes the watch's baseline, baseline.ts) / unsubscribe / list for the chat, and passes (due scans, accepted-risk
 * reminders and expiries, then the outbox) run by a croner timer every minute on every instance — leases and outbox claims make each scan
 * and each post happen once — or on demand (POST /api/notifications/run, tests).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Logger } from '../logging';
import { ScanError } from '../scan/scan-service';
import type { GuardedWatches, SubscribeAdmission, WatchPrincipal } from '../security/guarded-watches';
import type { GuardianStore } from '../storage/store';
import { baselineEntry, takeBaseline, type BaselineOutcome } from './baseline';
import { runExceptionExpiry, type ExceptionExpirySettings, type ExpiryRun } from './exception-expiry';
import { Outbox, type DrainSummary, type OutboxOptions } from './outbox';
import { runStateKey } from './run-state';
import { runDueScans, type SchedulerDeps, type SubscriptionRun } from './scheduler';
import { ScheduleError, validateSchedule, type Schedule } from './schedule';
import { isConversationRef, type ConversationRefJson, type ProactiveSender } from './sender';
import { conversationRefKey, matchesTarget, SubscriptionRepository, subscriptionIdOf, type Subscription } from './subscriptions';

export interface NotificationServiceOptions {
  readonly store: GuardianStore;
  /** The only way to Azure, at subscribe and before every run: no watch reads Azure without being admitted. */
  readonly watches: GuardedWatches;
  readonly sender: ProactiveSender;
  readonly logger: Logger;
  /** Unique per process (host name + pid + random is fine): holder of leases and outbox claims. */
  readonly instanceId: string;
  /** Real time, for the outbox's retries and pacing. */
  readonly now?: () => number;
  /** The day a pass runs as: which schedule slots are due, which accepted risks are due a reminder or expired (default: now). */
  readonly clock?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Default 10 minutes: longer than any scan. */
  readonly scanLeaseTtlMs?: number;
  /** Timer pattern for start() (default every minute). */
  readonly timerCron?: string;
  readonly maxSubscriptionsPerConversation?: number;
  /** Applies a conversation's accepted risks to a scheduled report (src/exceptions). */
  readonly acceptRisks?: SchedulerDeps['acceptRisks'];
  /** Reminders before an accepted risk expires and the change card when it has (src/notifications/exception-expiry.ts); off when absent. */
  readonly exceptionExpiry?: ExceptionExpirySettings;
  readonly outbox?: Partial<Pick<OutboxOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'claimTtlMs' | 'maxInlineWaitMs' | 'perConversationPerSecond' | 'retentionMs' | 'inFlightAfterCrash'>>;
}

export interface SubscribeRequest {
  readonly conversationId: string;
  readonly userId: string;
  readonly userName?: string;
  readonly target: string;
  readonly schedule: Schedule;
  readonly weeklyDigest?: boolean;
  /** Defaults to the reference the bot saved for the conversation. */
  readonly conversationRef?: ConversationRefJson;
  /** Who sets the watch up, as the scan guard sees them: each run is authorised for them again. */
  readonly principal: WatchPrincipal;
}

export type SubscribeResult =
  | { readonly ok: true; readonly subscription: Subscription; readonly created: boolean; readonly baseline: BaselineOutcome }
  | { readonly ok: false; readonly message: string };

export interface PassSummary {
  readonly instanceId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly scans: readonly SubscriptionRun[];
  readonly exceptions?: ExpiryRun;
  readonly outbox: DrainSummary;
}

export interface NotificationService {
  subscribe(request: SubscribeRequest): Promise<SubscribeResult>;
  /** Removes this conversation's subscriptions to the target; returns what was removed. */
  unsubscribe(conversationId: string, target: string): Promise<Subscription[]>;
  unsubscribeById(conversationId: string, subscriptionId: string): Promise<Subscription | undefined>;
  list(conversationId?: string): Promise<Subscription[]>;
  /** One pass now: due scans, then the outbox. Passes on one instance never overlap (a second call waits). */
  runPass(now?: Date): Promise<PassSummary>;
  start(): void;
  stop(): Promise<void>;
}

/** A process-unique holder id for leases and outbox claims: host, pid and a random suffix. */
export function defaultInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export function createNotificationService(options: NotificationServiceOptions): NotificationService {
  const { store, watches, logger, instanceId } = options;
  const now = options.now ?? Date.now;
  const clock = options.clock ?? ((): Date => new Date(now()));
  const subscriptions = new SubscriptionRepository(store);
  const outbox = new Outbox({ ...options.outbox, store, sender: options.sender, subscriptions, logger, instanceId, now, sleep: options.sleep, random: options.random });
  const maxPerConversation = options.maxSubscriptionsPerConversation ?? 20;
  const scanLeaseTtlMs = options.scanLeaseTtlMs ?? 600_000;
  let timer: Cron | undefined;
  let running: Promise<PassSummary> | undefined;

  async function pass(at: Date): Promise<PassSummary> {
    const startedAt = new Date(now()).toISOString();
    const scans = await runDueScans(
      {
        store,
        watches,
        subscriptions,
        outbox,
        logger,
        instanceId,
        scanLeaseTtlMs,
        ...(options.acceptRisks === undefined ? {} : { acceptRisks: options.acceptRisks }),
      },
      at,
    );
    // After the scans: an expiry a due scan already announced finds nothing left to announce.
    const expiry = options.exceptionExpiry;
    const exceptions = expiry === undefined ? undefined : await runExceptionExpiry({ ...expiry, store, outbox, subscriptions, logger, instanceId, scanLeaseTtlMs }, at);
    const drained = await outbox.drain();
    return { instanceId, startedAt, finishedAt: new Date(now()).toISOString(), scans, ...(exceptions === undefined ? {} : { exceptions }), outbox: drained };
  }

  const service: NotificationService = {
    async subscribe(request) {
      let schedule: Schedule;
      try {
        schedule = validateSchedule(request.schedule);
      } catch (e) {
        if (e instanceof ScheduleError) return { ok: false, message: e.message };
        throw e;
      }
      const ref = request.conversationRef ?? (await store.get<unknown>(conversationRefKey(request.conversationId)))?.value;
      if (!isConversationRef(ref)) {
        return { ok: false, message: 'I do not know how to reach this conversation yet. Send me any message here, then try again.' };
      }
      const resolved = admissionResult(request.target, await admitSubscribe(watches, request.target, request.principal));
      if (!resolved.ok) return resolved;
      const id = subscriptionIdOf(request.conversationId, resolved.workspace.id);
      const existing = await subscriptions.get(id);
      if (existing === undefined && (await subscriptions.listForConversation(request.conversationId)).length >= maxPerConversation) {
        return { ok: false, message: `This conversation already watches ${maxPerConversation} workspaces. Unwatch one first.` };
      }
      const subscription: Subscription = {
        id,
        conversationRef: ref,
        conversationId: request.conversationId,
        workspaceTarget: request.target,
        workspace: { id: resolved.workspace.id, name: resolved.workspace.name },
        schedule,
        weeklyDigest: request.weeklyDigest ?? false,
        createdBy: { userId: request.userId, ...(request.userName !== undefined ? { name: request.userName } : {}) },
        createdAt: existing?.createdAt ?? new Date(now()).toISOString(),
        enabled: true,
        ...(request.principal !== undefined ? { principal: request.principal } : {}),
      };
      // The baseline now, with the scan the admission allows: a change made a minute after "watch" is then a change
      // against it. Its run state is written before the watch is saved, so no pass takes a second baseline.
      const baseline = await takeBaseline({ store, logger, instanceId, scanLeaseTtlMs, ...(options.acceptRisks === undefined ? {} : { acceptRisks: options.acceptRisks }) }, subscription, resolved.scan, clock());
      await subscriptions.save(subscription);
      if (baseline.kind === 'taken') await outbox.enqueue(baselineEntry(subscription, baseline.report));
      logger.info({ subscriptionId: id, workspaceId: resolved.workspace.id, created: existing === undefined, baseline: baseline.kind }, 'subscription saved');
      return { ok: true, subscription, created: existing === undefined, baseline };
    },

    async unsubscribe(conversationId, target) {
      const removed = (await subscriptions.listForConversation(conversationId)).filter((s) => matchesTarget(s, target));
      for (const s of removed) await remove(s.id);
      return removed;
    },

    async unsubscribeById(conversationId, subscriptionId) {
      const s = await subscriptions.get(subscriptionId);
      if (s === undefined || s.conversationId !== conversationId) return undefined; // not this conversation's
      await remove(s.id);
      return s;
    },

    async list(conversationId) {
      return conversationId === undefined ? subscriptions.list() : subscriptions.listForConversation(conversationId);
    },

    async runPass(at) {
      // Serialise passes on this instance: the timer and the admin route may fire together.
      while (running !== undefined) await running.catch(() => undefined);
      const current = pass(at ?? clock());
      running = current;
      try {
        return await current;
      } finally {
        running = undefined;
      }
    },

    start() {
      if (timer !== undefined) return;
      timer = new Cron(options.timerCron ?? '* * * * *', { protect: true, timezone: 'UTC' }, async () => {
        try {
          const summary = await service.runPass();
          if (summary.scans.length > 0 || summary.outbox.sent > 0) logger.info({ summary }, 'notification pass');
        } catch (e) {
          logger.error({ err: e }, 'notification pass failed');
        }
      });
    },

    async stop() {
      timer?.stop();
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };

  async function remove(id: string): Promise<void> {
    await subscriptions.remove(id);
    await store.delete([runStateKey(id)]);
  }

  return service;
}

/** The admission, or a ScanError from the name lookup as a refusal (a name lookup is a read that can fail). */
async function admitSubscribe(watches: GuardedWatches, target: string, principal: WatchPrincipal): Promise<SubscribeAdmission> {
  try {
    return await watches.admitSubscribe(target, principal);
  } catch (e) {
    if (e instanceof ScanError) return { kind: 'refused', reason: e.message };
    throw e;
  }
}

/** The admitted workspace and its scan, or what to tell the user instead. */
function admissionResult(target: string, admission: SubscribeAdmission): ({ ok: true } & Extract<SubscribeAdmission, { kind: 'admitted' }>) | { ok: false; message: string } {
  switch (admission.kind) {
    case 'admitted':
      return { ok: true, ...admission };
    case 'refused':
      return { ok: false, message: admission.reason };
    case 'ambiguous':
      return {
        ok: false,
        message: `"${target}" matches several workspaces: ${admission.candidates.map((c) => `${c.name} (${c.resourceGroup})`).join(', ')}. Watch one by its resource id.`,
      };
    case 'not_found':
      return { ok: false, message: admission.message };
  }
}
