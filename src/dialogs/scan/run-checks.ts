/** scan.run-checks — "Check this on my workspace" from an answer card: the related checks on the workspace scanned last here. */
import type { ScanSelection } from '../../scan/scan-service';
import type { ActionResult, CardAction } from '../feature';
import type { TurnPort } from '../port';
import { parseCheckId } from '../scan-action-data';
import { refuse, type ScanContext } from './context';
import { runScan } from './run-scan';
import { promptForWorkspace } from './workspace-prompt';

/** A related-checks button names a handful of checks; more than this is not a card the bot made. */
const MAX_RUN_CHECKS = 20;

/** The check ids a related-checks button names: 1 to MAX_RUN_CHECKS known ids, or the answer that refuses them. */
export function runCheckIds(ctx: ScanContext, ids: unknown): { readonly ok: true; readonly ids: string[] } | { readonly ok: false; readonly answer: ActionResult } {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_RUN_CHECKS || !ids.every((id) => typeof id === 'string')) {
    return { ok: false, answer: refuse(`the card must name 1 to ${MAX_RUN_CHECKS} check ids`) };
  }
  const checks = ctx.options.checks;
  const checkIds: string[] = [];
  for (const id of ids) {
    const parsed = parseCheckId({ checkId: id });
    if (!parsed.ok) return { ok: false, answer: refuse(parsed.reason) };
    if (checks !== undefined && checks(parsed.value) === undefined) return { ok: false, answer: { kind: 'text', text: `I do not know the check ${parsed.value}; the card may be from an older version. Ask the question again.` } };
    checkIds.push(parsed.value);
  }
  return { ok: true, ids: checkIds };
}

/** The answer card stays: the scan (or the "Which workspace?" prompt) follows it. */
export async function runChecks(ctx: ScanContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const named = runCheckIds(ctx, action.data.checkIds);
  if (!named.ok) return named.answer;
  const selection: ScanSelection = { kind: 'checks', checkIds: named.ids };
  const last = await ctx.lastScans.get(port.conversation.conversationId);
  if (last === undefined) await promptForWorkspace(ctx, port, selection);
  else await runScan(ctx, port, last.target, selection, last.report.workspace.name);
  return { kind: 'handled' };
}
