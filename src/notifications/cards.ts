/**
 * The cards notifications post (Adaptive Cards 1.5 as plain JSON): the baseline summary after subscribing,
 * the change card, the weekly digest and "could not scan". Every string from Azure or from users goes through
 * src/cards/escape.
 */
import { markdownText, plainText } from '../cards/escape';
import type { Finding, ScanReport, Severity, Status } from '../checks/types';
import type { AdaptiveCard } from '../cards/card';
import { scannedAtSentence } from '../report/wording';
import { compareFindings, describeDiff, type ReportDiff } from './diff';
import { describeSchedule } from './schedule';
import type { Subscription } from './subscriptions';
import { SCAN_ACTIONS } from '../routing/actions/scan';

type Element = Record<string, unknown>;

/** Findings listed per section; the rest is counted ("…and 7 more"). Keeps cards far below Teams' size limit. */
export const MAX_ITEMS_PER_SECTION = 8;

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };
const STATUS_LABEL: Readonly<Record<Status, string>> = {
  fail: 'failing',
  error: 'not assessed',
  pass: 'passing',
  manual: 'manual',
  not_applicable: 'not applicable',
  accepted: 'accepted',
};

export function card(body: Element[], actions: Element[], fallbackText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: plainText(fallbackText),
    msteams: { width: 'Full' },
    body,
    actions,
  };
}

/** Re-scan: Action.Execute (Universal Actions) with Action.Submit as the fallback for older clients. */
export function rescanAction(workspaceId: string): Element {
  return {
    type: 'Action.Execute',
    title: 'Re-scan now',
    verb: SCAN_ACTIONS.rescan,
    data: { workspaceId },
    fallback: { type: 'Action.Submit', title: 'Re-scan now', data: { verb: SCAN_ACTIONS.rescan, workspaceId } },
  };
}

export function heading(text: string, color?: string): Element {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, ...(color ? { color } : {}) };
}

export function note(text: string): Element {
  return { type: 'TextBlock', text, isSubtle: true, spacing: 'None', size: 'Small', wrap: true };
}

function shortName(resourceId: string): string {
  return resourceId.split('/').filter((s) => s !== '').pop() ?? resourceId;
}

export function findingLine(f: Finding, suffix = ''): string {
  return `**${SEVERITY_LABEL[f.severity]}** ${markdownText(f.checkId, 40)} · ${markdownText(f.title, 160)} · ${markdownText(shortName(f.resourceId), 120)}${suffix}`;
}

export function section(title: string, lines: readonly string[], color?: string): Element[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_ITEMS_PER_SECTION);
  const more = lines.length - shown.length;
  return [
    { type: 'TextBlock', text: title, weight: 'Bolder', spacing: 'Medium', wrap: true, ...(color ? { color } : {}) },
    ...shown.map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' })),
    ...(more > 0 ? [note(`…and ${more} more`)] : []),
  ];
}

function countsFacts(report: ScanReport): Element {
  const order: Status[] = ['fail', 'error', 'pass', 'manual', 'not_applicable'];
  return {
    type: 'FactSet',
    facts: order.map((s) => ({ title: STATUS_LABEL[s][0]!.toUpperCase() + STATUS_LABEL[s].slice(1), value: String(report.summary[s]) })),
  };
}

/** "ws-prod · Scanned 2026-11-25 20:31 UTC with check set 2026.11.0. Next: daily at 08:00 (UTC)." — the scan card's words. */
function context(subscription: Subscription, report: ScanReport): Element {
  return note(markdownText(`${report.workspace.name} · ${scannedAtSentence(report)} Next: ${describeSchedule(subscription.schedule)}.`, 400));
}

/** The first card after subscribing: where the workspace stands now. */
export function baselineCard(subscription: Subscription, report: ScanReport): AdaptiveCard {
  const failing = report.findings.filter((f) => f.status === 'fail').sort(compareFindings);
  const unassessed = report.findings.filter((f) => f.status === 'error').sort(compareFindings);
  const title = `Now watching ${report.workspace.name}: ${report.summary.fail} failing, ${report.summary.error} not assessed`;
  return card(
    [
      heading(markdownText(title, 200)),
      context(subscription, report),
      countsFacts(report),
      ...section('Failing', failing.map((f) => findingLine(f)), 'attention'),
      ...section('Not assessed', unassessed.map((f) => findingLine(f)), 'warning'),
      note('From now on I post here only when findings change.'),
    ],
    [rescanAction(report.workspace.id)],
    title,
  );
}

/** "2 new findings, 1 resolved" with the details. */
export function changeCard(subscription: Subscription, report: ScanReport, diff: ReportDiff): AdaptiveCard {
  const title = `${report.workspace.name}: ${describeDiff(diff)}`;
  return card(
    [
      heading(markdownText(title, 200), diff.newFailures.length > 0 ? 'attention' : undefined),
      context(subscription, report),
      ...section('New findings', diff.newFailures.map((f) => findingLine(f)), 'attention'),
      ...section('Resolved', diff.resolved.map((r) => findingLine(r.before, r.after === undefined ? ' (resource removed)' : '')), 'good'),
      ...section('Not assessed any more', diff.newlyUnassessed.map((f) => findingLine(f, ` — ${markdownText(f.message, 200)}`)), 'warning'),
      ...section('Changed', diff.statusChanges.map((c) => findingLine(c.after, ` (${STATUS_LABEL[c.before.status]} → ${STATUS_LABEL[c.after.status]})`))),
    ],
    [rescanAction(report.workspace.id)],
    title,
  );
}

/** The weekly digest: where things stand, whether or not anything changed. */
export function digestCard(subscription: Subscription, report: ScanReport): AdaptiveCard {
  const failing = report.findings.filter((f) => f.status === 'fail').sort(compareFindings);
  const title = `Weekly digest for ${report.workspace.name}: ${report.summary.fail} failing`;
  return card(
    [heading(markdownText(title, 200)), context(subscription, report), countsFacts(report), ...section('Open findings', failing.map((f) => findingLine(f)), 'attention')],
    [rescanAction(report.workspace.id)],
    title,
  );
}

/** The scheduled scan itself failed (workspace gone, rights removed, timeout). Posted once per distinct error. */
export function scanFailedCard(subscription: Subscription, message: string): AdaptiveCard {
  const title = `I could not scan ${subscription.workspace.name}`;
  return card(
    [
      heading(markdownText(title, 200), 'warning'),
      { type: 'TextBlock', text: markdownText(message, 400), wrap: true },
      note(`I keep trying ${markdownText(describeSchedule(subscription.schedule), 120)}. Say "unwatch ${markdownText(subscription.workspace.name, 120)}" to stop.`),
    ],
    [rescanAction(subscription.workspace.id)],
    title,
  );
}
