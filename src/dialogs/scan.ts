/**
 * The scan conversation: "scan ws-prod", "check rbac on <id>", "scan sample". Posts a progress card at once,
 * updates that same message as reads complete, then replaces it with the summary and sends the top findings.
 * Card actions: scan.rescan, scan.recheck (one check, card replaced in place), scan.page, scan.detail, scan.run.
 */
import { AREAS, type CATEGORIES, type Finding, type ScanReport } from '../checks/types';
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
import { recheckResultSentence, scanErrorSentence, summarySentence, UNEXPECTED_FAILURE } from '../report/wording';
import { ScanError, type ScanSelection, type ScanService } from '../scan/scan-service';
import type { GuardianStore } from '../storage/store';
import type { ActionResult, CardAction, Feature, IncomingMessage } from './feature';
import type { AdaptiveCard, TurnPort } from './port';
import {
  isSampleTarget,
  parseCheckId,
  parseCheckScope,
  parsePage,
  parseResourceIdField,
  parseTarget,
  parseWorkspaceField,
  type CheckScope,
  type Parsed,
} from './scan-action-data';
import { ProgressThrottle } from './scan-progress';
import { LastScans, withRechecked } from './scan-state';
import type { ScanGuard } from './scan-guard';

export interface ScanFeatureOptions {
  readonly scanService: ScanService;
  readonly store?: GuardianStore;
  readonly logger?: Logger;
  /** The check catalog (registry checkById): "why it matters" on cards, and refusing unknown check ids. */
  readonly checks?: CheckLookup;
  /** Finding cards sent after the summary (failed and not assessed first); the rest are a click away. */
  readonly maxFindingCards?: number;
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
  /**
   * The workspace id a sample target (`sample`, `sample:hardened`) stands for, so that a card naming one workspace
   * and targeting a sample of another is refused before any read. Without it, sample cards are taken as they come.
   */
  readonly sampleWorkspaceId?: (sampleTarget: string) => string | undefined;
  /** Who may scan what, and how often: asked before any ARM read, on every message and every card action. */
  readonly guard?: ScanGuard;
}

/** A related-checks button names a handful of checks; more than this is not a card the bot made. */
const MAX_RUN_CHECKS = 20;

const STALE = 'That card belongs to an earlier scan that I no longer have. Press Re-scan or say "scan <workspace>" to start again.';

function selectionOf(scope: CheckScope): ScanSelection {
  if (scope === 'all') return { kind: 'all' };
  if ((AREAS as readonly string[]).includes(scope)) return { kind: 'area', area: scope as (typeof AREAS)[number] };
  return { kind: 'category', category: scope as (typeof CATEGORIES)[number] };
}

function refuse(reason: string): ActionResult {
  return { kind: 'text', text: `I cannot do that: ${reason}.` };
}

