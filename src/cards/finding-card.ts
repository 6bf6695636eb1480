/**
 * One finding: what was found, the evidence (property, actual, expected), why it matters, and the fix — the
 * Microsoft Learn link, the portal steps and the `az` command to copy — with "Learn why" (the workshop
 * question) and "Re-check" (runs only this check again and replaces the card).
 */
import type { Finding } from '../checks/types';
import type { AdaptiveCard } from './card';
import type { CheckInfo } from '../report/catalog';
import {
  ACTION_TITLES,
  HEADINGS,
  acceptedSentence,
  findingBadge,
  findingSentence,
  findingSubtitle,
  fixCommand,
  fixIntro,
  portalSteps,
  truncatedSentence,
  whyItMatters,
} from '../report/wording';
import { actionPayload, findingSubject } from './actions';
import { STATUS_COLORS, type TextColor } from './colors';
import { codeLines } from './code-block';
import { markdownText, plainText, safeUrl } from './escape';
import type { ScanTarget } from './scan-target';
import { MAX_CARD_BYTES, cardBytes, expandCard } from './template';
import template from './templates/finding.json';
import { EXCEPTION_ACTIONS } from '../routing/actions/exceptions';
import { QNA_ACTIONS } from '../routing/actions/qna';
import { SCAN_ACTIONS } from '../routing/actions/scan';

/** Where Learn links go when a check's own URL is unusable (never a null url). */
export const FALLBACK_LEARN_URL = 'https://learn.microsoft.com/azure/machine-learning/concept-enterprise-security';

export interface FindingCardOptions {
  readonly scan: ScanTarget;
  /** The check's metadata, for "why it matters"; the card says less without it. */
  readonly info?: CheckInfo;
  /** A line above the card, e.g. the result of a re-check. */
  readonly note?: string;
  readonly noteTone?: 'good' | 'warning' | 'attention' | 'default';
  /** The page of the findings list this card was opened from: the card gets "Back to all findings". */
  readonly fromPage?: number;
}

interface Limits {
  readonly evidenceRows: number;
  readonly valueChars: number;
  readonly textChars: number;
}

// Tried in order until the card fits: generous first, then tighter.
const LIMITS: readonly Limits[] = [
  { evidenceRows: 8, valueChars: 400, textChars: 1200 },
  { evidenceRows: 4, valueChars: 200, textChars: 600 },
  { evidenceRows: 2, valueChars: 100, textChars: 300 },
];

export function findingCard(finding: Finding, options: FindingCardOptions): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const limits of LIMITS) {
    card = build(finding, options, limits);
    if (cardBytes(card) <= MAX_CARD_BYTES) return card;
  }
  return card ?? build(finding, options, LIMITS[LIMITS.length - 1]!);
}

function build(finding: Finding, options: FindingCardOptions, limits: Limits): AdaptiveCard {
  const shown = finding.evidence.slice(0, limits.evidenceRows);
  const hiddenCount = finding.evidence.length - shown.length;
  const questionId = finding.workshopQuestions[0] ?? '';
  const cli = finding.status === 'error' ? undefined : fixCommand(finding);
  const steps = finding.status === 'error' ? [] : portalSteps(finding).slice(0, 8);
  const recheck = actionPayload(SCAN_ACTIONS.recheck, {
    workspaceId: options.scan.workspaceId,
    target: options.scan.target,
    checkId: finding.checkId,
    resourceId: finding.resourceId,
    ...findingSubject(finding),
    ...(options.fromPage === undefined ? {} : { page: options.fromPage }),
  });
  const scanData = { workspaceId: options.scan.workspaceId, target: options.scan.target };
  return expandCard(template, {
    fallbackText: plainText(`${findingBadge(finding)}: ${finding.title}. ${findingSentence(finding)}`, 400),
    t: {
      evidence: markdownText(HEADINGS.evidence),
      why: markdownText(HEADINGS.why),
      fix: markdownText(HEADINGS.fix),
      cli: markdownText(HEADINGS.cli),
      openLearn: plainText(ACTION_TITLES.openLearn),
      learnWhy: plainText(ACTION_TITLES.learnWhy),
      learnWhyTooltip: plainText(`Workshop question ${questionId}`),
      recheck: plainText(ACTION_TITLES.recheck),
      back: plainText(ACTION_TITLES.backToList),
      acceptRisk: plainText(ACTION_TITLES.acceptRisk),
    },
    note: options.note === undefined ? '' : markdownText(options.note, 300),
    noteColor: options.noteTone ?? 'default',
    badge: markdownText(findingBadge(finding)),
    color: STATUS_COLORS[finding.status] satisfies TextColor,
    title: markdownText(finding.title, 300),
    subtitle: markdownText(findingSubtitle(finding)),
    message: markdownText(findingSentence(finding), limits.textChars),
    evidence: shown.map((e) => ({
      property: markdownText(e.property, 200),
      actualLabel: plainText('Actual'),
      expectedLabel: plainText('Expected'),
      actual: markdownText(e.actual, limits.valueChars),
      expected: markdownText(e.expected, limits.valueChars),
    })),
    hidden: hiddenCount > 0 ? markdownText(truncatedSentence(hiddenCount)) : '',
    why: markdownText(whyItMatters(options.info), limits.textChars),
    fixIntro: markdownText(fixIntro(finding)),
    steps: steps.map((step, i) => markdownText(`${i + 1}. ${step}`, 400)),
    // One TextRun per line, not markdown (cards/code-block.ts): the command copies exactly as written.
    cli: cli === undefined ? [] : codeLines(cli),
    learnUrl: safeUrl(finding.remediation.url) ?? FALLBACK_LEARN_URL,
    questionId: plainText(questionId, 40),
    question: actionPayload(QNA_ACTIONS.question, { questionId: plainText(questionId, 40) }),
    recheck,
    hasBack: options.fromPage !== undefined,
    back: actionPayload(SCAN_ACTIONS.page, { ...scanData, page: options.fromPage ?? 0 }),
    // Only a failed finding can be accepted; an accepted one says by whom, why and until when.
    canAccept: finding.status === 'fail',
    acceptRisk: actionPayload(EXCEPTION_ACTIONS.form, { workspaceId: options.scan.workspaceId, target: options.scan.target, checkId: finding.checkId, resourceId: finding.resourceId }),
    accepted: finding.exception === undefined ? '' : markdownText(acceptedSentence(finding.exception), 600),
  });
}
