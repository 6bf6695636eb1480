/**
 * Every card the bot can send, built through each producer's public builder from realistic fixtures (with
 * hostile strings where users or Azure supply text): the schema test (test/cards) and the rendering test
 * (test/render) run over this list. One function per producer group; a new producer adds a function (or an
 * entry in one) and a line in sampleCards() at the end of this file.
 */
import { errorCard, noticeCard } from '../../src/cards/notice-card';
import { findingCard } from '../../src/cards/finding-card';
import { findingsListCard } from '../../src/cards/findings-list-card';
import { scanProgressCard } from '../../src/cards/progress-card';
import { scanSummaryCard } from '../../src/cards/summary-card';
import { workspaceChoiceCard } from '../../src/cards/workspace-choice-card';
import type { AdaptiveCard } from '../../src/dialogs/port';
import { checkById } from '../../src/checks/registry';
import { lookupFrom } from '../../src/report/catalog';
import { buildBaselineCard } from '../../src/dialogs/baseline-cards';
import { buildHelpCard } from '../../src/dialogs/help';
import { buildCandidatesCard, buildExerciseCard, buildOverviewCard, buildParametersCard, buildResetCard, buildValidationCard } from '../../src/dialogs/lab/cards';
import { buildAnswerCard, buildCheckExplainerCard, buildNotSureCard } from '../../src/dialogs/qna-cards';
import { watchConfirmationCard, watchListCard } from '../../src/dialogs/watch-cards';
import { buildWelcomeCard } from '../../src/dialogs/welcome';
import { buildChooseCategoriesCard, buildFeedbackCard, buildFinishedCard, buildQuestionCard } from '../../src/dialogs/workshop/cards';
import { summarizeBaseline } from '../../src/knowledge/baseline-document';
import { loadKnowledge } from '../../src/knowledge/content';
import { gradeAnswer } from '../../src/knowledge/key-points';
import { loadLabContent } from '../../src/knowledge/lab-content';
import type { WorkshopRecord } from '../../src/knowledge/workshop-record';
import { newProgress, withOutcome, withParams, withValidation } from '../../src/lab/progress';
import { baselineCard, changeCard, digestCard, scanFailedCard } from '../../src/notifications/cards';
import { diffReports } from '../../src/notifications/diff';
import type { Subscription } from '../../src/notifications/subscriptions';
import { defenderPlansCard } from '../../src/cards/defender-plans-card';
import { hardenedDefenderReport, hostileDefenderReport, labDefenderReport } from '../scan/defender-fixtures';
import { findingOf, fullMatrix, HOSTILE_STRINGS, hostileReport, largeReport, reportOf, smallReport, SUB, WORKSPACE_ID } from './report-fixtures';

export interface SampleCard {
  readonly name: string;
  readonly card: AdaptiveCard;
}

const scan = { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID };

