/** "Defender status for subscription <id>": authorised like a scan (the subscription itself must be allowed), then its plans card. */
import { defenderPlansCard } from '../../cards/defender-plans-card';
import { errorCard } from '../../cards/notice-card';
import { defenderStatusSentence } from '../../report/wording';
import { ScanError, type DefenderStatusReport } from '../../scan/scan-service';
import type { TurnPort } from '../port';
import type { ScanContext } from './context';

export async function defenderStatus(ctx: ScanContext, port: TurnPort, subscriptionId: string): Promise<void> {
  const scope = `/subscriptions/${subscriptionId}`;
  const admission = await ctx.scansFor(port).admitSubscription(subscriptionId);
  if (!admission.allowed) {
    await port.sendCard(errorCard('I cannot read that subscription', admission.reason), 'Defender status refused');
    return;
  }
  await port.typing();
  let report: DefenderStatusReport;
  try {
    report = await admission.defenderStatus();
  } catch (error) {
    const reason = error instanceof ScanError ? `I could not read the Defender plans of ${scope}: ${error.message}` : ctx.sentenceFor(error);
    await port.sendCard(errorCard('The Defender status did not finish', reason), 'Defender status failed');
    return;
  }
  await port.sendCard(defenderPlansCard(report), defenderStatusSentence(report));
}
