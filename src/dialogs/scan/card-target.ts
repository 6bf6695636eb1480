/**
 * What a scan card's data names, checked like new input on every click: nothing a client sends is trusted because
 * an earlier scan was. A card that scans again (re-check, re-scan) is admitted by the guard again; a card that
 * shows the stored scan (summary, page, detail) sees it only while its target is still authorised here.
 */
import type { ScanTarget } from '../../cards/scan-target';
import type { ScanReport } from '../../checks/types';
import type { ReportScope } from '../../report/wording';
import type { ScanAdmission } from '../../security/guarded-scans';
import type { ActionResult } from '../feature';
import { lastScanRefusal } from '../last-scan-access';
import type { TurnPort } from '../port';
import { parseTarget, parseWorkspaceField } from '../scan-action-data';
import { refuse, STALE, type ScanContext } from './context';

export type CardWorkspace = { readonly ok: true; readonly value: string; readonly admission: ScanAdmission } | { readonly ok: false; readonly answer: ActionResult };

/**
 * The workspace a re-check or re-scan card names: both fields parsed, naming the same workspace, and admitted for
 * this conversation again. `target` defaults to the workspace id (notification cards carry only that).
 */
export async function cardWorkspace(ctx: ScanContext, port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<CardWorkspace> {
  const workspace = parseWorkspaceField(data);
  if (!workspace.ok) return { ok: false, answer: refuse(workspace.reason) };
  const target = data.target === undefined ? workspace : parseTarget(data);
  if (!target.ok) return { ok: false, answer: refuse(target.reason) };
  if (!ctx.targetIsWorkspace(target.value, workspace.value)) return { ok: false, answer: refuse('the card names two different workspaces') };
  const admission = await ctx.scansFor(port).admit(target.value);
  if (!admission.allowed) return { ok: false, answer: { kind: 'text', text: admission.reason } };
  return { ok: true, value: target.value, admission };
}

/** The stored scan a summary, page or detail card belongs to, when this user may still see it here. */
export async function withLast(
  ctx: ScanContext,
  port: TurnPort,
  data: Readonly<Record<string, unknown>>,
  show: (report: ScanReport, scan: ScanTarget, scope: ReportScope) => ActionResult,
): Promise<ActionResult> {
  const workspace = parseWorkspaceField(data);
  if (!workspace.ok) return refuse(workspace.reason);
  const target = parseTarget(data);
  if (!target.ok) return refuse(target.reason);
  const last = await ctx.lastScans.get(port.conversation.conversationId);
  if (last === undefined || last.report.workspace.id.toLowerCase() !== workspace.value.toLowerCase()) return { kind: 'text', text: STALE };
  const refused = await lastScanRefusal(ctx.access, last, port.conversation);
  if (refused !== undefined) return { kind: 'text', text: refused };
  return show(last.report, { workspaceId: last.report.workspace.id, target: last.target }, last.scope ?? { kind: 'all' });
}
