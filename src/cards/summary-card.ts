/**
 * The scan result at a glance: what was scanned (a full baseline scan, or the part asked for), workspace, time,
 * score (full scans only), counts by status and by severity, a bar per category, the top failures, "Show all
 * findings" (paged list) and "Re-scan". The one card a scan posts: findings are a click away.
 */
import { SEVERITIES, STATUSES, type ScanReport } from '../checks/types';
import type { AdaptiveCard } from './card';
import { actionable, failuresBySeverity, tallyByCategory } from '../report/order';
import { reportScore } from '../report/score';
import {
  ACTION_TITLES,
  HEADINGS,
  SEVERITY_LABELS,
  countsText,
  isPartialScope,
  scopeTitle,
  type ReportScope,
  STATUS_LABELS,
  categoryTitle,
  findingBadge,
  findingSentence,
  moreFindingsSentence,
  scannedAtSentence,
  summarySentence,
  verdictSentence,
} from '../report/wording';
import { actionPayload, scopeData } from './actions';
import { STATUS_COLORS, scoreColor } from './colors';
import { markdownText, plainText } from './escape';
import type { ScanTarget } from './scan-target';
import { expandCard } from './template';
import template from './templates/summary.json';
import { SCAN_ACTIONS } from '../routing/actions/scan';

export interface SummaryCardOptions {
  readonly scan: ScanTarget;
  /** How many failures to list on the summary itself (default 5, at most 10). */
  readonly top?: number;
  /** What the scan covered; a partial scan is titled as what it is and shows no overall score. */
  readonly scope?: ReportScope;
  /** After Re-scan: "Re-scanned at …". */
  readonly rescanned?: boolean;
  /** The question an area scan answers ("Who holds Owner, and are role assignments on ws-prod least privilege?") and its answer. */
  readonly answer?: { readonly question: string; readonly sentence: string };
}

export function scanSummaryCard(report: ScanReport, options: SummaryCardOptions): AdaptiveCard {
  const needing = actionable(report);
  const topCount = Math.min(10, Math.max(0, options.top ?? 5));
  const top = needing.slice(0, topCount);
  const partial = isPartialScope(options.scope);
  const score = partial ? undefined : reportScore(report);
  const severity = failuresBySeverity(report);
  const scanData = { workspaceId: options.scan.workspaceId, target: options.scan.target, ...scopeData(options.scope) };
  const { fail, error } = report.summary;
  return expandCard(template, {
    fallbackText: plainText(`${summarySentence(report)} ${verdictSentence(report)}`, 500),
    t: {
      byCategory: markdownText(HEADINGS.byCategory),
      topFailures: markdownText(HEADINGS.topFailures),
      showAll: plainText(ACTION_TITLES.showAll),
      rescan: plainText(ACTION_TITLES.rescan),
    },
    heading: markdownText(scopeTitle(options.scope)),
    workspaceName: markdownText(report.workspace.name, 200),
    scannedAt: markdownText(scannedAtSentence(report, options.rescanned === true)),
    question: options.answer === undefined ? '' : markdownText(options.answer.question, 300),
    answer: options.answer === undefined ? '' : markdownText(options.answer.sentence, 600),
    // A partial scan has no overall score: its share of passes says nothing about the baseline as a whole.
    score: partial ? '' : score === undefined ? '–' : String(score),
    scoreLabel: markdownText('score / 100'),
    scoreColor: scoreColor(score),
    verdict: markdownText(verdictSentence(report)),
    verdictColor: fail > 0 ? 'attention' : error > 0 ? 'warning' : 'good',
    summary: markdownText(summarySentence(report), 600),
    statusFacts: STATUSES.map((s) => ({ title: plainText(STATUS_LABELS[s]), value: String(report.summary[s]) })),
    severityFacts: [...SEVERITIES].reverse().map((s) => ({ title: plainText(`${SEVERITY_LABELS[s]} failed`), value: String(severity[s]) })),
    categories: tallyByCategory(report).map(({ category, counts }) => ({
      title: markdownText(categoryTitle(category)),
      counts: markdownText(countsText(counts)),
      fail: counts.fail,
      error: counts.error,
      pass: counts.pass,
      // The bar's grey part: accepted risks are named in the counts line beside it.
      other: counts.manual + counts.not_applicable + counts.accepted,
    })),
    top: top.map((f) => ({
      badge: markdownText(findingBadge(f)),
      color: STATUS_COLORS[f.status],
      title: markdownText(f.title, 200),
      message: markdownText(findingSentence(f), 300),
    })),
    more: needing.length > top.length ? markdownText(moreFindingsSentence(top.length, needing.length)) : '',
    showAll: report.findings.length > 0,
    page: actionPayload(SCAN_ACTIONS.page, { ...scanData, page: 0 }),
    rescan: actionPayload(SCAN_ACTIONS.rescan, scanData),
  });
}
