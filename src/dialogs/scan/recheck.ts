/** scan.recheck: one check on the card's workspace again; the finding card is replaced in place with the new state. */
import { findingCard } from '../../cards/finding-card';
import { isSameFinding } from '../../checks/identity';
import type { Finding, ScanReport } from '../../checks/types';
import { recheckResultSentence } from '../../report/wording';
import { quoteUserText } from '../../security/input';
import type { ActionResult, CardAction } from '../feature';
import { isOwnScan } from '../last-scan-access';
import type { TurnPort } from '../port';
import { parseCheckId, parseOptionalPage, parseResourceIdField, parseSubjectField, type Parsed } from '../scan-action-data';
import { withRechecked, type LastScan } from '../scan-state';
import { cardWorkspace } from './card-target';
import { refuse, type ScanContext } from './context';

/** Resource types as people say them, for "compute ci-x is gone". */
const RESOURCE_WORDS: Readonly<Record<string, string>> = {
  workspaces: 'workspace',
  computes: 'compute',
  onlineendpoints: 'online endpoint',
  deployments: 'deployment',
  datastores: 'datastore',
  connections: 'connection',
  outboundrules: 'outbound rule',
  registries: 'registry',
  storageaccounts: 'storage account',
  vaults: 'key vault',
  components: 'Application Insights component',
  pricings: 'Defender plan',
  roleassignments: 'role assignment',
  subscriptions: 'subscription',
  resourcegroups: 'resource group',
};

/** "compute ci-x" from a resource id (the card's, so untrusted: quoted for chat). */
function describeResource(resourceId: string): string {
  const segments = resourceId.split('/').filter((part) => part !== '');
  const name = segments.at(-1) ?? resourceId;
  const type = (segments.at(-2) ?? '').toLowerCase();
  const word = RESOURCE_WORDS[type] ?? 'resource';
  return `${word} ${quoteUserText(name, 80)}`;
}

/** The stored report with one check's findings replaced by a re-check's (paging and details show the new state). */
async function storeRechecked(ctx: ScanContext, port: TurnPort, last: LastScan, checkId: string, fresh: readonly Finding[], scannedAt: string): Promise<void> {
  try {
    await ctx.lastScans.put(port.conversation.conversationId, { ...last, report: withRechecked(last.report, checkId, fresh, scannedAt) });
  } catch (error) {
    ctx.options.logger?.warn({ err: error }, 'could not store the re-checked scan');
  }
}

export async function recheck(ctx: ScanContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const data = action.data;
  const checks = ctx.options.checks;
  if (data.target === undefined) return refuse('the card does not say which workspace to re-check');
  const checkId = parseCheckId(data);
  if (!checkId.ok) return refuse(checkId.reason);
  if (checks !== undefined && checks(checkId.value) === undefined) return { kind: 'text', text: `I do not know the check ${checkId.value}; the card may be from an older version. Run a new scan.` };
  const resourceId: Parsed<string | undefined> = parseResourceIdField(data);
  if (!resourceId.ok) return refuse(resourceId.reason);
  const subject = parseSubjectField(data);
  if (!subject.ok) return refuse(subject.reason);
  const fromPage = parseOptionalPage(data);
  if (!fromPage.ok) return refuse(fromPage.reason);
  const target = await cardWorkspace(ctx, port, data);
  if (!target.ok) return target.answer;
  await port.typing();
  let report: ScanReport;
  try {
    report = await ctx.acceptedRisks(port, await target.admission.scan({ selection: { kind: 'checks', checkIds: [checkId.value] } }));
  } catch (error) {
    return { kind: 'text', text: ctx.sentenceFor(error) };
  }
  const fresh = report.findings.filter((f) => f.checkId === checkId.value);
  // The card's own finding, never another resource's: an old card without a resource id may take the only result.
  const named = resourceId.value === undefined ? undefined : { checkId: checkId.value, resourceId: resourceId.value, ...(subject.value === undefined ? {} : { subject: subject.value }) };
  const after = named === undefined ? (fresh.length === 1 ? fresh[0] : undefined) : fresh.find((f) => isSameFinding(f, named));
  const stored = await ctx.lastScans.get(port.conversation.conversationId);
  // Someone else's results (user-delegated mode) are neither compared with nor merged into.
  const last = stored !== undefined && isOwnScan(ctx.access, stored, port.conversation) ? stored : undefined;
  const sameWorkspace = last !== undefined && last.report.workspace.id.toLowerCase() === report.workspace.id.toLowerCase();
  if (after === undefined) {
    if (sameWorkspace) await storeRechecked(ctx, port, last, checkId.value, fresh, report.scannedAt);
    if (named === undefined) return { kind: 'text', text: `${checkId.value} returned ${fresh.length === 0 ? 'no result' : 'several results'} on re-check; run a new scan to see them.` };
    const what = describeResource(named.resourceId);
    if (fresh.length > 0 && fresh.every((f) => f.status === 'pass')) {
      return { kind: 'text', text: `${what} no longer appears in ${checkId.value}'s results and the check passes now: it was resolved, or the resource is gone.` };
    }
    return { kind: 'text', text: `${what} is gone or no longer in scope: nothing to re-check.` };
  }
  const before = last?.report.findings.find((f) => isSameFinding(f, after));
  if (sameWorkspace) await storeRechecked(ctx, port, last, checkId.value, fresh, report.scannedAt);
  const note = recheckResultSentence(before?.status, after, checkId.value);
  const tone = after.status === 'pass' ? 'good' : after.status === 'fail' ? 'attention' : 'warning';
  const scan = { workspaceId: report.workspace.id, target: target.value };
  return { kind: 'card', card: findingCard(after, { ...ctx.cardOptions(after, scan), note, noteTone: tone, ...(fromPage.value === undefined ? {} : { fromPage: fromPage.value }) }) };
}
