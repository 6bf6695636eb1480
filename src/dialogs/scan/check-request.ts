/**
 * A check request typed in chat — "scan ws-prod", "check rbac on <id>", "defender status for subscription <id>",
 * "scan sample": the target is parsed once (src/shared/scan-target.ts) and each kind has its own path. A
 * subscription goes to its Defender status (or a workspace choice); a workspace target is authorised, then scanned
 * (the sample) or resolved within what the conversation may scan and scanned (an id or a name).
 */
import { errorCard, noticeCard } from '../../cards/notice-card';
import type { ScanSelection } from '../../scan/scan-service';
import { malformedTarget, parseScanTarget, workspaceTargetText, type ParsedTarget, type TargetProblem, type WorkspaceTarget } from '../../shared/scan-target';
import type { CheckIntent } from '../../routing/intent';
import type { TurnPort } from '../port';
import { ignoredTargetParts, parseCheckScope, type CheckScope } from '../scan-action-data';
import type { ScanContext } from './context';
import type { LastScan } from '../scan-state';
import { defenderStatus } from './defender-status';
import { runScan } from './run-scan';
import { announceLastWorkspace, listWorkspaces, promptForWorkspace } from './workspace-prompt';
import { lastScanRefusal } from '../last-scan-access';
import { runCheckIds } from './run-checks';
import { AREAS, CATEGORIES, CATEGORY_TITLES } from '../../checks/types';

const RESOURCE_ID_EXAMPLE =
  'A workspace id looks like /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<name>; or name the workspace, or say "scan sample".';

/** Checks whose Defender results a subscription alone can answer ("defender status for subscription <id>"). */
const SUBSCRIPTION_SCOPES: ReadonlySet<CheckScope> = new Set<CheckScope>(['defender', 'logging-threat-detection']);

