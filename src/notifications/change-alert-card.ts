/**
 * The change alert: what changed (operation, resource, time), who changed it, and what it did to the baseline
 * ("AML-NET-010 now fails (was pass)", "2 resolved"), with Details, Re-check and Unwatch. Posted through the same
 * outbox and diff store as the scheduled scan cards.
 */
import { markdownText, plainText } from '../cards/escape';
import type { Finding, ScanReport, Status } from '../checks/types';
import type { AdaptiveCard } from '../cards/card';
import { describeCaller, type ChangeEvent } from '../shared/change-event';
import { card, heading, note, section } from './cards';
import { compareFindings, describeDiff, type ReportDiff } from './diff';
import type { Subscription } from './subscriptions';
import { SCAN_ACTIONS } from '../routing/actions/scan';
import { WATCH_ACTIONS } from '../routing/actions/watch';

/** Changes listed on one card; a burst (a deployment) is counted past this. */
export const MAX_CHANGES_SHOWN = 5;
/** `scan.run` takes at most this many check ids (dialogs/scan/run-checks.ts). */
const MAX_RECHECK_IDS = 20;

const NOW: Readonly<Record<Status, string>> = { fail: 'fails', pass: 'passes', error: 'cannot be assessed', manual: 'needs a manual review', not_applicable: 'does not apply', accepted: 'fails, as an accepted risk' };

/** "AML-NET-010 now fails (was pass)"; "(new)" when the finding was not there before. */
export function effectLine(after: Finding, before: Finding | undefined): string {
  return `${after.checkId} now ${NOW[after.status]} (${before === undefined ? 'new' : `was ${before.status.replace('_', ' ')}`})`;
}

/** One line per finding whose status moved, worst first, with what it was. */
function effects(diff: ReportDiff, before: ScanReport): { line: string; finding: Finding }[] {
  const previous = (f: Finding): Finding | undefined => before.findings.find((b) => b.checkId === f.checkId && b.resourceId.toLowerCase() === f.resourceId.toLowerCase() && b.subject === f.subject);
  const moved = [...diff.newFailures, ...diff.newlyUnassessed, ...diff.statusChanges.map((c) => c.after)].sort(compareFindings);
  return moved.map((f) => ({ line: effectLine(f, previous(f)), finding: f }));
}

/** The card's title: the one effect when there is one, else the counts ("2 resolved"). */
export function changeAlertTitle(workspace: string, diff: ReportDiff, before: ScanReport): string {
  const lines = effects(diff, before);
  const only = lines.length === 1 && diff.resolved.length === 0 ? lines[0]?.line : undefined;
  return `${workspace}: ${only ?? describeDiff(diff)}`;
}

function shortName(resourceId: string): string {
  return resourceId.split('/').filter((s) => s !== '').pop() ?? resourceId;
}

function changeLine(event: ChangeEvent): string {
  const when = `${event.time.slice(0, 16).replace('T', ' ')} UTC`;
  return `${markdownText(event.operation, 160)} on **${markdownText(shortName(event.resourceId), 120)}** by ${markdownText(describeCaller(event.caller), 160)} · ${when}`;
}

export interface ChangeAlertInput {
  readonly subscription: Subscription;
  /** The changes that led to the re-check, oldest first. */
  readonly changes: readonly ChangeEvent[];
  readonly before: ScanReport;
  readonly after: ScanReport;
  readonly diff: ReportDiff;
  /** The checks that were re-checked. */
  readonly checkIds: readonly string[];
}

export function changeAlertCard(input: ChangeAlertInput): AdaptiveCard {
  const { subscription, changes, diff, before } = input;
  const title = changeAlertTitle(input.after.workspace.name, diff, before);
  const moved = effects(diff, before);
  const shown = changes.slice(0, MAX_CHANGES_SHOWN);
  const resolved = diff.resolved.map((r) => `${r.before.checkId} resolved (was fail) · ${markdownText(r.before.title, 160)}`);
  const headline = moved[0]?.finding ?? diff.resolved[0]?.after ?? diff.resolved[0]?.before;
  const target = subscription.workspaceTarget;
  const actions: Record<string, unknown>[] = [];
  if (headline !== undefined) {
    const data = { target, workspaceId: subscription.workspace.id, checkId: headline.checkId, resourceId: headline.resourceId, ...(headline.subject !== undefined ? { subject: headline.subject } : {}) };
    actions.push(execute('Details', SCAN_ACTIONS.recheck, data));
  }
  // No check ids (the workspace itself changed, so everything was re-checked): Re-check runs every check.
  const recheckIds = [...new Set(input.checkIds)].slice(0, MAX_RECHECK_IDS);
  actions.push(execute('Re-check', SCAN_ACTIONS.run, recheckIds.length > 0 ? { target, checkIds: recheckIds } : { target }));
  actions.push(execute(plainText(`Unwatch ${subscription.workspace.name}`, 80), WATCH_ACTIONS.remove, { subscriptionId: subscription.id }));
  return card(
    [
      heading(markdownText(title, 200), diff.newFailures.length > 0 ? 'attention' : diff.resolved.length > 0 ? 'good' : undefined),
      note(markdownText(`${changes.length === 1 ? 'A change' : `${changes.length} changes`} to ${input.after.workspace.name} or what it uses, re-checked at once.`, 300)),
      ...section('What changed', [...shown.map(changeLine), ...(changes.length > shown.length ? [`…and ${changes.length - shown.length} more changes`] : [])]),
      ...section('Effect on the baseline', moved.map((m) => `${markdownText(m.line, 120)} · ${markdownText(m.finding.title, 160)}`), diff.newFailures.length > 0 ? 'attention' : undefined),
      ...section('Resolved', resolved, 'good'),
    ],
    actions,
    title,
  );
}

function execute(title: string, verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return { type: 'Action.Execute', title, verb, data, fallback: { type: 'Action.Submit', title, data: { ...data, verb } } };
}