/** The scan feature's cards (src/cards). */
export function scanCards(): SampleCard[] {
  const small = smallReport();
  const matrix = fullMatrix();
  const large = largeReport();
  const hostile = hostileReport();
  const info = lookupFrom([...small.checks, ...hostile.checks, ...large.checks]);
  const cards: SampleCard[] = [
    { name: 'progress-start', card: scanProgressCard({ workspaceName: 'ws-prod', done: 0, total: 12, label: '' }) },
    { name: 'progress-middle', card: scanProgressCard({ workspaceName: 'ws-prod', done: 5, total: 12, label: 'role assignments' }) },
    { name: 'progress-unknown-total', card: scanProgressCard({ workspaceName: 'ws-prod', done: 0, total: 0, label: '' }) },
    { name: 'summary-small', card: scanSummaryCard(small.report, { scan }) },
    { name: 'summary-matrix', card: scanSummaryCard(matrix.report, { scan }) },
    { name: 'summary-large', card: scanSummaryCard(large.report, { scan }) },
    { name: 'summary-hostile', card: scanSummaryCard(hostile.report, { scan }) },
    { name: 'summary-empty', card: scanSummaryCard(reportOf([]), { scan }) },
    { name: 'summary-all-pass', card: scanSummaryCard(reportOf(small.report.findings.filter((f) => f.status === 'pass')), { scan }) },
    { name: 'list-first-page', card: findingsListCard(large.report, { scan, page: 0 }) },
    { name: 'list-middle-page', card: findingsListCard(large.report, { scan, page: 7 }) },
    { name: 'list-last-page', card: findingsListCard(large.report, { scan, page: 999 }) },
    { name: 'list-hostile', card: findingsListCard(hostile.report, { scan, page: 0 }) },
    { name: 'error', card: errorCard('The scan failed', 'I could not read role assignments: 403 AuthorizationFailed.') },
    { name: 'notice', card: noticeCard({ title: 'Nothing to page', lines: ['Run a scan first.', 'Say "scan sample" to try it.'], tone: 'info' }) },
    {
      name: 'workspace-choice',
      card: workspaceChoiceCard({
        title: 'Which workspace?',
        prompt: 'I can see these Azure Machine Learning workspaces. Choose one to scan, or try the sample.',
        workspaces: [
          { id: WORKSPACE_ID, name: 'ws-prod', resourceGroup: 'rg-ml', subscriptionId: SUB },
          { id: WORKSPACE_ID.replace('ws-prod', 'ws-dev'), name: 'ws-dev', resourceGroup: 'rg-ml', subscriptionId: SUB },
        ],
        includeSample: true,
        check: 'all',
      }),
    },
    { name: 'workspace-choice-sample-only', card: workspaceChoiceCard({ title: 'Which workspace?', prompt: 'I cannot see any workspace yet.', workspaces: [], includeSample: true, check: 'rbac' }) },
  ];
  const findings = [
    ['finding-fail-evidence', small.report.findings[1]!],
    ['finding-fail-simple', small.report.findings[0]!],
    ['finding-not-assessed', small.report.findings[2]!],
    ['finding-pass', small.report.findings[3]!],
    ['finding-manual', small.report.findings[6]!],
    ['finding-not-applicable', small.report.findings[7]!],
    ['finding-no-cli', matrix.report.findings.find((f) => f.status === 'fail' && f.remediation.cli === undefined)!],
    ['finding-huge-evidence', large.report.findings[0]!],
    ['finding-hostile', hostile.report.findings[0]!],
  ] as const;
  for (const [name, finding] of findings) {
    const checkInfo = info(finding.checkId);
    cards.push({ name, card: findingCard(finding, { scan, ...(checkInfo === undefined ? {} : { info: checkInfo }) }) });
  }
  // A real check from the registry, as a user sees it (the README image).
  const real = checkById('AML-NET-001');
  if (real !== undefined) {
    const finding = findingOf(real, 'fail', {
      message: 'Workspace ws-prod accepts connections from the public internet.',
      evidence: [
        { property: 'properties.publicNetworkAccess', actual: 'Enabled', expected: 'Disabled' },
        { property: 'properties.allowPublicAccessWhenBehindVnet', actual: 'true', expected: 'false' },
      ],
    });
    cards.push({ name: 'finding-real', card: findingCard(finding, { scan, info: real }) });
  }
  cards.push({
    name: 'finding-rechecked',
    card: findingCard(small.report.findings[3]!, { scan, note: 'Fixed: AML-DAT-004 passes now.', noteTone: 'good' }),
  });
  // Defender status of a subscription (review item 4): every plan off, mixed, and hostile strings from Azure.
  cards.push(
    { name: 'defender-plans-lab', card: defenderPlansCard(labDefenderReport()) },
    { name: 'defender-plans-hardened', card: defenderPlansCard(hardenedDefenderReport()) },
    { name: 'defender-plans-hostile', card: defenderPlansCard(hostileDefenderReport()) },
  );
  return cards;
}

const HOSTILE = HOSTILE_STRINGS.join(' ');
const AT = '2026-11-25T20:31:51.838Z';

/** Welcome, help and the Q&A cards (src/dialogs/welcome.ts, help.ts, qna-cards.ts). Off-topic answers are text. */
export function conversationCards(): SampleCard[] {
  const knowledge = loadKnowledge();
  const answer = knowledge.answers.get('NS-01')!;
  const topic = [...knowledge.topics.values()][0]!;
  return [
    { name: 'welcome', card: buildWelcomeCard() },
    { name: 'help', card: buildHelpCard() },
    { name: 'help-not-understood', card: buildHelpCard({ intro: 'I did not understand that. Here is what I can do.' }) },
    { name: 'qna-answer', card: buildAnswerCard(answer, checkById) },
    { name: 'qna-topic', card: buildAnswerCard(topic, checkById) },
    { name: 'qna-check-explainer', card: buildCheckExplainerCard(knowledge.checks.get('AML-NET-003')!, checkById) },
    {
      name: 'qna-not-sure',
      card: buildNotSureCard([
        { id: answer.id, title: answer.title },
        { id: topic.id, title: topic.title },
      ]),
    },
  ];
}