export function createScanFeature(options: ScanFeatureOptions): Feature {
  const { scanService, logger, checks, guard } = options;
  const lastScans = new LastScans(options.store);
  const maxFindingCards = Math.max(0, options.maxFindingCards ?? 3);
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

  /** Authorises a sample or a workspace id for this conversation and takes one scan from its budget; the refusal, if any. */
  async function admit(port: TurnPort, target: string): Promise<string | undefined> {
    if (guard === undefined) return undefined;
    const conversation = port.conversation;
    const decision = isSampleTarget(target) ? await guard.authorize(target, conversation) : await guard.authorizeResolved(target, conversation);
    if (!decision.allowed) return decision.reason;
    const budget = await guard.takeScan(conversation);
    return budget.allowed ? undefined : budget.reason;
  }

  async function runScan(port: TurnPort, target: string, scope: CheckScope | ScanSelection, displayName: string): Promise<void> {
    const refused = await admit(port, target);
    if (refused !== undefined) {
      await port.sendCard(errorCard('I cannot run that scan', refused), 'Scan refused');
      return;
    }
    const selection = typeof scope === 'string' ? selectionOf(scope) : scope;
    await port.typing();
    const progressId = await port.sendCard(scanProgressCard({ workspaceName: displayName, done: 0, total: 0, label: '' }), `Scanning ${displayName}`);
    const throttle = new ProgressThrottle({
      intervalMs,
      now,
      send: (p) => port.updateCard(progressId, scanProgressCard({ workspaceName: displayName, ...p })),
      onError: (error) => logger?.warn({ err: error }, 'progress update failed'),
    });
    let report: ScanReport;
    try {
      report = await scanService.scan({ target, selection, onProgress: throttle.report });
    } catch (error) {
      await throttle.settle();
      await replace(port, progressId, errorCard(`The scan of ${displayName} did not finish`, sentenceFor(error)), 'Scan failed');
      return;
    }
    await throttle.settle();
    const scan: ScanTarget = { workspaceId: report.workspace.id, target };
    try {
      await lastScans.put(port.conversation.conversationId, { report, target });
    } catch (error) {
      logger?.warn({ err: error }, 'could not store the last scan');
    }
    await replace(port, progressId, scanSummaryCard(report, { scan }), summarySentence(report));
    for (const finding of actionable(report).slice(0, maxFindingCards)) {
      await port.sendCard(findingCard(finding, cardOptions(finding, scan)), `${finding.checkId}: ${finding.title}`);
    }
  }

  async function promptForWorkspace(port: TurnPort, scope: CheckScope, candidates?: Parameters<typeof workspaceChoiceCard>[0]['workspaces'], name?: string): Promise<void> {
    let workspaces = candidates;
    if (workspaces === undefined) {
      try {
        workspaces = await scanService.listWorkspaces();
      } catch (error) {
        logger?.warn({ err: error }, 'could not list workspaces');
        workspaces = [];
      }
    }
    if (guard !== undefined) workspaces = await guard.filterVisible(workspaces, port.conversation);
    const prompt =
      name !== undefined
        ? `Several workspaces are called "${name}". Which one should I scan?`
        : workspaces.length > 0
          ? 'Which Azure Machine Learning workspace should I scan? Choose one, or try the sample workspace.'
          : 'I cannot see any Azure Machine Learning workspace. Try the sample workspace, or name a workspace by its resource id.';
    await port.sendCard(workspaceChoiceCard({ title: 'Which workspace?', prompt, workspaces, includeSample: true, check: scope }), 'Which workspace?');
  }

  /** Resolves what the user typed, then scans, prompts or explains. */
  async function scanFromText(port: TurnPort, rawTarget: string, scope: CheckScope): Promise<void> {
    const target = rawTarget.trim();
    if (guard !== undefined) {
      const decision = await guard.authorize(target, port.conversation);
      if (!decision.allowed) {
        await port.sendCard(errorCard('I cannot run that scan', decision.reason), 'Scan refused');
        return;
      }
    }
    if (isSampleTarget(target)) {
      await runScan(port, target.toLowerCase(), scope, target.toLowerCase() === 'sample' ? 'the sample workspace' : target.slice('sample:'.length));
      return;
    }
    let resolution;
    try {
      resolution = await scanService.resolve(target);
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

  async function withLast(port: TurnPort, data: Readonly<Record<string, unknown>>, fn: (report: ScanReport, scan: ScanTarget) => ActionResult): Promise<ActionResult> {
    const workspace = parseWorkspaceField(data);
    if (!workspace.ok) return refuse(workspace.reason);
    const target = parseTarget(data);
    if (!target.ok) return refuse(target.reason);
    const last = await lastScans.get(port.conversation.conversationId);
    if (last === undefined || last.report.workspace.id.toLowerCase() !== workspace.value.toLowerCase()) return { kind: 'text', text: STALE };
    return fn(last.report, { workspaceId: last.report.workspace.id, target: last.target });
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
    const target = await cardWorkspace(port, data);
    if (!target.ok) return target.answer;
    await port.typing();
    let report: ScanReport;
    try {
      report = await scanService.scan({ target: target.value, selection: { kind: 'checks', checkIds: [checkId.value] } });
    } catch (error) {
      return { kind: 'text', text: sentenceFor(error) };
    }
    const fresh = report.findings.filter((f) => f.checkId === checkId.value);
    const after = fresh.find((f) => resourceId.value !== undefined && f.resourceId.toLowerCase() === resourceId.value.toLowerCase()) ?? fresh[0];
    if (after === undefined) return { kind: 'text', text: `${checkId.value} returned no result on re-check; it may not apply to this workspace any more.` };
    const last = await lastScans.get(port.conversation.conversationId);
    const before = last?.report.findings.find((f) => f.checkId === after.checkId && f.resourceId.toLowerCase() === after.resourceId.toLowerCase());
    if (last !== undefined && last.report.workspace.id.toLowerCase() === report.workspace.id.toLowerCase()) {
      try {
        await lastScans.put(port.conversation.conversationId, { report: withRechecked(last.report, checkId.value, fresh, report.scannedAt), target: last.target });
      } catch (error) {
        logger?.warn({ err: error }, 'could not store the re-checked scan');
      }
    }
    const note = recheckResultSentence(before?.status, after, checkId.value);
    const tone = after.status === 'pass' ? 'good' : after.status === 'fail' ? 'attention' : 'warning';
    const scan = { workspaceId: report.workspace.id, target: target.value };
    return { kind: 'card', card: findingCard(after, { ...cardOptions(after, scan), note, noteTone: tone }) };
  }

  async function rescan(port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const target = await cardWorkspace(port, data);
    if (!target.ok) return target.answer;
    await port.typing();
    let report: ScanReport;
    try {
      report = await scanService.scan({ target: target.value, selection: { kind: 'all' } });
    } catch (error) {
      return { kind: 'card', card: errorCard('The re-scan did not finish', sentenceFor(error)) };
    }
    const scan: ScanTarget = { workspaceId: report.workspace.id, target: target.value };
    try {
      await lastScans.put(port.conversation.conversationId, { report, target: target.value });
    } catch (error) {
      logger?.warn({ err: error }, 'could not store the last scan');
    }
    for (const finding of actionable(report).slice(0, maxFindingCards)) {
      await port.sendCard(findingCard(finding, cardOptions(finding, scan)), `${finding.checkId}: ${finding.title}`);
    }
    return { kind: 'card', card: scanSummaryCard(report, { scan }) };
  }

  async function run(port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const target = parseTarget(data);
    if (!target.ok) return refuse(target.reason);
    const scope = parseCheckScope(data.check);
    if (!scope.ok) return refuse(scope.reason);
    if (isSampleTarget(target.value)) {
      await runScan(port, target.value, scope.value, target.value === 'sample' ? 'the sample workspace' : target.value.slice('sample:'.length));
    } else {
      await scanFromText(port, target.value, scope.value);
    }
    return { kind: 'handled' };
  }

  /** "Check this on my workspace" from an answer card: the related checks on the workspace scanned last here. */
  async function runChecks(port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const ids = data.checkIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_RUN_CHECKS || !ids.every((id) => typeof id === 'string')) {
      return refuse(`the card must name 1 to ${MAX_RUN_CHECKS} check ids`);
    }
    const checkIds: string[] = [];
    for (const id of ids) {
      const parsed = parseCheckId({ checkId: id });
      if (!parsed.ok) return refuse(parsed.reason);
      if (checks !== undefined && checks(parsed.value) === undefined) return { kind: 'text', text: `I do not know the check ${parsed.value}; the card may be from an older version. Ask the question again.` };
      checkIds.push(parsed.value);
    }
    const last = await lastScans.get(port.conversation.conversationId);
    if (last === undefined) {
      await promptForWorkspace(port, 'all');
      return { kind: 'handled' };
    }
    await runScan(port, last.target, { kind: 'checks', checkIds }, last.report.workspace.name);
    return { kind: 'handled' };
  }

  return {
    name: 'scan',

    async onMessage(port: TurnPort, message: IncomingMessage): Promise<boolean> {
      const route = message.route;
      if (route.intent !== 'check') return false;
      const scope = parseCheckScope(route.check ?? 'all');
      const checkScope = scope.ok ? scope.value : 'all';
      const target = route.target?.trim() ?? '';
      if (target === '') await promptForWorkspace(port, checkScope);
      else await scanFromText(port, target, checkScope);
      return true;
    },

    async onAction(port: TurnPort, action: CardAction): Promise<ActionResult> {
      const data = action.data;
      switch (action.verb) {
        case 'scan.recheck':
          return recheck(port, data);
        case 'scan.rescan':
          return rescan(port, data);
        case 'scan.run':
          return run(port, data);
        case 'scan.run-checks':
          return runChecks(port, data);
        case 'scan.page': {
          const page = parsePage(data);
          if (!page.ok) return refuse(page.reason);
          return withLast(port, data, (report, scan) => ({ kind: 'card', card: findingsListCard(report, { scan, page: page.value }) }));
        }
        case 'scan.detail': {
          const checkId = parseCheckId(data);
          if (!checkId.ok) return refuse(checkId.reason);
          const resourceId = parseResourceIdField(data);
          if (!resourceId.ok) return refuse(resourceId.reason);
          return withLast(port, data, (report, scan) => {
            const finding = report.findings.find((f) => f.checkId === checkId.value && (resourceId.value === undefined || f.resourceId === resourceId.value));
            return finding === undefined ? { kind: 'text', text: STALE } : { kind: 'card', card: findingCard(finding, cardOptions(finding, scan)) };
          });
        }
        default:
          return { kind: 'text', text: 'I do not know that button any more; the card may be from an older version of the bot.' };
      }
    },
  };
}
