/**
 * scan.run — "Which workspace?" → Scan. The scan posts its own messages; the choice card (Action.Execute) is
 * replaced by a card with no buttons, so that it cannot start the same scan again. A submit (older clients) cannot
 * replace its card: the messages are the answer.
 */
import { noticeCard } from '../../cards/notice-card';
import type { ScanSelection } from '../../scan/scan-service';
import { parseScanTarget } from '../../shared/scan-target';
import type { ActionResult, CardAction } from '../feature';
import type { TurnPort } from '../port';
import { parseCheckScope, parseTarget, type CheckScope } from '../scan-action-data';
import { scanTarget } from './check-request';
import { refuse, type ScanContext } from './context';
import { describeTarget } from './describe';
import { runCheckIds } from './run-checks';
import { runScan } from './run-scan';

export async function run(ctx: ScanContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const data = action.data;
  const target = parseTarget(data);
  if (!target.ok) return refuse(target.reason);
  // A choice card that a related-checks button led to carries those checks: run exactly them.
  const named = data.checkIds === undefined ? undefined : runCheckIds(ctx, data.checkIds);
  if (named !== undefined && !named.ok) return named.answer;
  const parsedScope = parseCheckScope(data.check);
  if (!parsedScope.ok) return refuse(parsedScope.reason);
  const scope: CheckScope | ScanSelection = named === undefined ? parsedScope.value : { kind: 'checks', checkIds: named.ids };
  const parsed = parseScanTarget(target.value);
  const name = describeTarget(target.value);
  if (parsed.kind === 'sample') await runScan(ctx, port, parsed.text, scope, name);
  else await scanTarget(ctx, port, parsed, scope);
  if (action.via !== 'execute') return { kind: 'handled' };
  return { kind: 'card', card: noticeCard({ title: `Scanning ${name}…`, lines: ['Results below.'] }) };
}
