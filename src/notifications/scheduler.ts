/**
 * One scheduling pass: which subscriptions are due (croner computes each one's next slot from its cron, time
 * zone and last slot), and for each due one — under a store lease `scan/<subscriptionId>` so that only one
 * instance scans it — scan, diff against the last report, and enqueue at most one card per slot in the outbox.
 *
 * Order of writes, for crash safety: the card is enqueued (idempotent, keyed by the slot) before the run state
 * moves on. A crash in between makes the next pass redo the slot, and the enqueue finds the card already there.
 */
import type { ScanReport } from '../checks/types';
import type { Logger } from '../logging';
import { ScanError } from '../scan/scan-service';
import type { GuardedWatches } from '../security/guarded-watches';
import type { GuardianStore } from '../storage/store';
import { baselineEntry, scanFailureMessage, scanLeaseName } from './baseline';
import { changeCard, digestCard, scanFailedCard } from './cards';
import { describeDiff, diffReports } from './diff';
import { outboxIdOf, type NotificationKind, type Outbox } from './outbox';
import { readRunState, writeRunState, type RunState } from './run-state';
import { nextRun } from './schedule';
import type { Subscription, SubscriptionRepository } from './subscriptions';
import { admitWatchRun } from './watch-admission';
import type { AdaptiveCard } from '../cards/card';

export type RunOutcome = 'baseline' | 'changed' | 'unchanged' | 'scan-failed' | 'scan-failed-again' | 'leased-elsewhere' | 'no-longer-due' | 'revoked' | 'over-budget';

export interface SubscriptionRun {
  readonly subscriptionId: string;
  readonly workspace: string;
  readonly outcome: RunOutcome;
  /** Cards this run put in the outbox (0 when nothing changed or the card was already there). */
  readonly enqueued: number;
}

export interface SchedulerDeps {
  readonly store: GuardianStore;
  /** The only way to Azure: each run is admitted for the conversation and user that set the watch up. */
  readonly watches: GuardedWatches;
  readonly subscriptions: SubscriptionRepository;
  readonly outbox: Outbox;
  readonly logger: Logger;
  readonly instanceId: string;
  /** Longer than a scan can take (GUARDIAN_SCAN_TIMEOUT_MS); a crashed instance's lease frees after it. */
  readonly scanLeaseTtlMs: number;
  /** The watching conversation's accepted risks applied to the report before it is compared (src/exceptions). */
  readonly acceptRisks?: (report: ScanReport, conversationId: string) => Promise<ScanReport>;
}

const WEEK_MS = 7 * 24 * 3600_000;
const MAX_SLOTS_SKIPPED = 100_000;

/**
 * The slot to run now, or undefined when not due. A new subscription is due at once (its baseline). Slots
 * missed while no instance ran are not caught up one by one: the latest past slot stands for them all.
 */
export function dueSlot(subscription: Subscription, state: RunState | undefined, now: Date): string | undefined {
  if (!subscription.enabled) return undefined;
  if (state === undefined) return `baseline:${subscription.createdAt}`;
  let slot = nextRun(subscription.schedule, new Date(state.lastSlot));
  if (slot === undefined || slot > now) return undefined;
  for (let i = 0; i < MAX_SLOTS_SKIPPED; i++) {
    const following = nextRun(subscription.schedule, slot);
    if (following === undefined || following > now) break;
    slot = following;
  }
  return slot.toISOString();
}

export async function runDueScans(deps: SchedulerDeps, now: Date): Promise<SubscriptionRun[]> {
  const runs: SubscriptionRun[] = [];
  const scans = new Map<string, Promise<ScanReport>>(); // one scan per workspace per pass
  for (const subscription of await deps.subscriptions.list()) {
    const state = await readRunState(deps.store, subscription.id);
    if (dueSlot(subscription, state, now) === undefined) continue;
    runs.push(await runOne(deps, subscription.id, now, scans));
  }
  return runs;
}

