/**
 * Every card the bot can send, built from fixtures: the schema test and the rendering test run over this list.
 * Other card producers add their cards here (or export their own list and concatenate).
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
import { findingOf, fullMatrix, hostileReport, largeReport, reportOf, smallReport, SUB, WORKSPACE_ID } from './report-fixtures';

export interface SampleCard {
  readonly name: string;
  readonly card: AdaptiveCard;
}

const scan = { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID };

export function sampleCards(): SampleCard[] {
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
  return cards;
}
