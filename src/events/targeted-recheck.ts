/**
 * What a batch of changes does to the watched workspaces: for each workspace some watch covers, the reads the
 * changes can affect (affected-reads.ts), then a scan of only the checks that use them, merged into each watch's
 * last report — the diff store the scheduled scans use — and one card per watch when findings moved. A change
 * with no effect on the baseline posts nothing (it is counted in the log). Each event is handled once across
 * sources and instances (a create-only key per event id in the store).
 */
import { createHash } from 'node:crypto';
import { summarize } from '../checks/runner';
import { checksFor } from '../checks/registry';
import type { ScanReport } from '../checks/types';
import { changeAlertCard } from '../notifications/change-alert-card';
import { compareFindings, describeDiff, diffReports } from '../notifications/diff';
import { outboxIdOf } from '../notifications/outbox';
import { readRunState, writeRunState } from '../notifications/run-state';
import { scanLeaseName } from '../notifications/baseline';
import type { SchedulerDeps } from '../notifications/scheduler';
import { admitWatchRun } from '../notifications/watch-admission';
import type { Subscription } from '../notifications/subscriptions';
import { ScanError, type ScanSelection } from '../scan/scan-service';
import type { AdmittedScan } from '../security/guarded-watches';
import type { ChangeEvent } from '../shared/change-event';
import { ETagConflictError, type GuardianStore } from '../storage/store';
import { inSubscriptionsOf } from './event-scope';
import { affectedReads, checksAffected, unionOfReads, watchedWorkspaceOf, type AffectedReads } from './affected-reads';

