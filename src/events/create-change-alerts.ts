/**
 * Change alerts composed from the product's parts: the Activity Log poller over the watched subscriptions, the
 * Event Grid queue consumer when a queue is configured, the targeted re-check through the guarded watches, and an
 * outbox over the same store and sender as the notifications (entries are claimed in the store, so it shares the
 * work with theirs).
 */
import type { Logger } from '../logging';
import { Outbox } from '../notifications/outbox';
import type { ProactiveSender } from '../notifications/sender';
import { SubscriptionRepository } from '../notifications/subscriptions';
import type { GuardianStore } from '../storage/store';
import { createActivityLogPoller, type ActivityLogPoller, type ActivityLogReader } from './activity-log-poller';
import { createChangeAlerts, type ChangeAlerts } from './change-alerts';
import type { EventQueues } from './event-queues';
import { createQueueConsumer, type QueueConsumer } from './queue-consumer';
import { recheckChanges, type RecheckDeps } from './targeted-recheck';
import type { ChangeEvent } from '../shared/change-event';

export interface ChangeAlertsDeps {
  readonly store: GuardianStore;
  /** The only way to Azure: each re-check is admitted for the conversation and user that set the watch up. */
  readonly watches: RecheckDeps['watches'];
  readonly sender: ProactiveSender;
  readonly logger: Logger;
  readonly instanceId: string;
  /** The Activity Log read per subscription (the sample's or Azure's, chosen by the caller). */
  readonly readActivityLog: ActivityLogReader;
  readonly pollIntervalMs: number;
  readonly windowMs?: number;
  readonly scanLeaseTtlMs?: number;
  /** The conversations' accepted risks, as the scheduled scans apply them. */
  readonly acceptRisks?: RecheckDeps['acceptRisks'];
  /** The Event Grid queues every instance consumes (push), besides the Activity Log poll (pull). */
  readonly queues?: EventQueues;
  /** False for a change outside the scopes the bot may read: the queue consumer drops it unread. */
  readonly acceptsEvent?: (event: ChangeEvent) => boolean;
  /** Wait after an empty queue receive (default 1 s). */
  readonly queueIdleMs?: number;
}

export interface ProductChangeAlerts extends ChangeAlerts {
  readonly poller: ActivityLogPoller;
  readonly queueConsumer: QueueConsumer | undefined;
}

/** The subscription GUID of a workspace id. */
const subscriptionOf = (workspaceId: string): string | undefined => /^\/subscriptions\/([^/]+)/i.exec(workspaceId)?.[1];

export function createProductChangeAlerts(deps: ChangeAlertsDeps): ProductChangeAlerts {
  const subscriptions = new SubscriptionRepository(deps.store);
  const outbox = new Outbox({ store: deps.store, sender: deps.sender, subscriptions, logger: deps.logger, instanceId: deps.instanceId });
  const poller = createActivityLogPoller({
    store: deps.store,
    read: deps.readActivityLog,
    watchedSubscriptions: async () => (await subscriptions.list()).filter((s) => s.enabled).flatMap((s) => subscriptionOf(s.workspace.id) ?? []),
    intervalMs: deps.pollIntervalMs,
    logger: deps.logger,
    instanceId: deps.instanceId,
  });
  const recheckDeps: RecheckDeps = {
    store: deps.store,
    watches: deps.watches,
    subscriptions,
    outbox,
    logger: deps.logger,
    instanceId: deps.instanceId,
    scanLeaseTtlMs: deps.scanLeaseTtlMs ?? 600_000,
    ...(deps.acceptRisks === undefined ? {} : { acceptRisks: deps.acceptRisks }),
  };
  const queueConsumer =
    deps.queues === undefined
      ? undefined
      : createQueueConsumer({
          ...deps.queues,
          store: deps.store,
          logger: deps.logger,
          ...(deps.acceptsEvent === undefined ? {} : { accepts: deps.acceptsEvent }),
          ...(deps.queueIdleMs === undefined ? {} : { idleMs: deps.queueIdleMs }),
        });
  const alerts = createChangeAlerts({
    sources: queueConsumer === undefined ? [poller] : [poller, queueConsumer],
    recheck: (events) => recheckChanges(recheckDeps, events),
    drain: () => outbox.drain(),
    logger: deps.logger,
    ...(deps.windowMs !== undefined ? { windowMs: deps.windowMs } : {}),
  });
  return { ...alerts, poller, queueConsumer };
}
