/**
 * All findings, a page at a time (failed and not assessed first), so that a message stays small whatever the
 * number of findings. Each row opens its finding card ("Details"); Previous/Next page through.
 */
import type { ScanReport } from '../checks/types';
import type { AdaptiveCard } from './card';
import { sortFindings } from '../report/order';
import { ACTION_TITLES, HEADINGS, findingBadge, findingSentence, pageSentence } from '../report/wording';
import { SCAN_VERBS, actionPayload, findingSubject } from './actions';
import { STATUS_COLORS } from './colors';
import { markdownText, plainText } from './escape';
import type { ScanTarget } from './scan-target';
import { expandCard } from './template';
import template from './templates/findings-list.json';

export const FINDINGS_PAGE_SIZE = 10;

export interface FindingsListOptions {
  readonly scan: ScanTarget;
  /** Zero-based; clamped to the last page. */
  readonly page: number;
  readonly pageSize?: number;
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
    fallbackText: plainText(`${title}. ${pageSentence(page, pages, sorted.length)}`),
    t: {
      details: plainText(ACTION_TITLES.details),
      previous: plainText(ACTION_TITLES.previous),
      next: plainText(ACTION_TITLES.next),
      rescan: plainText(ACTION_TITLES.rescan),
    },
    title: markdownText(title, 250),
    pageText: markdownText(pageSentence(page, pages, sorted.length)),
    rows: rows.map((f) => ({
      badge: markdownText(findingBadge(f)),
      color: STATUS_COLORS[f.status],
      title: markdownText(`${f.checkId} · ${f.title}`, 200),
      message: markdownText(findingSentence(f), 240),
      detail: actionPayload(SCAN_VERBS.detail, { ...scanData, checkId: f.checkId, resourceId: f.resourceId, ...findingSubject(f) }),
    })),
    hasPrevious: page > 0,
    hasNext: page < pages - 1,
    previous: actionPayload(SCAN_VERBS.page, { ...scanData, page: page - 1 }),
    next: actionPayload(SCAN_VERBS.page, { ...scanData, page: page + 1 }),
    rescan: actionPayload(SCAN_VERBS.rescan, scanData),
  });
}
