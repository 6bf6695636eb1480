/**
 * The one order findings are shown in, everywhere (cards, Markdown, tables, notifications): what needs action
 * first (failed, then not assessed), most severe first, then by category in workshop order, check id and
 * resource (ARM ids compare case-insensitively), then subject.
 */
import { CATEGORIES, SEVERITIES, type Finding, type Status } from './types';

const STATUS_RANK: Readonly<Record<Status, number>> = { fail: 0, error: 1, accepted: 2, manual: 3, pass: 4, not_applicable: 5 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resourceId.toLowerCase().localeCompare(b.resourceId.toLowerCase()) ||
    // Several findings of one check on one resource (two open recommendations): a stable order by subject.
    (a.subject ?? '').toLowerCase().localeCompare((b.subject ?? '').toLowerCase())
  );
}
