/**
 * The scan conversation: "scan ws-prod", "check rbac on <id>", "scan sample". Posts a progress card at once,
 * updates that same message as reads complete, then replaces it with the one summary card (findings on demand).
 * Card actions: scan.rescan (progress on the clicked card, then the new summary), scan.recheck (one check, card
 * replaced in place), scan.page (findings list, with Back to the summary), scan.detail (a finding, with Back to the
 * list), scan.summary, scan.run (the "Which workspace?" card is replaced by a card without buttons),
 * scan.run-checks (the answer card stays). An area scan ("is public network access off on ws-prod?", "check
 * rbac") is titled as what it is and opens with the yes/no answer to its question. A subscription target with the Defender area ("defender
 * status for subscription <id>") reads that subscription's Defender plans and answers with the plans card.
 */
import { isSameFinding } from '../checks/identity';
import type { Area, Finding, ScanReport } from '../checks/types';
import { defenderPlansCard } from '../cards/defender-plans-card';
import { errorCard, noticeCard } from '../cards/notice-card';
import { findingCard } from '../cards/finding-card';
import { findingsListCard } from '../cards/findings-list-card';
import { scanProgressCard } from '../cards/progress-card';
import type { ScanTarget } from '../cards/scan-target';
import { scanSummaryCard } from '../cards/summary-card';
import { workspaceChoiceCard } from '../cards/workspace-choice-card';
import type { Logger } from '../logging';
import type { CheckLookup } from '../report/catalog';
import { actionable } from '../report/order';
import { areaAnswerSentence, defenderStatusSentence, recheckResultSentence, scanErrorSentence, summarySentence, UNEXPECTED_FAILURE, type ReportScope } from '../report/wording';
import { quoteUserText } from '../security/input';
import { ScanError, type DefenderStatusReport, type ScanSelection, type ScanService } from '../scan/scan-service';
import type { GuardianStore } from '../storage/store';
import type { ActionResult, CardAction, Feature, TurnIntentHandlers } from './feature';
import { MAX_SUGGESTIONS, type AdaptiveCard, type Suggestion, type TurnPort } from './port';
import {
  ignoredTargetParts,
  parseCheckId,
  malformedResourceId,
  parseCheckScope,
  parseOptionalPage,
  parsePage,
  parseReportScope,
  parseResourceIdField,
  parseSubjectField,
  parseTarget,
  parseWorkspaceField,
  scopeOf,
  type CheckScope,
  type Parsed,
} from './scan-action-data';
import { isSampleTarget, parseScanTarget, workspaceTargetText, type ParsedTarget, type WorkspaceTarget } from '../shared/scan-target';
import { ProgressThrottle } from './scan-progress';
import { LastScans, withRechecked, type LastScan } from './scan-state';
import type { ScanGuard } from './scan-guard';
import { authorizeTarget, isOwnScan, lastScanRefusal, type LastScanAccess } from './last-scan-access';
import { boundResolution } from '../security/bounded-resolution';
import { SCAN_ACTIONS } from '../routing/actions/scan';
import { dispatchAction, unknownButton, type ActionHandlers } from './action-handlers';

export interface ScanFeatureOptions {
  readonly scanService: ScanService;
  readonly store?: GuardianStore;
  readonly logger?: Logger;
  /** The check catalog (registry checkById): "why it matters" on cards, and refusing unknown check ids. */
  readonly checks?: CheckLookup;
  /** Finding cards sent after the summary (failed and not assessed first); default none: they are a click away. */
  readonly maxFindingCards?: number;
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
  /**
   * The workspace id a sample target (`sample`, `sample:hardened`) stands for, so that a card naming one workspace
   * and targeting a sample of another is refused before any read. Without it, sample cards are taken as they come.
   */
  readonly sampleWorkspaceId?: (sampleTarget: string) => string | undefined;
  /**
   * Who may scan what, and how often: asked before any ARM read, on every message and every card action. Required:
   * a composition cannot leave it out (tests that are not about it pass a guard configured wide open).
   */
  readonly guard: ScanGuard;
  /**
   * User-delegated mode: a scan's results are what the scanning user's own Azure rights could read, so only that
   * user may page through them or open their details. In bot mode anyone in the conversation may.
   */
  readonly userScopedResults?: boolean;
  /** The conversation's accepted risks applied to each report (src/exceptions): a covered failed finding shows as accepted. */
  readonly acceptRisks?: (report: ScanReport, conversationId: string) => Promise<ScanReport>;
}