/** What a scheduled watch run needs (store, guarded watches, outbox, lease, accepted risks), and the lease retries. */
export interface RecheckDeps extends SchedulerDeps {
  /** Tries to take a watch's scan lease while a scheduled scan holds it (default 20, 250 ms apart). */
  readonly leaseAttempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type RecheckOutcome = 'alerted' | 'no-effect' | 'no-baseline' | 'scan-failed' | 'leased-elsewhere' | 'revoked' | 'over-budget';

export interface WorkspaceRecheck {
  readonly workspaceId: string;
  readonly events: number;
  /** Checks re-run (every check when the workspace itself changed). */
  readonly checks: number;
  readonly outcomes: readonly { readonly subscriptionId: string; readonly outcome: RecheckOutcome; readonly enqueued: number }[];
}

export interface RecheckSummary {
  readonly received: number;
  readonly duplicates: number;
  /** Events that touch no read of any watched workspace (unwatched resources, unrelated settings). */
  readonly unrelated: number;
  readonly workspaces: readonly WorkspaceRecheck[];
}

const HANDLED_PREFIX = 'events/handled/';

const claimKey = (text: string): string => `${HANDLED_PREFIX}${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;

/** Creates `key` unless it exists: true the first time any instance asks. */
async function claim(store: GuardianStore, key: string, at: string): Promise<boolean> {
  try {
    await store.put(key, { at }, '*');
    return true;
  } catch (error) {
    if (error instanceof ETagConflictError) return false;
    throw error;
  }
}

/**
 * True the first time any instance claims the event: by its id, then — when it carries one — by its operation's
 * correlation id, resource and operation, so that one change reported by both the Activity Log and Event Grid
 * (two ids) is handled once.
 */
async function claimEvent(store: GuardianStore, event: ChangeEvent): Promise<boolean> {
  if (!(await claim(store, claimKey(event.id), event.time))) return false;
  if (event.correlationId === undefined) return true;
  return claim(store, claimKey(`change:${event.correlationId}|${event.resourceId}|${event.operation}`.toLowerCase()), event.time);
}

/** The last report with the re-checked checks' findings replaced by the fresh ones (all of them for a full scan). */
export function mergeRechecked(last: ScanReport, fresh: ScanReport, checkIds: ReadonlySet<string> | 'all'): ScanReport {
  if (checkIds === 'all') return fresh;
  const findings = [...last.findings.filter((f) => !checkIds.has(f.checkId)), ...fresh.findings.filter((f) => checkIds.has(f.checkId))].sort(compareFindings);
  return { ...last, scannedAt: fresh.scannedAt, findings, summary: summarize(findings) };
}

export async function recheckChanges(deps: RecheckDeps, events: readonly ChangeEvent[]): Promise<RecheckSummary> {
  const byWorkspace = new Map<string, Subscription[]>();
  for (const s of await deps.subscriptions.list()) {
    if (!s.enabled) continue;
    const key = s.workspace.id.toLowerCase();
    byWorkspace.set(key, [...(byWorkspace.get(key) ?? []), s]);
  }
  // A change that concerns no watched workspace is dropped before anything is written for it.
  const watched = inSubscriptionsOf([...byWorkspace.keys()]);
  const candidates = events.filter((e) => watched(e.resourceId));
  const fresh: ChangeEvent[] = [];
  for (const event of candidates) if (await claimEvent(deps.store, event)) fresh.push(event);
  const related = new Set<string>();
  const workspaces: WorkspaceRecheck[] = [];
  for (const subscriptions of byWorkspace.values()) {
    const first = subscriptions[0];
    if (first === undefined) continue;
    const baseline = (await readRunState(deps.store, first.id))?.lastReport;
    if (baseline === undefined) continue; // the baseline scan will read everything anyway
    const watched = watchedWorkspaceOf(baseline);
    const touching: { event: ChangeEvent; reads: AffectedReads }[] = [];
    for (const event of fresh) {
      const reads = affectedReads(event.resourceId, watched);
      if (reads === 'all' || reads.size > 0) touching.push({ event, reads });
    }
    if (touching.length === 0) continue;
    for (const t of touching) related.add(t.event.id);
    workspaces.push(await recheckWorkspace(deps, subscriptions, touching.map((t) => t.event), unionOfReads(touching.map((t) => t.reads))));
  }
  const summary = { received: events.length, duplicates: candidates.length - fresh.length, unrelated: events.length - candidates.length + fresh.length - related.size, workspaces };
  deps.logger.info(
    { received: summary.received, duplicates: summary.duplicates, unrelated: summary.unrelated, noEffect: workspaces.flatMap((w) => w.outcomes).filter((o) => o.outcome === 'no-effect').length, workspaces: workspaces.length },
    'change events handled',
  );
  return summary;
}

async function recheckWorkspace(deps: RecheckDeps, subscriptions: readonly Subscription[], changes: readonly ChangeEvent[], reads: AffectedReads): Promise<WorkspaceRecheck> {
  const workspaceId = subscriptions[0]?.workspace.id ?? '';
  const checks = checksAffected(checksFor({ kind: 'all' }), reads);
  const checkIds = reads === 'all' ? 'all' : new Set(checks.map((c) => c.id));
  const base = { workspaceId, events: changes.length, checks: checks.length };
  if (checks.length === 0) return { ...base, outcomes: subscriptions.map((s) => ({ subscriptionId: s.id, outcome: 'no-effect', enqueued: 0 })) };
  // Each watch is admitted as its scheduled run would be; only if one is does Azure get read, through its admission.
  const outcomes: WorkspaceRecheck['outcomes'][number][] = [];
  const admitted: Subscription[] = [];
  let scan: AdmittedScan | undefined;
  for (const subscription of subscriptions) {
    const admission = await admitWatchRun(deps, subscription);
    if (admission.kind === 'run') {
      admitted.push(subscription);
      scan ??= admission.scan;
    } else outcomes.push({ subscriptionId: subscription.id, outcome: admission.kind, enqueued: 0 });
  }
  if (scan === undefined) return { ...base, outcomes };
  const selection: ScanSelection = checkIds === 'all' ? { kind: 'all' } : { kind: 'checks', checkIds: [...checkIds] };
  let report: ScanReport;
  try {
    report = await scan(selection);
  } catch (error) {
    // The scheduled scan reports a scan that keeps failing; an alert cannot say more than it.
    deps.logger.warn({ err: error instanceof ScanError ? error.message : error, workspaceId }, 'targeted re-check failed; the scheduled scan stays the safety net');
    return { ...base, outcomes: [...outcomes, ...admitted.map((s) => ({ subscriptionId: s.id, outcome: 'scan-failed' as const, enqueued: 0 }))] };
  }
  for (const subscription of admitted) {
    const seen = deps.acceptRisks === undefined ? report : await deps.acceptRisks(report, subscription.conversationId);
    outcomes.push(await applyToWatch(deps, subscription, changes, seen, checkIds));
  }
  return { ...base, outcomes };
}

/** Under the watch's scan lease (the scheduler's): merge, diff against the stored report, enqueue, store. */
async function applyToWatch(deps: RecheckDeps, subscription: Subscription, changes: readonly ChangeEvent[], report: ScanReport, checkIds: ReadonlySet<string> | 'all'): Promise<WorkspaceRecheck['outcomes'][number]> {
  const lease = scanLeaseName(subscription.id);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let held = false;
  for (let attempt = 0; attempt < (deps.leaseAttempts ?? 20) && !held; attempt++) {
    held = await deps.store.acquireLease(lease, deps.instanceId, deps.scanLeaseTtlMs);
    if (!held) await sleep(250);
  }
  if (!held) return { subscriptionId: subscription.id, outcome: 'leased-elsewhere', enqueued: 0 };
  try {
    const state = await readRunState(deps.store, subscription.id);
    if (state?.lastReport === undefined) return { subscriptionId: subscription.id, outcome: 'no-baseline', enqueued: 0 };
    const merged = mergeRechecked(state.lastReport, report, checkIds);
    const diff = diffReports(state.lastReport, merged);
    let enqueued = 0;
    if (diff.hasChanges) {
      const slot = `event:${createHash('sha256').update(changes.map((c) => c.id).sort().join('\n')).digest('hex').slice(0, 32)}`;
      const card = changeAlertCard({ subscription, changes, before: state.lastReport, after: merged, diff, checkIds: checkIds === 'all' ? [] : [...checkIds] });
      const text = `${subscription.workspace.name}: ${describeDiff(diff)}`;
      enqueued = (await deps.outbox.enqueue({ id: outboxIdOf(subscription.id, 'change', slot), subscriptionId: subscription.id, conversationId: subscription.conversationId, kind: 'change', card, text })) ? 1 : 0;
    }
    await writeRunState(deps.store, subscription.id, { ...state, lastReport: merged });
    return { subscriptionId: subscription.id, outcome: diff.hasChanges ? 'alerted' : 'no-effect', enqueued };
  } finally {
    await deps.store.releaseLease(lease, deps.instanceId);
  }
}
