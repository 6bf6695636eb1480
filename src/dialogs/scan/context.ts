/**
 * What every handler of the scan feature shares: its options, the last scan of each conversation, the clock for
 * progress, and the steps that look the same wherever a scan is shown — a progress card kept up to date, the
 * summary card, finding cards, storing the report and the sentence for a failure.
 */
import type { Finding, ScanReport } from '../../checks/types';
import { findingCard } from '../../cards/finding-card';
import { scanProgressCard } from '../../cards/progress-card';
import type { ScanTarget } from '../../cards/scan-target';
import { scanSummaryCard } from '../../cards/summary-card';
import type { Logger } from '../../logging';
import type { CheckLookup } from '../../report/catalog';
import { actionable } from '../../report/order';
import { areaAnswerSentence, scanErrorSentence, UNEXPECTED_FAILURE, type ReportScope } from '../../report/wording';
import { ScanError } from '../../scan/scan-service';
import type { GuardedScanHandle, GuardedScans } from '../../security/guarded-scans';
import { isSampleTarget } from '../../shared/scan-target';
import type { GuardianStore } from '../../storage/store';
import type { ActionResult } from '../feature';
import type { LastScanAccess } from '../last-scan-access';
import type { AdaptiveCard, TurnPort } from '../port';
import { ProgressThrottle } from '../scan-progress';
import { LastScans, type LastScan } from '../scan-state';
import { AREA_QUESTIONS } from './describe';

export interface ScanFeatureOptions {
  /**
   * Azure, behind the scan guard (src/security/guarded-scans.ts): who may scan what, and how often, is asked
   * before any ARM read, on every message and every card action. It is the feature's only way to scan; tests that
   * are not about the guard build it over a guard configured wide open.
   */
  readonly scans: GuardedScans;
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
   * User-delegated mode: a scan's results are what the scanning user's own Azure rights could read, so only that
   * user may page through them or open their details. In bot mode anyone in the conversation may.
   */
  readonly userScopedResults?: boolean;
  /** The conversation's accepted risks applied to each report (src/exceptions): a covered failed finding shows as accepted. */
  readonly acceptRisks?: (report: ScanReport, conversationId: string) => Promise<ScanReport>;
}

export interface ScanContext {
  readonly options: ScanFeatureOptions;
  readonly lastScans: LastScans;
  /** Who may see a stored scan again (paging, details, re-check comparisons). */
  readonly access: LastScanAccess;
  /** The guarded scans for the conversation of this turn. */
  scansFor(port: TurnPort): GuardedScanHandle;
  /** The sentence for a scan that failed; an unexpected failure is logged and told as such. */
  sentenceFor(error: unknown): string;
  cardOptions(finding: Finding, scan: ScanTarget): Parameters<typeof findingCard>[1];
  /** Progress shown on `progressId` (none when undefined), at most once per interval. */
  progress(port: TurnPort, progressId: string | undefined, workspaceName: string): ProgressThrottle;
  /** Replaces a card, or sends a new one if the update fails: no message is left half-finished. */
  replace(port: TurnPort, activityId: string, card: AdaptiveCard, summary: string): Promise<void>;
  /** A scan for this conversation: the admitted scan's report with the conversation's accepted risks applied. */
  acceptedRisks(port: TurnPort, report: ScanReport): Promise<ScanReport>;
  summaryOf(report: ScanReport, scan: ScanTarget, scope: ReportScope, rescanned?: boolean): AdaptiveCard;
  remember(port: TurnPort, last: LastScan): Promise<void>;
  /** Finding cards after the summary, only when configured (maxFindingCards): by default they are a click away. */
  sendFindingCards(port: TurnPort, report: ScanReport, scan: ScanTarget): Promise<void>;
  /** Whether a card's target (a sample or a workspace id) is the workspace the card names. */
  targetIsWorkspace(target: string, workspaceId: string): boolean;
}

export const STALE = 'That card belongs to an earlier scan that I no longer have. Press Re-scan or say "scan <workspace>" to start again.';

export function refuse(reason: string): ActionResult {
  return { kind: 'text', text: `I cannot do that: ${reason}.` };
}

export function createScanContext(options: ScanFeatureOptions): ScanContext {
  const { logger, checks } = options;
  const lastScans = new LastScans(options.store);
  const maxFindingCards = Math.max(0, options.maxFindingCards ?? 0);
  const intervalMs = options.progressIntervalMs ?? 1000;
  const now = options.now ?? ((): number => Date.now());

  const cardOptions: ScanContext['cardOptions'] = (finding, scan) => {
    const info = checks?.(finding.checkId);
    return info === undefined ? { scan } : { scan, info };
  };

  return {
    options,
    lastScans,
    access: { guard: options.scans, userScopedResults: options.userScopedResults === true },
    scansFor: (port) => options.scans.for(port.conversation),
    sentenceFor(error) {
      if (error instanceof ScanError) return scanErrorSentence(error.kind, error.message);
      logger?.error({ err: error }, 'scan failed');
      return UNEXPECTED_FAILURE;
    },
    cardOptions,
    progress(port, progressId, workspaceName) {
      return new ProgressThrottle({
        intervalMs,
        now,
        send: (p) => (progressId === undefined ? Promise.resolve() : port.updateCard(progressId, scanProgressCard({ workspaceName, ...p }))),
        onError: (error) => logger?.warn({ err: error }, 'progress update failed'),
      });
    },
    async replace(port, activityId, card, summary) {
      try {
        await port.updateCard(activityId, card);
      } catch (error) {
        logger?.warn({ err: error }, 'could not update the scan card; sending a new one');
        await port.sendCard(card, summary);
      }
    },
    acceptedRisks: (port, report) => (options.acceptRisks === undefined ? Promise.resolve(report) : options.acceptRisks(report, port.conversation.conversationId)),
    summaryOf(report, scan, scope, rescanned = false) {
      const answer = scope.kind === 'area' ? { question: AREA_QUESTIONS[scope.area](report.workspace.name), sentence: areaAnswerSentence(scope.area, report) } : undefined;
      return scanSummaryCard(report, { scan, scope, rescanned, ...(answer === undefined ? {} : { answer }) });
    },
    async remember(port, last) {
      try {
        await lastScans.put(port.conversation.conversationId, { ...last, scannedBy: port.conversation.userId });
      } catch (error) {
        logger?.warn({ err: error }, 'could not store the last scan');
      }
    },
    async sendFindingCards(port, report, scan) {
      for (const finding of actionable(report).slice(0, maxFindingCards)) {
        await port.sendCard(findingCard(finding, cardOptions(finding, scan)), `${finding.checkId}: ${finding.title}`);
      }
    },
    targetIsWorkspace(target, workspaceId) {
      const id = isSampleTarget(target) ? options.sampleWorkspaceId?.(target) : target;
      return id === undefined || id.toLowerCase() === workspaceId.toLowerCase();
    },
  };
}
