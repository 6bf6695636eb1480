/**
 * The pull source: every interval, one paged Activity Log request per watched subscription, for the window from
 * its persisted watermark (minus an overlap, since the Activity Log publishes some events minutes late) to now.
 * Events already delivered in the overlap are remembered with the watermark and skipped, so each is delivered once.
 *
 * Several instances share the work through a store lease per subscription: one of them polls it per interval.
 * A 403 (no `Microsoft.Insights/eventtypes/values/read`) is logged once, naming the permission; that subscription
 * is then left to the scheduled scans and tried again after `forbiddenRetryMs`.
 */
import type { Logger } from '../logging';
import type { ChangeEvent } from '../shared/change-event';
import type { GuardianStore } from '../storage/store';
import type { ChangeSink, ChangeSource } from './change-source';

export interface ActivityLogWindow {
  readonly from: Date;
  readonly to: Date;
}

/** The Activity Log read, as the poller needs it (src/azure/activity-log.ts implements it over ARM). */
export type ActivityLogReader = (subscriptionId: string, window: ActivityLogWindow, signal: AbortSignal) => Promise<ActivityLogRead>;

export type ActivityLogRead = { readonly kind: 'events'; readonly events: readonly ChangeEvent[] } | { readonly kind: 'forbidden'; readonly message: string };

export interface ActivityLogPollerOptions {
  readonly store: GuardianStore;
  readonly read: ActivityLogReader;
  /** The subscription GUIDs of the watched workspaces, asked each pass (watches come and go). */
  readonly watchedSubscriptions: () => Promise<readonly string[]>;
  readonly intervalMs: number;
  readonly logger: Logger;
  readonly instanceId: string;
  /** How far before the watermark each window starts again (default 10 minutes). */
  readonly overlapMs?: number;
  /** How long a subscription that answered 403 is left alone (default 1 hour). */
  readonly forbiddenRetryMs?: number;
  /** Deadline of one request (default 30 s). */
  readonly requestTimeoutMs?: number;
  readonly now?: () => number;
}

/** What the poller remembers per subscription at `events/activity-log/<subscriptionId>`. */
export interface PollState {
  /** End of the last window read (ISO). */
  readonly watermark: string;
  /** Ids of events delivered whose time is still inside the overlap, with that time. */
  readonly seen: Readonly<Record<string, string>>;
  /** Set while the subscription answers 403: when it did (ISO). */
  readonly forbiddenAt?: string;
}

export interface PollSummary {
  /** Subscriptions read this pass (one request each, plus any next pages). */
  readonly polled: number;
  readonly delivered: number;
  readonly duplicates: number;
  readonly forbidden: number;
  /** Polled by another instance, or waiting out a 403. */
  readonly skipped: number;
}

export const POLL_STATE_PREFIX = 'events/activity-log/';
const pollLease = (subscriptionId: string): string => `events/poll/${subscriptionId}`;

export interface ActivityLogPoller extends ChangeSource {
  /** One pass over the watched subscriptions now (the timer calls it; tests and the bench call it directly). */
  pollOnce(sink: ChangeSink): Promise<PollSummary>;
}

export function createActivityLogPoller(options: ActivityLogPollerOptions): ActivityLogPoller {
  const { store, logger, instanceId } = options;
  const now = options.now ?? Date.now;
  const overlapMs = options.overlapMs ?? 10 * 60_000;
  const forbiddenRetryMs = options.forbiddenRetryMs ?? 3600_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PollSummary> | undefined;

  const stateKey = (subscriptionId: string): string => `${POLL_STATE_PREFIX}${subscriptionId.toLowerCase()}`;

  async function pollSubscription(subscriptionId: string, sink: ChangeSink): Promise<'forbidden' | 'skipped' | { delivered: number; duplicates: number }> {
    const state = (await store.get<PollState>(stateKey(subscriptionId)))?.value;
    const at = now();
    if (state?.forbiddenAt !== undefined && at - Date.parse(state.forbiddenAt) < forbiddenRetryMs) return 'skipped';
    // The first poll of a subscription looks back one interval: older changes are the baseline scan's business.
    const watermark = state === undefined ? at - options.intervalMs : Date.parse(state.watermark);
    const window = { from: new Date(watermark - overlapMs), to: new Date(at) };
    const result = await options.read(subscriptionId, window, AbortSignal.timeout(requestTimeoutMs));
    if (result.kind === 'forbidden') {
      if (state?.forbiddenAt === undefined) logger.warn({ subscriptionId }, `${result.message} Change alerts for this subscription fall back to the scheduled scans.`);
      await store.put<PollState>(stateKey(subscriptionId), { watermark: state?.watermark ?? new Date(watermark).toISOString(), seen: state?.seen ?? {}, forbiddenAt: new Date(at).toISOString() });
      return 'forbidden';
    }
    if (state?.forbiddenAt !== undefined) logger.info({ subscriptionId }, 'the Activity Log is readable again; change alerts resume');
    const seen = state?.seen ?? {};
    const fresh = dedupe(result.events).filter((e) => seen[e.id] === undefined);
    if (fresh.length > 0) await sink(fresh);
    // Remember what was delivered for as long as a later window can return it again.
    const keepFrom = at - overlapMs;
    const nextSeen: Record<string, string> = {};
    for (const [id, time] of [...Object.entries(seen), ...fresh.map((e) => [e.id, e.time] as const)]) if (Date.parse(time) >= keepFrom) nextSeen[id] = time;
    await store.put<PollState>(stateKey(subscriptionId), { watermark: new Date(at).toISOString(), seen: nextSeen });
    return { delivered: fresh.length, duplicates: result.events.length - fresh.length };
  }

  async function pass(sink: ChangeSink): Promise<PollSummary> {
    const summary = { polled: 0, delivered: 0, duplicates: 0, forbidden: 0, skipped: 0 };
    const subscriptions = [...new Set((await options.watchedSubscriptions()).map((s) => s.toLowerCase()))];
    for (const subscriptionId of subscriptions) {
      // A lease a little shorter than the interval: the next interval's poll, on any instance, may take it.
      if (!(await store.acquireLease(pollLease(subscriptionId), instanceId, Math.max(1_000, options.intervalMs - 500)))) {
        summary.skipped += 1;
        continue;
      }
      try {
        const outcome = await pollSubscription(subscriptionId, sink);
        if (outcome === 'skipped') summary.skipped += 1;
        else if (outcome === 'forbidden') {
          summary.polled += 1;
          summary.forbidden += 1;
        } else {
          summary.polled += 1;
          summary.delivered += outcome.delivered;
          summary.duplicates += outcome.duplicates;
        }
      } catch (error) {
        // The watermark stays: the next pass reads this window again.
        logger.warn({ err: error, subscriptionId }, 'Activity Log poll failed; retrying next interval');
      }
    }
    return summary;
  }

  const poller: ActivityLogPoller = {
    name: 'activity-log',
    async pollOnce(sink) {
      while (running !== undefined) await running.catch(() => undefined);
      const current = pass(sink);
      running = current;
      try {
        return await current;
      } finally {
        running = undefined;
      }
    },
    start(sink) {
      if (timer !== undefined) return;
      timer = setInterval(() => {
        if (running !== undefined) return; // a slow pass: skip this tick rather than queue behind it
        poller.pollOnce(sink).catch((error: unknown) => logger.error({ err: error }, 'Activity Log pass failed'));
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
  return poller;
}

/** The same event twice in one answer (a page boundary moved while paging) counts once. */
function dedupe(events: readonly ChangeEvent[]): ChangeEvent[] {
  const byId = new Map<string, ChangeEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()];
}
