/**
 * A watch's baseline, taken when the watch is set up with the scan its admission allows, so that a change made
 * right after "watch …" is a change against the baseline (alerted by the next re-check or scheduled run) and not
 * part of it. When it cannot be taken then, the scheduler's first pass takes it, as for a watch that never had one.
 */
import type { ScanReport } from '../checks/types';
import type { Logger } from '../logging';
import { ScanError } from '../scan/scan-service';
import type { AdmittedScan } from '../security/guarded-watches';
import type { GuardianStore } from '../storage/store';
import { baselineCard } from './cards';
import { outboxIdOf, type NewOutboxEntry } from './outbox';
import { readRunState, writeRunState } from './run-state';
import type { Subscription } from './subscriptions';

export type BaselineOutcome =
  | { readonly kind: 'taken'; readonly report: ScanReport }
  /** The watch already had one (set up again, with another schedule): changes are still diffed against it. */
  | { readonly kind: 'kept' }
  /** Not taken now (the scan failed, or another instance is scanning this watch): the next pass takes it. */
  | { readonly kind: 'pending'; readonly reason: string };

export interface BaselineDeps {
  readonly store: GuardianStore;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly scanLeaseTtlMs: number;
  readonly acceptRisks?: (report: ScanReport, conversationId: string) => Promise<ScanReport>;
}

/** The lease a watch's scans run under, on every instance: scheduled runs, re-checks and the subscribe baseline. */
export const scanLeaseName = (subscriptionId: string): string => `scan/${subscriptionId}`;

/** What a user is told about a scan that failed: a ScanError's own sentence, else nothing internal. */
export function scanFailureMessage(error: unknown): string {
  return error instanceof ScanError ? error.message : 'The scan failed unexpectedly; the bot log has the details.';
}

/** The baseline card, keyed by the watch's creation so that the subscribe and a first pass never post it twice. */
export function baselineEntry(subscription: Subscription, report: ScanReport): NewOutboxEntry {
  return {
    id: outboxIdOf(subscription.id, 'baseline', `baseline:${subscription.createdAt}`),
    subscriptionId: subscription.id,
    conversationId: subscription.conversationId,
    kind: 'baseline',
    card: baselineCard(subscription, report),
    text: `Now watching ${subscription.workspace.name}.`,
  };
}

/**
 * Under the watch's scan lease: the baseline scan and its run state, unless the watch has one already. The
 * caller saves the subscription after this (a pass that sees it then finds it not due) and enqueues the card.
 */
export async function takeBaseline(deps: BaselineDeps, subscription: Subscription, scan: AdmittedScan, at: Date): Promise<BaselineOutcome> {
  const lease = scanLeaseName(subscription.id);
  if (!(await deps.store.acquireLease(lease, deps.instanceId, deps.scanLeaseTtlMs))) {
    return { kind: 'pending', reason: 'Another scan of this watch is running.' };
  }
  try {
    if ((await readRunState(deps.store, subscription.id))?.lastReport !== undefined) return { kind: 'kept' };
    let report: ScanReport;
    try {
      report = await scan({ kind: 'all' });
      if (deps.acceptRisks !== undefined) report = await deps.acceptRisks(report, subscription.conversationId);
    } catch (e) {
      if (!(e instanceof ScanError)) deps.logger.error({ err: e, subscriptionId: subscription.id }, 'baseline scan at subscribe failed');
      return { kind: 'pending', reason: scanFailureMessage(e) };
    }
    // As a first scheduled run leaves it: the next slot is the schedule's first one after now.
    const ran = at.toISOString();
    await writeRunState(deps.store, subscription.id, { lastSlot: ran, lastRunAt: ran, runs: 1, lastReport: report, lastDigestAt: ran });
    return { kind: 'taken', report };
  } finally {
    await deps.store.releaseLease(lease, deps.instanceId);
  }
}