async function runOne(deps: SchedulerDeps, subscriptionId: string, now: Date, scans: Map<string, Promise<ScanReport>>): Promise<SubscriptionRun> {
  const { store, logger, instanceId } = deps;
  const lease = scanLeaseName(subscriptionId);
  if (!(await store.acquireLease(lease, instanceId, deps.scanLeaseTtlMs))) {
    return { subscriptionId, workspace: '', outcome: 'leased-elsewhere', enqueued: 0 };
  }
  try {
    // Read again under the lease: another instance may have run this slot a moment ago.
    const subscription = await deps.subscriptions.get(subscriptionId);
    const state = await readRunState(store, subscriptionId);
    const slot = subscription === undefined ? undefined : dueSlot(subscription, state, now);
    if (subscription === undefined || slot === undefined) return { subscriptionId, workspace: subscription?.workspace.name ?? '', outcome: 'no-longer-due', enqueued: 0 };
    const workspace = subscription.workspace.name;
    const lastSlot = slot.startsWith('baseline:') ? now.toISOString() : slot;
    const base = { lastSlot, lastRunAt: now.toISOString(), runs: (state?.runs ?? 0) + 1, lastDigestAt: state?.lastDigestAt };
    const enqueue = async (kind: NotificationKind, card: AdaptiveCard, text: string): Promise<number> =>
      (await deps.outbox.enqueue({ id: outboxIdOf(subscriptionId, kind, slot), subscriptionId, conversationId: subscription.conversationId, kind, card, text })) ? 1 : 0;

    const admission = await admitWatchRun(deps, subscription);
    // Over budget, the slot stays due: a later pass runs it once the budget has refilled.
    if (admission.kind !== 'run') return { subscriptionId, workspace, outcome: admission.kind, enqueued: 0 };
    let report: ScanReport;
    try {
      // The workspace just admitted, by its id (a name typed at subscribe time could resolve elsewhere now). Each
      // watch of it was admitted and charged; the first admitted one's scan serves them all in this pass.
      const key = subscription.workspace.id.toLowerCase();
      const scan = scans.get(key) ?? admission.scan({ kind: 'all' });
      scans.set(key, scan);
      report = await scan;
      if (deps.acceptRisks !== undefined) report = await deps.acceptRisks(report, subscription.conversationId);
    } catch (e) {
      const message = scanFailureMessage(e);
      if (!(e instanceof ScanError)) logger.error({ err: e, subscriptionId }, 'scheduled scan failed');
      const repeated = state?.lastError === message;
      const enqueued = repeated ? 0 : await enqueue('scan-failed', scanFailedCard(subscription, message), `I could not scan ${workspace}.`);
      await writeRunState(store, subscriptionId, { ...base, lastReport: state?.lastReport, lastError: message });
      return { subscriptionId, workspace, outcome: repeated ? 'scan-failed-again' : 'scan-failed', enqueued };
    }

    let enqueued = 0;
    let outcome: RunOutcome;
    if (state?.lastReport === undefined) {
      outcome = 'baseline';
      enqueued += (await deps.outbox.enqueue(baselineEntry(subscription, report))) ? 1 : 0;
    } else {
      const diff = diffReports(state.lastReport, report);
      outcome = diff.hasChanges ? 'changed' : 'unchanged';
      if (diff.hasChanges) enqueued += await enqueue('change', changeCard(subscription, report, diff), `${workspace}: ${describeDiff(diff)}`);
    }
    let lastDigestAt = state?.lastDigestAt ?? (outcome === 'baseline' ? now.toISOString() : undefined);
    if (subscription.weeklyDigest && outcome !== 'baseline' && now.getTime() - Date.parse(lastDigestAt ?? subscription.createdAt) >= WEEK_MS) {
      enqueued += await enqueue('digest', digestCard(subscription, report), `Weekly digest for ${workspace}.`);
      lastDigestAt = now.toISOString();
    }
    await writeRunState(store, subscriptionId, { ...base, lastReport: report, lastDigestAt });
    logger.info({ subscriptionId, outcome, enqueued }, 'scheduled scan done');
    return { subscriptionId, workspace, outcome, enqueued };
  } finally {
    await store.releaseLease(lease, instanceId);
  }
}
