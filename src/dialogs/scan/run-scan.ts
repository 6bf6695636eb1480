/**
 * A scan started in chat (a typed request, a "Which workspace?" choice, a related-checks button): admitted by the
 * guard first, then a progress card at once, updated as reads complete, then replaced by the one summary card.
 */
import { errorCard } from '../../cards/notice-card';
import { scanProgressCard } from '../../cards/progress-card';
import type { ScanTarget } from '../../cards/scan-target';
import type { ScanReport } from '../../checks/types';
import { summarySentence } from '../../report/wording';
import type { ScanSelection } from '../../scan/scan-service';
import type { TurnPort } from '../port';
import { scopeOf, type CheckScope } from '../scan-action-data';
import type { ScanContext } from './context';
import { nextSteps } from './describe';

export async function runScan(ctx: ScanContext, port: TurnPort, target: string, scope: CheckScope | ScanSelection, displayName: string): Promise<void> {
  const admission = await ctx.scansFor(port).admit(target);
  if (!admission.allowed) {
    await port.sendCard(errorCard('I cannot run that scan', admission.reason), 'Scan refused');
    return;
  }
  const selection = typeof scope === 'string' ? scopeOf(scope) : scope;
  await port.typing();
  // The next steps go with the first message: Teams shows suggested actions under a sent message, not an update.
  const progressId = await port.sendCard(scanProgressCard({ workspaceName: displayName, done: 0, total: 0, label: '' }), `Scanning ${displayName}`, nextSteps(selection, target));
  const throttle = ctx.progress(port, progressId, displayName);
  let report: ScanReport;
  try {
    report = await ctx.acceptedRisks(port, await admission.scan({ selection, onProgress: throttle.report }));
  } catch (error) {
    await throttle.settle();
    await ctx.replace(port, progressId, errorCard(`The scan of ${displayName} did not finish`, ctx.sentenceFor(error)), 'Scan failed');
    return;
  }
  await throttle.settle();
  const scan: ScanTarget = { workspaceId: report.workspace.id, target };
  await ctx.remember(port, { report, target, scope: selection });
  // One card: an area scan opens with its question's answer ("No — public network access is not off: …").
  await ctx.replace(port, progressId, ctx.summaryOf(report, scan, selection), summarySentence(report));
  await ctx.sendFindingCards(port, report, scan);
}