/** Why the message named no workspace when it had a link, mention or HTML in it: those are never taken as targets. */
function ignoredNotice(text: string): string | undefined {
  const kinds = ignoredTargetParts(text);
  if (kinds.length === 0) return undefined;
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1) ?? ''}`;
  return `I ignored the ${list} in your message: I never take a workspace from a link, a mention or HTML. Name the workspace by its name or resource id.`;
}

/** "That is not a valid subscription id / resource id", with what a valid one looks like. */
function sendTargetProblem(port: TurnPort, problem: TargetProblem): Promise<unknown> {
  const reason = problem.what === 'resource id' ? `${problem.reason} ${RESOURCE_ID_EXAMPLE}` : problem.reason;
  return port.sendCard(errorCard(`That is not a valid ${problem.what}`, reason), `Not a valid ${problem.what}`);
}

/** The scan feature's answer to a check request; `text` is the message, for what a missing target ignored. */
export async function handleCheckRequest(ctx: ScanContext, port: TurnPort, request: CheckIntent, text: string): Promise<void> {
  if (request.unknownArea !== undefined) {
    await sendUnknownArea(port, request.unknownArea);
    return;
  }
  const checkScope = requestedChecks(ctx, request);
  if (!checkScope.ok) {
    await port.sendText(checkScope.text);
    return;
  }
  await checkWhereAsked(ctx, port, request, text, checkScope.value);
}

/** What the request runs: the check ids it names (only known ones), else its area or category, else everything. */
function requestedChecks(ctx: ScanContext, request: CheckIntent): { readonly ok: true; readonly value: CheckScope | ScanSelection } | { readonly ok: false; readonly text: string } {
  if (request.checkIds !== undefined) {
    const named = runCheckIds(ctx, [...request.checkIds]);
    if (!named.ok) return { ok: false, text: named.answer.kind === 'text' ? named.answer.text : `I do not know the check ${request.checkIds.join(', ')}.` };
    return { ok: true, value: { kind: 'checks', checkIds: named.ids } };
  }
  const scope = parseCheckScope(request.check);
  return { ok: true, value: scope.ok ? scope.value : 'all' };
}

/** "I don't know the area "foo"", with the areas and categories the bot can check; nothing runs. */
function sendUnknownArea(port: TurnPort, word: string): Promise<unknown> {
  const lines = [
    `I can check these areas: ${AREAS.join(', ')}; and these categories: ${CATEGORIES.map((c) => `${c} (${CATEGORY_TITLES[c]})`).join(', ')}.`,
    'Say for example "check rbac on sample", "check AML-NET-001 on sample", or "scan sample" for every check.',
  ];
  return port.sendCard(noticeCard({ title: `I don't know the area "${word}"`, lines, tone: 'warning' }), `I don't know the area "${word}"`);
}

async function checkWhereAsked(ctx: ScanContext, port: TurnPort, request: CheckIntent, text: string, checkScope: CheckScope | ScanSelection): Promise<void> {
  const target = request.target?.trim() ?? '';
  // A resource id that cannot be one is answered as such, not with "Which workspace?".
  const malformed = malformedTarget(target === '' ? text : target);
  if (malformed !== undefined) {
    await sendTargetProblem(port, malformed);
    return;
  }
  if (target !== '') {
    await scanTarget(ctx, port, parseScanTarget(target), checkScope);
    return;
  }
  const ignored = ignoredNotice(text);
  const last = ignored === undefined ? await visibleLastScan(ctx, port) : undefined;
  if (last === undefined) {
    await promptForWorkspace(ctx, port, checkScope, undefined, undefined, ignored);
    return;
  }
  // "what's my score?" after a scan is about that workspace: scanned again, with another one a click away.
  await announceLastWorkspace(ctx, port, checkScope, last.report.workspace.name);
  await scanTarget(ctx, port, parseScanTarget(last.target), checkScope);
}

/** This conversation's last scan, when this user may see it (the rule for paging through it). */
async function visibleLastScan(ctx: ScanContext, port: TurnPort): Promise<LastScan | undefined> {
  const last = await ctx.lastScans.get(port.conversation.conversationId);
  if (last === undefined) return undefined;
  return (await lastScanRefusal(ctx.access, last, port.conversation)) === undefined ? last : undefined;
}

/** Scans what the user named: each kind of target has its own path. */
export async function scanTarget(ctx: ScanContext, port: TurnPort, target: ParsedTarget, scope: CheckScope | ScanSelection): Promise<void> {
  switch (target.kind) {
    case 'invalid':
      await sendTargetProblem(port, target);
      return;
    case 'subscription':
      await scanSubscription(ctx, port, target.subscriptionId, scope);
      return;
    case 'sample':
    case 'workspace-id':
    case 'workspace-name':
    case 'other-resource':
      await scanWorkspace(ctx, port, target, scope);
      return;
  }
}

/** A subscription: its Defender plans, or (for workspace checks) the workspaces in it to choose from. */
async function scanSubscription(ctx: ScanContext, port: TurnPort, subscription: string, scope: CheckScope | ScanSelection): Promise<void> {
  if (typeof scope === 'string' && SUBSCRIPTION_SCOPES.has(scope)) {
    await defenderStatus(ctx, port, subscription);
    return;
  }
  // Other checks are about a workspace: offer the ones in that subscription (a guarded listing).
  const inSubscription = (await listWorkspaces(ctx, port)).filter((w) => w.subscriptionId.toLowerCase() === subscription);
  const notice = `That is a subscription; these checks are about a workspace. For the subscription's Defender plans, ask "defender status for subscription ${subscription}".`;
  await promptForWorkspace(ctx, port, scope, inSubscription, undefined, notice);
}

/** One workspace: authorised first, then the sample's scan, or the name or id resolved and scanned. */
async function scanWorkspace(ctx: ScanContext, port: TurnPort, parsed: WorkspaceTarget, scope: CheckScope | ScanSelection): Promise<void> {
  const target = workspaceTargetText(parsed);
  const lookup = await ctx.scansFor(port).lookup(target);
  if (!lookup.allowed) {
    await port.sendCard(errorCard('I cannot run that scan', lookup.reason), 'Scan refused');
    return;
  }
  if (parsed.kind === 'sample') {
    await runScan(ctx, port, parsed.text, scope, parsed.sampleName ?? 'the sample workspace');
    return;
  }
  let resolution;
  try {
    resolution = await lookup.resolve();
  } catch (error) {
    await port.sendCard(errorCard('I could not start the scan', ctx.sentenceFor(error)), 'Scan refused');
    return;
  }
  switch (resolution.kind) {
    case 'found':
      await runScan(ctx, port, resolution.workspace.id, scope, resolution.workspace.name);
      return;
    case 'ambiguous':
      await promptForWorkspace(ctx, port, scope, resolution.candidates, target);
      return;
    case 'not_found':
      await port.sendCard(noticeCard({ title: 'Workspace not found', lines: [resolution.message], tone: 'warning' }), 'Workspace not found');
      return;
  }
}
