/**
 * scan.summary, scan.page and scan.detail: the stored scan shown again — its summary, a page of its findings (with
 * Back to the summary), one finding (with Back to the list). Nothing is read from Azure.
 */
import { findingCard } from '../../cards/finding-card';
import { findingsListCard } from '../../cards/findings-list-card';
import { isSameFinding } from '../../checks/identity';
import type { ActionResult, CardAction } from '../feature';
import type { TurnPort } from '../port';
import { parseCheckId, parseOptionalPage, parsePage, parseResourceIdField, parseSubjectField } from '../scan-action-data';
import { withLast } from './card-target';
import { refuse, STALE, type ScanContext } from './context';

export function showSummary(ctx: ScanContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  return withLast(ctx, port, action.data, (report, scan, scope) => ({ kind: 'card', card: ctx.summaryOf(report, scan, scope) }));
}

export async function showPage(ctx: ScanContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const page = parsePage(action.data);
  if (!page.ok) return refuse(page.reason);
  return withLast(ctx, port, action.data, (report, scan, scope) => ({ kind: 'card', card: findingsListCard(report, { scan, page: page.value, scope }) }));
}

export async function showDetail(ctx: ScanContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const data = action.data;
  const checkId = parseCheckId(data);
  if (!checkId.ok) return refuse(checkId.reason);
  const resourceId = parseResourceIdField(data);
  if (!resourceId.ok) return refuse(resourceId.reason);
  const subject = parseSubjectField(data);
  if (!subject.ok) return refuse(subject.reason);
  const fromPage = parseOptionalPage(data);
  if (!fromPage.ok) return refuse(fromPage.reason);
  return withLast(ctx, port, data, (report, scan) => {
    const named = resourceId.value === undefined ? undefined : { checkId: checkId.value, resourceId: resourceId.value, ...(subject.value === undefined ? {} : { subject: subject.value }) };
    const finding = report.findings.find((f) => (named === undefined ? f.checkId === checkId.value : isSameFinding(f, named)));
    if (finding === undefined) return { kind: 'text', text: STALE };
    return { kind: 'card', card: findingCard(finding, { ...ctx.cardOptions(finding, scan), fromPage: fromPage.value ?? 0 }) };
  });
}
