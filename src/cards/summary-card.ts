/**
 * The scan result at a glance: workspace, time, score, counts by status and by severity, a bar per category,
 * the top failures, "Show all findings" (paged list) and "Re-scan".
 */
import { SEVERITIES, STATUSES, type ScanReport, type Status } from '../checks/types';
import type { AdaptiveCard } from './card';
import { actionable, failuresBySeverity, tallyByCategory } from '../report/order';
import { reportScore } from '../report/score';
import {
  ACTION_TITLES,
  HEADINGS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  categoryTitle,
  findingBadge,
  findingSentence,
  moreFindingsSentence,
  scannedAtSentence,
  summarySentence,
  verdictSentence,
} from '../report/wording';
import { SCAN_VERBS, actionPayload } from './actions';
import { STATUS_COLORS, scoreColor } from './colors';
import { markdownText, plainText } from './escape';
import type { ScanTarget } from './scan-target';
import { expandCard } from './template';
import template from './templates/summary.json';

/** A bar segment: a run of heavy horizontal lines, clipped to its column (colour comes from the host). */
export const BAR_TEXT = '\u2501'.repeat(40);

function categoryCounts(counts: Readonly<Record<Status, number>>): string {
  const parts = [`${counts.fail} failed`];
  if (counts.error > 0) parts.push(`${counts.error} not assessed`);
  parts.push(`${counts.pass} passed`);
  const other = counts.manual + counts.not_applicable;
  if (other > 0) parts.push(`${other} other`);
  return parts.join(' · ');
}

export interface SummaryCardOptions {
  readonly scan: ScanTarget;
  /** How many failures to list on the summary itself (default 5, at most 10). */
  readonly top?: number;
}

export function scanSummaryCard(report: ScanReport, options: SummaryCardOptions): AdaptiveCard {
  const needing = actionable(report);
  const topCount = Math.min(10, Math.max(0, options.top ?? 5));
  const top = needing.slice(0, topCount);
  const score = reportScore(report);
  const severity = failuresBySeverity(report);
  const scanData = { workspaceId: options.scan.workspaceId, target: options.scan.target };
  const { fail, error } = report.summary;
  return expandCard(template, {
    fallbackText: plainText(`${summarySentence(report)} ${verdictSentence(report)}`, 500),
    t: {
      heading: markdownText(HEADINGS.summary),
      byCategory: markdownText(HEADINGS.byCategory),
      topFailures: markdownText(HEADINGS.topFailures),
      showAll: plainText(ACTION_TITLES.showAll),
      rescan: plainText(ACTION_TITLES.rescan),
    },
    workspaceName: markdownText(report.workspace.name, 200),
    scannedAt: markdownText(scannedAtSentence(report)),
    score: score === undefined ? '–' : String(score),
    scoreLabel: markdownText('score / 100'),
    scoreColor: scoreColor(score),
    verdict: markdownText(verdictSentence(report)),
    verdictColor: fail > 0 ? 'attention' : error > 0 ? 'warning' : 'good',
    summary: markdownText(summarySentence(report), 600),
    statusFacts: STATUSES.map((s) => ({ title: plainText(STATUS_LABELS[s]), value: String(report.summary[s]) })),
    severityFacts: [...SEVERITIES].reverse().map((s) => ({ title: plainText(`${SEVERITY_LABELS[s]} failed`), value: String(severity[s]) })),
    categories: tallyByCategory(report).map(({ category, counts }) => ({
      title: markdownText(categoryTitle(category)),
      counts: markdownText(categoryCounts(counts)),
      fail: counts.fail,
      error: counts.error,
      pass: counts.pass,
      other: counts.manual + counts.not_applicable,
    })),
    bar: BAR_TEXT,
    top: top.map((f) => ({
      badge: markdownText(findingBadge(f)),
      color: STATUS_COLORS[f.status],
      title: markdownText(f.title, 200),
      message: markdownText(findingSentence(f), 300),
    })),
    more: needing.length > top.length ? markdownText(moreFindingsSentence(top.length, needing.length)) : '',
    showAll: report.findings.length > 0,
    page: actionPayload(SCAN_VERBS.page, { ...scanData, page: 0 }),
    rescan: actionPayload(SCAN_VERBS.rescan, scanData),
  });
}
