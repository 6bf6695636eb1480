/**
 * scan.rescan: the same workspace and the same part of the baseline as the card. Progress shows on the clicked card
 * (its message id) while the reads run; the new summary replaces it, "Re-scanned at" to the second.
 */
import { errorCard } from '../../cards/notice-card';
import { scanProgressCard } from '../../cards/progress-card';
import type { ScanTarget } from '../../cards/scan-target';
import type { ScanReport } from '../../checks/types';
import type { ActionResult, CardAction } from '../feature';
import type { TurnPort } from '../port';
import { parseReportScope } from '../scan-action-data';
import { cardWorkspace } from './card-target';
import { refuse, type ScanContext } from './context';
import { describeTarget } from './describe';

export async function rescan(ctx: ScanContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const data = action.data;
  const scope = parseReportScope(data);
  if (!scope.ok) return refuse(scope.reason);
  const target = await cardWorkspace(ctx, port, data);
  if (!target.ok) return target.answer;
  await port.typing();
  const last = await ctx.lastScans.get(port.conversation.conversationId);
  const displayName = last?.report.workspace.name ?? describeTarget(target.value);
  const progressId = action.messageId;
  const throttle = ctx.progress(port, progressId, displayName);
  if (progressId !== undefined) {
    try {
      await port.updateCard(progressId, scanProgressCard({ workspaceName: displayName, done: 0, total: 0, label: '' }));
    } catch (error) {
      ctx.options.logger?.warn({ err: error }, 'could not show re-scan progress on the card');
    }
  }
  let report: ScanReport;
  try {
    report = await ctx.acceptedRisks(port, await target.admission.scan({ selection: scope.value, onProgress: throttle.report }));
  } catch (error) {
    await throttle.settle();
    return { kind: 'card', card: errorCard('The re-scan did not finish', ctx.sentenceFor(error)) };
  }
  await throttle.settle();
  const scan: ScanTarget = { workspaceId: report.workspace.id, target: target.value };
  await ctx.remember(port, { report, target: target.value, scope: scope.value });
  await ctx.sendFindingCards(port, report, scan);
  return { kind: 'card', card: ctx.summaryOf(report, scan, scope.value, true) };
}