/** A related-checks button names a handful of checks; more than this is not a card the bot made. */
const MAX_RUN_CHECKS = 20;

const RESOURCE_ID_EXAMPLE =
  'A workspace id looks like /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<name>; or name the workspace, or say "scan sample".';

const STALE = 'That card belongs to an earlier scan that I no longer have. Press Re-scan or say "scan <workspace>" to start again.';

export { SOMEONE_ELSES_SCAN } from './last-scan-access';

/** What a "Which workspace?" card passes back: a scope by name, or the exact checks a related-checks button named. */
function choiceScope(scope: CheckScope | ScanSelection): { readonly check: string; readonly checkIds?: readonly string[] } {
  if (typeof scope === 'string') return { check: scope };
  return scope.kind === 'checks' ? { check: 'all', checkIds: scope.checkIds } : { check: 'all' };
}

/** Why the message named no workspace when it had a link, mention or HTML in it: those are never taken as targets. */
function ignoredNotice(text: string): string | undefined {
  const kinds = ignoredTargetParts(text);
  if (kinds.length === 0) return undefined;
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1) ?? ''}`;
  return `I ignored the ${list} in your message: I never take a workspace from a link, a mention or HTML. Name the workspace by its name or resource id.`;
}

function refuse(reason: string): ActionResult {
  return { kind: 'text', text: `I cannot do that: ${reason}.` };
}

/** The question each area stands for, as the title of its answer. */
const AREA_QUESTIONS: Readonly<Record<Area, (workspace: string) => string>> = {
  'public-network': (ws) => `Is public network access off on ${ws}?`,
  rbac: (ws) => `Are role assignments on ${ws} least privilege?`,
  defender: (ws) => `Does Defender for Cloud protect ${ws}?`,
};

/** Checks whose Defender results a subscription alone can answer ("defender status for subscription <id>"). */
const SUBSCRIPTION_SCOPES: ReadonlySet<CheckScope> = new Set<CheckScope>(['defender', 'logging-threat-detection']);

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

const AREA_SUGGESTIONS: Readonly<Record<Area, (target: string) => Suggestion>> = {
  rbac: (target) => ({ title: 'Check RBAC', text: `check rbac on ${target}` }),
  'public-network': (target) => ({ title: 'Public network access?', text: `is public network access off on ${target}?` }),
  defender: (target) => ({ title: 'Defender status', text: `defender status for ${target}` }),
};

/** What to ask next about the same workspace: the areas not just asked, and the full scan after a partial one. */
function nextSteps(selection: ScanSelection, target: string): Suggestion[] {
  const steps = Object.entries(AREA_SUGGESTIONS)
    .filter(([area]) => selection.kind !== 'area' || selection.area !== area)
    .map(([, suggest]) => suggest(target));
  if (selection.kind !== 'all') steps.unshift({ title: 'Full scan', text: `scan ${target}` });
  return steps.slice(0, MAX_SUGGESTIONS);
}

/** How a target is named while it is scanned: "the sample workspace", the sample's name, or the workspace name. */
function describeTarget(target: string): string {
  if (isSampleTarget(target)) return target.toLowerCase() === 'sample' ? 'the sample workspace' : target.slice('sample:'.length);
  return target.split('/').filter((part) => part !== '').at(-1) ?? target;
}

export function createScanFeature(options: ScanFeatureOptions): Feature & { readonly intents: Pick<TurnIntentHandlers, 'check'> } {
  const { scanService, logger, checks, guard } = options;
  const access: LastScanAccess = { guard, userScopedResults: options.userScopedResults === true };
  const lastScans = new LastScans(options.store);
  const maxFindingCards = Math.max(0, options.maxFindingCards ?? 0);
  const intervalMs = options.progressIntervalMs ?? 1000;
  const now = options.now ?? ((): number => Date.now());

  function sentenceFor(error: unknown): string {
    if (error instanceof ScanError) return scanErrorSentence(error.kind, error.message);
    logger?.error({ err: error }, 'scan failed');
    return UNEXPECTED_FAILURE;
  }

  function cardOptions(finding: Finding, scan: ScanTarget): Parameters<typeof findingCard>[1] {
    const info = checks?.(finding.checkId);
    return info === undefined ? { scan } : { scan, info };
  }

  /** Whether a card's target (a sample or a workspace id) is the workspace the card names. */
  function targetIsWorkspace(target: string, workspaceId: string): boolean {
    const id = isSampleTarget(target) ? options.sampleWorkspaceId?.(target) : target;
    return id === undefined || id.toLowerCase() === workspaceId.toLowerCase();
  }

  /** Replaces a card, or sends a new one if the update fails: no message is left half-finished. */
  async function replace(port: TurnPort, activityId: string, card: AdaptiveCard, summary: string): Promise<void> {
    try {
      await port.updateCard(activityId, card);
    } catch (error) {
      logger?.warn({ err: error }, 'could not update the scan card; sending a new one');
      await port.sendCard(card, summary);
    }
  }

  /** A scan for this conversation: the service's report with the conversation's accepted risks applied. */
  async function scanFor(port: TurnPort, request: Parameters<ScanService['scan']>[0]): Promise<ScanReport> {
    const report = await scanService.scan(request);
    return options.acceptRisks === undefined ? report : options.acceptRisks(report, port.conversation.conversationId);
  }

  /** Authorises a sample or a workspace id for this conversation and takes one scan from its budget; the refusal, if any. */
  async function admit(port: TurnPort, target: string): Promise<string | undefined> {
    const conversation = port.conversation;
    const decision = await authorizeTarget(guard, target, conversation);
    if (!decision.allowed) return decision.reason;
    const budget = await guard.takeScan(conversation, target);
    return budget.allowed ? undefined : budget.reason;
  }

  async function runScan(port: TurnPort, target: string, scope: CheckScope | ScanSelection, displayName: string): Promise<void> {
    const refused = await admit(port, target);
    if (refused !== undefined) {
      await port.sendCard(errorCard('I cannot run that scan', refused), 'Scan refused');
      return;
    }
    const selection = typeof scope === 'string' ? scopeOf(scope) : scope;
    await port.typing();
    // The next steps go with the first message: Teams shows suggested actions under a sent message, not an update.
    const progressId = await port.sendCard(scanProgressCard({ workspaceName: displayName, done: 0, total: 0, label: '' }), `Scanning ${displayName}`, nextSteps(selection, target));
    const throttle = new ProgressThrottle({
      intervalMs,
      now,
      send: (p) => port.updateCard(progressId, scanProgressCard({ workspaceName: displayName, ...p })),
      onError: (error) => logger?.warn({ err: error }, 'progress update failed'),
    });
    let report: ScanReport;
    try {
      report = await scanFor(port, { target, selection, onProgress: throttle.report });
    } catch (error) {
      await throttle.settle();
      await replace(port, progressId, errorCard(`The scan of ${displayName} did not finish`, sentenceFor(error)), 'Scan failed');
      return;
    }
    await throttle.settle();
    const scan: ScanTarget = { workspaceId: report.workspace.id, target };
    await remember(port, { report, target, scope: selection });
    // One card: an area scan opens with its question's answer ("No — public network access is not off: …").
    await replace(port, progressId, summaryOf(report, scan, selection), summarySentence(report));
    await sendFindingCards(port, report, scan);
  }

  function summaryOf(report: ScanReport, scan: ScanTarget, scope: ReportScope, rescanned = false): AdaptiveCard {
    const answer = scope.kind === 'area' ? { question: AREA_QUESTIONS[scope.area](report.workspace.name), sentence: areaAnswerSentence(scope.area, report) } : undefined;
    return scanSummaryCard(report, { scan, scope, rescanned, ...(answer === undefined ? {} : { answer }) });
  }

  async function remember(port: TurnPort, last: LastScan): Promise<void> {
    try {
      await lastScans.put(port.conversation.conversationId, { ...last, scannedBy: port.conversation.userId });
    } catch (error) {
      logger?.warn({ err: error }, 'could not store the last scan');
    }
  }

  /** Finding cards after the summary, only when configured (maxFindingCards): by default they are a click away. */
  async function sendFindingCards(port: TurnPort, report: ScanReport, scan: ScanTarget): Promise<void> {
    for (const finding of actionable(report).slice(0, maxFindingCards)) {
      await port.sendCard(findingCard(finding, cardOptions(finding, scan)), `${finding.checkId}: ${finding.title}`);
    }
  }

  /** "Defender status for subscription <id>": authorised like a scan (the subscription itself must be allowed). */
  async function defenderStatus(port: TurnPort, subscriptionId: string): Promise<void> {
    const scope = `/subscriptions/${subscriptionId}`;
    const decision = guard.authorizeSubscription === undefined
      ? { allowed: false as const, reason: 'This bot is not set up to read the Defender plans of a subscription.' }
      : await guard.authorizeSubscription(scope, port.conversation);
    const budget = decision.allowed ? await guard.takeScan(port.conversation, scope) : decision;
    if (!budget.allowed) {
      await port.sendCard(errorCard('I cannot read that subscription', budget.reason), 'Defender status refused');
      return;
    }
    if (scanService.defenderStatus === undefined) {
      await port.sendCard(errorCard('I cannot read that subscription', 'This scan service cannot read the Defender plans of a subscription; name a workspace in it instead.'), 'Defender status refused');
      return;
    }
    await port.typing();
    let report: DefenderStatusReport;
    try {
      report = await scanService.defenderStatus(subscriptionId);
    } catch (error) {
      const reason = error instanceof ScanError ? `I could not read the Defender plans of ${scope}: ${error.message}` : sentenceFor(error);
      await port.sendCard(errorCard('The Defender status did not finish', reason), 'Defender status failed');
      return;
    }
    await port.sendCard(defenderPlansCard(report), defenderStatusSentence(report));
  }

  /** The workspaces to offer, listed only for a conversation the guard lets list (a listing is an Azure read too). */
  async function listWorkspaces(port: TurnPort): Promise<Parameters<typeof workspaceChoiceCard>[0]['workspaces']> {
    if (!(await guard.authorizeListing(port.conversation)).allowed) return [];
    try {
      return await scanService.listWorkspaces();
    } catch (error) {
      logger?.warn({ err: error }, 'could not list workspaces');
      return [];
    }
  }

  async function promptForWorkspace(
    port: TurnPort,
    scope: CheckScope | ScanSelection,
    candidates?: Parameters<typeof workspaceChoiceCard>[0]['workspaces'],
    name?: string,
    notice?: string,
  ): Promise<void> {
    let workspaces = candidates ?? (await listWorkspaces(port));
    workspaces = await guard.filterVisible(workspaces, port.conversation);
    const prompt =
      name !== undefined
        ? `Several workspaces are called "${name}". Which one should I scan?`
        : workspaces.length > 0
          ? 'Which Azure Machine Learning workspace should I scan? Choose one, or try the sample workspace.'
          : 'I cannot see any Azure Machine Learning workspace. Try the sample workspace, or name a workspace by its resource id.';
    const text = notice === undefined ? prompt : `${notice} ${prompt}`;
    await port.sendCard(workspaceChoiceCard({ title: 'Which workspace?', prompt: text, workspaces, includeSample: true, ...choiceScope(scope) }), 'Which workspace?');
  }

  /** Resolves what the user typed, then scans, prompts or explains. */
  /** Scans what the user named, parsed once (src/shared/scan-target.ts): each kind of target has its own path. */
  async function scanTarget(port: TurnPort, target: ParsedTarget, scope: CheckScope | ScanSelection): Promise<void> {
    switch (target.kind) {
      case 'invalid':
        await port.sendCard(errorCard('That is not a valid resource id', `${target.reason} ${RESOURCE_ID_EXAMPLE}`), 'Not a valid resource id');
        return;
      case 'subscription':
        await scanSubscription(port, target.subscriptionId, scope);
        return;
      case 'sample':
      case 'workspace-id':
      case 'workspace-name':
      case 'other-resource':
        await scanWorkspace(port, target, scope);
        return;
    }
  }

  /** A subscription: its Defender plans, or (for workspace checks) the workspaces in it to choose from. */
  async function scanSubscription(port: TurnPort, subscription: string, scope: CheckScope | ScanSelection): Promise<void> {
    if (typeof scope === 'string' && SUBSCRIPTION_SCOPES.has(scope)) {
      await defenderStatus(port, subscription);
      return;
    }
    // Other checks are about a workspace: offer the ones in that subscription (a guarded listing).
    const inSubscription = (await listWorkspaces(port)).filter((w) => w.subscriptionId.toLowerCase() === subscription);
    const notice = `That is a subscription; these checks are about a workspace. For the subscription's Defender plans, ask "defender status for subscription ${subscription}".`;
    await promptForWorkspace(port, scope, inSubscription, undefined, notice);
  }

  /** One workspace: authorised first, then the sample's scan, or the name or id resolved and scanned. */
  async function scanWorkspace(port: TurnPort, parsed: WorkspaceTarget, scope: CheckScope | ScanSelection): Promise<void> {
    const target = workspaceTargetText(parsed);
    const decision = await guard.authorize(target, port.conversation);
    if (!decision.allowed) {
      await port.sendCard(errorCard('I cannot run that scan', decision.reason), 'Scan refused');
      return;
    }
    if (parsed.kind === 'sample') {
      await runScan(port, parsed.text, scope, parsed.sampleName ?? 'the sample workspace');
      return;
    }
    let resolution;
    try {
      resolution = await scanService.resolve(target);
      // Only what this conversation may scan: a match outside it is not named, not even in a refusal.
      resolution = await boundResolution(guard, port.conversation, target, resolution);
    } catch (error) {
      await port.sendCard(errorCard('I could not start the scan', sentenceFor(error)), 'Scan refused');
      return;
    }
    switch (resolution.kind) {
      case 'found':
        await runScan(port, resolution.workspace.id, scope, resolution.workspace.name);
        return;
      case 'ambiguous':
        await promptForWorkspace(port, scope, resolution.candidates, target);
        return;
      case 'not_found':
        await port.sendCard(noticeCard({ title: 'Workspace not found', lines: [resolution.message], tone: 'warning' }), 'Workspace not found');
        return;
    }
  }

  async function withLast(port: TurnPort, data: Readonly<Record<string, unknown>>, fn: (report: ScanReport, scan: ScanTarget, scope: ReportScope) => ActionResult): Promise<ActionResult> {
    const workspace = parseWorkspaceField(data);
    if (!workspace.ok) return refuse(workspace.reason);
    const target = parseTarget(data);
    if (!target.ok) return refuse(target.reason);
    const last = await lastScans.get(port.conversation.conversationId);
    if (last === undefined || last.report.workspace.id.toLowerCase() !== workspace.value.toLowerCase()) return { kind: 'text', text: STALE };
    const refused = await lastScanRefusal(access, last, port.conversation);
    if (refused !== undefined) return { kind: 'text', text: refused };
    return fn(last.report, { workspaceId: last.report.workspace.id, target: last.target }, last.scope ?? { kind: 'all' });
  }

  /**
   * The workspace a re-check or re-scan card names, checked like new input: both fields parsed, naming the same
   * workspace, and authorised for this conversation again. `target` defaults to the workspace id (notification
   * cards carry only that).
   */
  async function cardWorkspace(port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<{ readonly ok: true; readonly value: string } | { readonly ok: false; readonly answer: ActionResult }> {
    const workspace = parseWorkspaceField(data);
    if (!workspace.ok) return { ok: false, answer: refuse(workspace.reason) };
    const target = data.target === undefined ? workspace : parseTarget(data);
    if (!target.ok) return { ok: false, answer: refuse(target.reason) };
    if (!targetIsWorkspace(target.value, workspace.value)) return { ok: false, answer: refuse('the card names two different workspaces') };
    const refused = await admit(port, target.value);
    if (refused !== undefined) return { ok: false, answer: { kind: 'text', text: refused } };
    return { ok: true, value: target.value };
  }

  async function recheck(port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
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
    const target = await cardWorkspace(port, data);
    if (!target.ok) return target.answer;
    await port.typing();
    let report: ScanReport;
    try {
      report = await scanFor(port, { target: target.value, selection: { kind: 'checks', checkIds: [checkId.value] } });
    } catch (error) {
      return { kind: 'text', text: sentenceFor(error) };
    }
    const fresh = report.findings.filter((f) => f.checkId === checkId.value);
    // The card's own finding, never another resource's: an old card without a resource id may take the only result.
    const named = resourceId.value === undefined ? undefined : { checkId: checkId.value, resourceId: resourceId.value, ...(subject.value === undefined ? {} : { subject: subject.value }) };
    const after = named === undefined ? (fresh.length === 1 ? fresh[0] : undefined) : fresh.find((f) => isSameFinding(f, named));
    const stored = await lastScans.get(port.conversation.conversationId);
    // Someone else's results (user-delegated mode) are neither compared with nor merged into.
    const last = stored !== undefined && isOwnScan(access, stored, port.conversation) ? stored : undefined;
    const sameWorkspace = last !== undefined && last.report.workspace.id.toLowerCase() === report.workspace.id.toLowerCase();
    if (after === undefined) {
      if (sameWorkspace) await storeRechecked(port, last, checkId.value, fresh, report.scannedAt);
      if (named === undefined) return { kind: 'text', text: `${checkId.value} returned ${fresh.length === 0 ? 'no result' : 'several results'} on re-check; run a new scan to see them.` };
      const what = describeResource(named.resourceId);
      if (fresh.length > 0 && fresh.every((f) => f.status === 'pass')) {
        return { kind: 'text', text: `${what} no longer appears in ${checkId.value}'s results and the check passes now: it was resolved, or the resource is gone.` };
      }
      return { kind: 'text', text: `${what} is gone or no longer in scope: nothing to re-check.` };
    }
    const before = last?.report.findings.find((f) => isSameFinding(f, after));
    if (sameWorkspace) await storeRechecked(port, last, checkId.value, fresh, report.scannedAt);
    const note = recheckResultSentence(before?.status, after, checkId.value);
    const tone = after.status === 'pass' ? 'good' : after.status === 'fail' ? 'attention' : 'warning';
    const scan = { workspaceId: report.workspace.id, target: target.value };
    return { kind: 'card', card: findingCard(after, { ...cardOptions(after, scan), note, noteTone: tone, ...(fromPage.value === undefined ? {} : { fromPage: fromPage.value }) }) };
  }

  /** The stored report with one check's findings replaced by a re-check's (paging and details show the new state). */
  async function storeRechecked(port: TurnPort, last: NonNullable<Awaited<ReturnType<LastScans['get']>>>, checkId: string, fresh: readonly Finding[], scannedAt: string): Promise<void> {
    try {
      await lastScans.put(port.conversation.conversationId, { ...last, report: withRechecked(last.report, checkId, fresh, scannedAt) });
    } catch (error) {
      logger?.warn({ err: error }, 'could not store the re-checked scan');
    }
  }

  /**
   * Re-scan: the same workspace and the same part of the baseline as the card. Progress shows on the clicked card
   * (its message id) while the reads run; the new summary replaces it, "Re-scanned at" to the second.
   */
  async function rescan(port: TurnPort, action: CardAction): Promise<ActionResult> {
    const data = action.data;
    const scope = parseReportScope(data);
    if (!scope.ok) return refuse(scope.reason);
    const target = await cardWorkspace(port, data);
    if (!target.ok) return target.answer;
    await port.typing();
    const last = await lastScans.get(port.conversation.conversationId);
    const displayName = last?.report.workspace.name ?? describeTarget(target.value);
    const progressId = action.messageId;
    const throttle = new ProgressThrottle({
      intervalMs,
      now,
      send: (p) => (progressId === undefined ? Promise.resolve() : port.updateCard(progressId, scanProgressCard({ workspaceName: displayName, ...p }))),
      onError: (error) => logger?.warn({ err: error }, 'progress update failed'),
    });
    if (progressId !== undefined) {
      try {
        await port.updateCard(progressId, scanProgressCard({ workspaceName: displayName, done: 0, total: 0, label: '' }));
      } catch (error) {
        logger?.warn({ err: error }, 'could not show re-scan progress on the card');
      }
    }
    let report: ScanReport;
    try {
      report = await scanFor(port, { target: target.value, selection: scope.value, onProgress: throttle.report });
    } catch (error) {
      await throttle.settle();
      return { kind: 'card', card: errorCard('The re-scan did not finish', sentenceFor(error)) };
    }
    await throttle.settle();
    const scan: ScanTarget = { workspaceId: report.workspace.id, target: target.value };
    await remember(port, { report, target: target.value, scope: scope.value });
    await sendFindingCards(port, report, scan);
    return { kind: 'card', card: summaryOf(report, scan, scope.value, true) };
  }

  /**
   * "Which workspace?" → Scan. The scan posts its own messages; the choice card (Action.Execute) is replaced by
   * a card with no buttons, so that it cannot start the same scan again. A submit (older clients) cannot replace
   * its card: the messages are the answer.
   */
  async function run(port: TurnPort, action: CardAction): Promise<ActionResult> {
    const data = action.data;
    const target = parseTarget(data);
    if (!target.ok) return refuse(target.reason);
    // A choice card that a related-checks button led to carries those checks: run exactly them.
    const named = data.checkIds === undefined ? undefined : runCheckIds(data.checkIds);
    if (named !== undefined && !named.ok) return named.answer;
    const parsedScope = parseCheckScope(data.check);
    if (!parsedScope.ok) return refuse(parsedScope.reason);
    const scope: CheckScope | ScanSelection = named === undefined ? parsedScope.value : { kind: 'checks', checkIds: named.ids };
    const parsed = parseScanTarget(target.value);
    const name = describeTarget(target.value);
    if (parsed.kind === 'sample') await runScan(port, parsed.text, scope, name);
    else await scanTarget(port, parsed, scope);
    if (action.via !== 'execute') return { kind: 'handled' };
    return { kind: 'card', card: noticeCard({ title: `Scanning ${name}…`, lines: ['Results below.'] }) };
  }

  /** "Check this on my workspace" from an answer card: the related checks on the workspace scanned last here. */
  /** The check ids a related-checks button names: 1 to MAX_RUN_CHECKS known ids, or the answer that refuses them. */
  function runCheckIds(ids: unknown): { readonly ok: true; readonly ids: string[] } | { readonly ok: false; readonly answer: ActionResult } {
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_RUN_CHECKS || !ids.every((id) => typeof id === 'string')) {
      return { ok: false, answer: refuse(`the card must name 1 to ${MAX_RUN_CHECKS} check ids`) };
    }
    const checkIds: string[] = [];
    for (const id of ids) {
      const parsed = parseCheckId({ checkId: id });
      if (!parsed.ok) return { ok: false, answer: refuse(parsed.reason) };
      if (checks !== undefined && checks(parsed.value) === undefined) return { ok: false, answer: { kind: 'text', text: `I do not know the check ${parsed.value}; the card may be from an older version. Ask the question again.` } };
      checkIds.push(parsed.value);
    }
    return { ok: true, ids: checkIds };
  }

  async function runChecks(port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const named = runCheckIds(data.checkIds);
    if (!named.ok) return named.answer;
    const selection: ScanSelection = { kind: 'checks', checkIds: named.ids };
    const last = await lastScans.get(port.conversation.conversationId);
    if (last === undefined) {
      await promptForWorkspace(port, selection);
      return { kind: 'handled' };
    }
    await runScan(port, last.target, selection, last.report.workspace.name);
    return { kind: 'handled' };
  }

  /** One handler per button of the scan cards. */
  const actions: ActionHandlers<typeof SCAN_ACTIONS> = {
    [SCAN_ACTIONS.recheck]: (port, action) => recheck(port, action.data),
    [SCAN_ACTIONS.rescan]: rescan,
    [SCAN_ACTIONS.summary]: (port, action) => withLast(port, action.data, (report, scan, scope) => ({ kind: 'card', card: summaryOf(report, scan, scope) })),
    [SCAN_ACTIONS.run]: run,
    [SCAN_ACTIONS.runChecks]: (port, action) => runChecks(port, action.data),
    [SCAN_ACTIONS.page]: showPage,
    [SCAN_ACTIONS.detail]: showDetail,
  };

  async function showPage(port: TurnPort, action: CardAction): Promise<ActionResult> {
    const page = parsePage(action.data);
    if (!page.ok) return refuse(page.reason);
    return withLast(port, action.data, (report, scan, scope) => ({ kind: 'card', card: findingsListCard(report, { scan, page: page.value, scope }) }));
  }

  async function showDetail(port: TurnPort, action: CardAction): Promise<ActionResult> {
    const data = action.data;
    const checkId = parseCheckId(data);
    if (!checkId.ok) return refuse(checkId.reason);
    const resourceId = parseResourceIdField(data);
    if (!resourceId.ok) return refuse(resourceId.reason);
    const subject = parseSubjectField(data);
    if (!subject.ok) return refuse(subject.reason);
    const fromPage = parseOptionalPage(data);
    if (!fromPage.ok) return refuse(fromPage.reason);
    return withLast(port, data, (report, scan) => {
      const named = resourceId.value === undefined ? undefined : { checkId: checkId.value, resourceId: resourceId.value, ...(subject.value === undefined ? {} : { subject: subject.value }) };
      const finding = report.findings.find((f) => (named === undefined ? f.checkId === checkId.value : isSameFinding(f, named)));
      if (finding === undefined) return { kind: 'text', text: STALE };
      return { kind: 'card', card: findingCard(finding, { ...cardOptions(finding, scan), fromPage: fromPage.value ?? 0 }) };
    });
  }

  return {
    name: 'scan',

    intents: {
      async check(route, { port, message }): Promise<void> {
        const scope = parseCheckScope(route.check);
        const checkScope = scope.ok ? scope.value : 'all';
        const target = route.target?.trim() ?? '';
        // A resource id that cannot be one is answered as such, not with "Which workspace?".
        const malformed = malformedResourceId(target === '' ? message.text : target);
        if (malformed !== undefined) {
          await port.sendCard(errorCard('That is not a valid resource id', `${malformed} ${RESOURCE_ID_EXAMPLE}`), 'Not a valid resource id');
          return;
        }
        if (target === '') await promptForWorkspace(port, checkScope, undefined, undefined, ignoredNotice(message.text));
        else await scanTarget(port, parseScanTarget(target), checkScope);
      },
    },

    onAction: dispatchAction(actions, unknownButton),
  };
}