function workshopRecord(questionIds: readonly string[]): WorkshopRecord {
  const [first, second] = questionIds;
  return {
    version: 1,
    conversationId: '19:meeting@thread.v2',
    status: 'active',
    categories: ['network-security', 'identity-management'],
    questionIds,
    index: 2,
    answers: {
      [first!]: [{ userId: 'u1', userName: `Ada ${HOSTILE_STRINGS[1]!}`, text: HOSTILE, covered: ['Private endpoints'], missed: [], at: AT }],
      [second!]: [{ userId: 'u2', text: 'Managed identity everywhere.', covered: [], missed: ['Key Vault'], at: AT }],
    },
    skipped: [],
    startedBy: 'u1',
    startedAt: AT,
    updatedAt: AT,
  };
}

/** The workshop and the baseline (src/dialogs/workshop/cards.ts, baseline-cards.ts). */
export function workshopCards(): SampleCard[] {
  const knowledge = loadKnowledge();
  const question = knowledge.questions[0]!;
  const entry = knowledge.answers.get(question.id)!;
  const goodAnswer = 'ExpressRoute or a site-to-site VPN with private endpoints for storage, Key Vault and the registry, and private DNS zones.';
  const workshop = workshopRecord(knowledge.questions.slice(0, 2).map((q) => q.id));
  const hostile = hostileReport().report;
  return [
    { name: 'workshop-choose-categories', card: buildChooseCategoriesCard() },
    { name: 'workshop-question', card: buildQuestionCard({ question, position: 1, total: knowledge.questions.length, facilitated: false }) },
    { name: 'workshop-question-facilitated', card: buildQuestionCard({ question, position: 3, total: 6, facilitated: true }) },
    {
      name: 'workshop-feedback',
      card: buildFeedbackCard({ questionId: entry.id, entry, answerText: goodAnswer, userName: 'Ada', grade: gradeAnswer(goodAnswer, entry.keyPoints, entry.keywords), offerNext: true }, checkById),
    },
    {
      name: 'workshop-feedback-hostile',
      card: buildFeedbackCard({ questionId: entry.id, entry, answerText: HOSTILE, userName: `Mallory ${HOSTILE_STRINGS[0]!}`, grade: gradeAnswer(HOSTILE, entry.keyPoints, entry.keywords), offerNext: false }, checkById),
    },
    { name: 'workshop-finished', card: buildFinishedCard(23, 25) },
    { name: 'baseline-reference', card: buildBaselineCard({ summaries: summarizeBaseline({ content: knowledge }), report: undefined, workshop: undefined, fileOffered: true }) },
    {
      name: 'baseline-with-scan-hostile',
      card: buildBaselineCard({ summaries: summarizeBaseline({ content: knowledge, workshop, report: hostile }), report: hostile, workshop, fileOffered: false }),
    },
  ];
}

