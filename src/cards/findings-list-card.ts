/**
 * All findings, a page at a time (failed and not assessed first), so that a message stays small whatever the
 * number of findings. Each row opens its finding card ("Details", which leads back here); Previous/Next page
 * through; "Back to summary" shows the scan's summary again.
 */
import type { ScanReport } from '../checks/types';
import type { AdaptiveCard } from './card';
import { sortFindings } from '../report/order';
import { ACTION_TITLES, HEADINGS, findingBadge, findingSentence, pageSentence, type ReportScope } from '../report/wording';
import { actionPayload, findingSubject, scopeData } from './actions';
import { STATUS_COLORS } from './colors';
import { markdownText, plainText } from './escape';
import type { ScanTarget } from './scan-target';
import { expandCard } from './template';
import template from './templates/findings-list.json';
import { SCAN_ACTIONS } from '../routing/actions/scan';

export const FINDINGS_PAGE_SIZE = 10;

export interface FindingsListOptions {
  readonly scan: ScanTarget;
  /** Zero-based; clamped to the last page. */
  readonly page: number;
  readonly pageSize?: number;
  /** What the scan covered, so that "Back to summary" shows the same summary. */
  readonly scope?: ReportScope;
}

export function pageCount(total: number, pageSize = FINDINGS_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function findingsListCard(report: ScanReport, options: FindingsListOptions): AdaptiveCard {
  const pageSize = Math.min(20, Math.max(1, options.pageSize ?? FINDINGS_PAGE_SIZE));
  const sorted = sortFindings(report.findings);
  const pages = pageCount(sorted.length, pageSize);
  const page = Math.min(pages - 1, Math.max(0, Math.floor(options.page)));
  const rows = sorted.slice(page * pageSize, (page + 1) * pageSize);
  const scanData = { workspaceId: options.scan.workspaceId, target: options.scan.target };
  const title = `${HEADINGS.findings}: ${report.workspace.name}`;
  return expandCard(template, {
    fallbackText: plainText(`${title}. ${pageSentence(page, pages, report.summary)}`),
    t: {
      details: plainText(ACTION_TITLES.details),
      previous: plainText(ACTION_TITLES.previous),
      next: plainText(ACTION_TITLES.next),
      rescan: plainText(ACTION_TITLES.rescan),
      back: plainText(ACTION_TITLES.backToSummary),
    },
    title: markdownText(title, 250),
    pageText: markdownText(pageSentence(page, pages, report.summary)),
    rows: rows.map((f) => ({
      badge: markdownText(findingBadge(f)),
      color: STATUS_COLORS[f.status],
      title: markdownText(`${f.checkId} · ${f.title}`, 200),
      message: markdownText(findingSentence(f), 240),
      detail: actionPayload(SCAN_ACTIONS.detail, { ...scanData, checkId: f.checkId, resourceId: f.resourceId, ...findingSubject(f), page }),
    })),
    hasPrevious: page > 0,
    hasNext: page < pages - 1,
    previous: actionPayload(SCAN_ACTIONS.page, { ...scanData, page: page - 1 }),
    next: actionPayload(SCAN_ACTIONS.page, { ...scanData, page: page + 1 }),
    rescan: actionPayload(SCAN_ACTIONS.rescan, { ...scanData, ...scopeData(options.scope) }),
    back: actionPayload(SCAN_ACTIONS.summary, { ...scanData, ...scopeData(options.scope) }),
  });
}