/** The lab (src/dialogs/lab/cards.ts): overview, exercises (with commands to copy), validation, parameters. */
export function labCards(): SampleCard[] {
  const content = loadLabContent();
  const params = { subscriptionId: '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001', namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod', computeCluster: 'cpu-cluster' };
  const start = newProgress(AT);
  const failed = {
    status: 'failed' as const,
    items: [
      { ok: true, text: 'Resource group rg-mlops-0001prod exists.' },
      { ok: false, text: `Workspace mlw-mlops-0001prod ${HOSTILE}`, fix: 'az ml workspace create -n mlw-mlops-0001prod -g rg-mlops-0001prod' },
    ],
  };
  const along = withValidation(withOutcome(withOutcome(withParams(start, params, AT), 1, 'done', AT), 2, 'skipped', AT), 3, failed, AT);
  // The exercise whose command carries a shell variable (`${environment}`): it must show and copy as written.
  const withCommand = content.exercises.find((e) => e.steps.some((s) => s.command?.includes('${') === true)) ?? content.exercises[2]!;
  const last = content.exercises[content.exercises.length - 1]!;
  return [
    { name: 'lab-overview-new', card: buildOverviewCard(content, start) },
    { name: 'lab-overview-progress', card: buildOverviewCard(content, { ...along, current: 4 }, { notice: `Parameters saved ${HOSTILE_STRINGS[0]!}` }) },
    { name: 'lab-exercise-1', card: buildExerciseCard(content, content.exercises[0]!, start) },
    { name: 'lab-exercise-command', card: buildExerciseCard(content, withCommand, { ...along, current: withCommand.number }) },
    { name: 'lab-exercise-command-no-params', card: buildExerciseCard(content, withCommand, start) },
    { name: 'lab-exercise-validation-failed', card: buildExerciseCard(content, content.exercises[2]!, { ...along, current: 3 }, { notice: 'Exercise 2 skipped.' }) },
    { name: 'lab-exercise-last', card: buildExerciseCard(content, last, { ...along, current: last.number }) },
    { name: 'lab-validation', card: buildValidationCard(content.exercises[2]!, { ...failed, at: AT }, 7, content.exercises.length) },
    { name: 'lab-validation-current', card: buildValidationCard(content.exercises[2]!, { ...failed, at: AT }, 3, content.exercises.length) },
    { name: 'lab-parameters-empty', card: buildParametersCard(undefined) },
    { name: 'lab-parameters-problems', card: buildParametersCard(params, { problems: [`namespace "${HOSTILE_STRINGS[2]!}" has letters other than a-z`, 'postfix must be up to 4 digits'] }) },
    {
      name: 'lab-candidates',
      card: buildCandidatesCard([
        { id: WORKSPACE_ID, name: 'mlw-mlops-0001prod', resourceGroup: 'rg-mlops-0001prod', subscriptionId: SUB, location: 'eastus' },
        { id: WORKSPACE_ID.replace('ws-prod', 'ws-evil'), name: HOSTILE_STRINGS[0]!, resourceGroup: 'rg-x', subscriptionId: SUB, location: 'eastus' },
      ]),
    },
    { name: 'lab-reset', card: buildResetCard() },
  ];
}

const CONVERSATION_REF = {
  conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: 't' },
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  bot: { id: 'bot' },
};

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 's1',
    conversationRef: CONVERSATION_REF,
    conversationId: CONVERSATION_REF.conversation.id,
    workspaceTarget: 'ws-prod',
    workspace: { id: WORKSPACE_ID, name: 'ws-prod' },
    schedule: { cron: '0 8 * * 1-5', timezone: 'Europe/Amsterdam' },
    weeklyDigest: true,
    createdBy: { userId: 'u', name: 'Ada' },
    createdAt: AT,
    enabled: true,
    ...overrides,
  };
}

/** Watches and what they post (src/dialogs/watch-cards.ts, src/notifications/cards.ts). */
export function notificationCards(): SampleCard[] {
  const { report } = smallReport();
  const before = { ...report, scannedAt: '2026-11-24T20:31:51.838Z' };
  const after = {
    ...report,
    scannedAt: AT,
    findings: report.findings.map((f, i) => (i === 0 ? { ...f, status: 'pass' as const } : i === 3 ? { ...f, status: 'fail' as const } : f)),
  };
  const hostile = hostileReport().report;
  const hostileSub = subscription({
    workspaceTarget: HOSTILE_STRINGS[0]!,
    workspace: { id: WORKSPACE_ID, name: `ws ${HOSTILE_STRINGS[1]!}` },
    createdBy: { userId: 'u', name: HOSTILE_STRINGS[2]! },
  });
  return [
    { name: 'watch-confirmation', card: watchConfirmationCard(subscription(), true, { kind: 'taken', report: after }) },
    { name: 'watch-confirmation-baseline-pending', card: watchConfirmationCard(subscription(), true, { kind: 'pending', reason: 'The scan did not finish in 120 s.' }) },
    { name: 'watch-confirmation-updated-hostile', card: watchConfirmationCard(hostileSub, false, { kind: 'kept' }) },
    { name: 'watch-list', card: watchListCard([subscription(), hostileSub, subscription({ id: 's3', enabled: false, disabledReason: 'Teams refused the post (403)' })]) },
    { name: 'watch-list-empty', card: watchListCard([]) },
    { name: 'notification-baseline', card: baselineCard(subscription(), after) },
    { name: 'notification-baseline-hostile', card: baselineCard(hostileSub, hostile) },
    { name: 'notification-change', card: changeCard(subscription(), after, diffReports(before, after)) },
    { name: 'notification-change-hostile', card: changeCard(hostileSub, hostile, diffReports(reportOf([]), hostile)) },
    { name: 'notification-digest', card: digestCard(subscription(), after) },
    { name: 'notification-scan-failed', card: scanFailedCard(subscription(), `I am not allowed to read the workspace: 403 AuthorizationFailed ${HOSTILE}`) },
  ];
}

/** Every card, every producer. */
export function sampleCards(): SampleCard[] {
  return [...scanCards(), ...conversationCards(), ...workshopCards(), ...labCards(), ...notificationCards()];
}
