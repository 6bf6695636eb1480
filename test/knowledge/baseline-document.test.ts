import type { Finding, RiskException, ScanReport } from '../../src/checks/types';
import { buildBaselineDocument, summarizeBaseline } from '../../src/knowledge/baseline-document';
import { buildBaselineCard } from '../../src/dialogs/baseline-cards';
import { cardText } from '../dialogs/qna-fakes';
import { loadKnowledge } from '../../src/knowledge/content';
import type { WorkshopRecord } from '../../src/knowledge/workshop-record';

const content = loadKnowledge();
const at = new Date('2026-03-01T10:00:00Z');

function finding(checkId: string, status: Finding['status'], category: Finding['category']): Finding {
  return {
    checkId,
    title: `Title ${checkId}`,
    category,
    severity: 'high',
    status,
    resourceId: '/subscriptions/x/ws',
    message: `Message for ${checkId}`,
    evidence: [],
    remediation: { portal: [], url: 'https://learn.microsoft.com/x' },
    workshopQuestions: [],
  };
}

const report: ScanReport = {
  workspace: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws-prod', name: 'ws-prod' },
  scannedAt: '2026-03-01T09:00:00Z',
  checkSetVersion: '1',
  summary: { pass: 1, fail: 1, error: 0, not_applicable: 0, manual: 0, accepted: 0 },
  findings: [finding('AML-NET-001', 'fail', 'network-security'), finding('AML-DP-004', 'pass', 'data-protection')],
};

const workshop: WorkshopRecord = {
  version: 1,
  conversationId: 'c1',
  status: 'active',
  categories: ['network-security'],
  questionIds: ['NS-01', 'NS-02'],
  index: 1,
  answers: {
    'NS-01': [{ userId: 'u1', userName: 'Ada', text: 'ExpressRoute and a [private endpoint](https://evil.example) <b>now</b>', covered: ['a'], missed: ['b', 'c'], at: at.toISOString() }],
  },
  skipped: ['NS-02'],
  startedBy: 'u1',
  startedAt: at.toISOString(),
  updatedAt: at.toISOString(),
};

describe('baseline document', () => {
  it('without inputs is the reference baseline with every question and empty answers', () => {
    const doc = buildBaselineDocument({ content, generatedAt: at });
    expect(doc.fileName).toBe('aml-security-baseline-2026-03-01.md');
    for (const q of content.questions) expect(doc.markdown).toContain(`### ${q.id} — `);
    expect(doc.markdown).toContain('this is the reference baseline');
    expect(doc.markdown.match(/_No answer recorded\._/g)).toHaveLength(25);
    expect(doc.markdown).not.toContain('Current findings');
  });

  it('includes participant answers, neutralised, and the findings per category', () => {
    const doc = buildBaselineDocument({ content, workshop, report, generatedAt: at });
    expect(doc.fileName).toBe('aml-security-baseline-ws-prod-2026-03-01.md');
    expect(doc.markdown).toContain('**Ada**: ExpressRoute');
    expect(doc.markdown).not.toContain('[private endpoint](https://evil.example)');
    expect(doc.markdown).not.toContain('<b>');
    expect(doc.markdown).toContain('_(covers 1 of 3 key points)_');
    expect(doc.markdown).toContain('_Skipped._');
    expect(doc.markdown).toMatch(/\| AML-NET-001 Title AML-NET-001 \| fail \| high \|/);
    expect(doc.markdown).toContain('**Current findings — Network Security**');
    // Data Protection was not part of this workshop: its findings have their own section, not a workshop section.
    expect(doc.markdown).not.toContain('## Data Protection');
    expect(doc.markdown).toMatch(/## Findings in categories outside this workshop\n\n\*\*Data Protection\*\*\n\n[^#]*AML-DP-004/);
  });

  it('covers what the workshop covered: header, summary and sections agree, times read like the cards', () => {
    const networkAndIdentity = content.questions.filter((q) => q.category === 'network-security' || q.category === 'identity-management').map((q) => q.id);
    const answer = (text: string) => [{ userId: 'u1', userName: 'Ada', text, covered: ['a'], missed: [], at: at.toISOString() }];
    const chosen: WorkshopRecord = {
      ...workshop,
      categories: ['network-security', 'identity-management'],
      questionIds: networkAndIdentity,
      index: 2,
      answers: { 'NS-01': answer('ExpressRoute'), 'IM-01': answer('MFA'), 'DP-01': answer('stale answer from an older session') },
      skipped: [],
    };
    const doc = buildBaselineDocument({ content, workshop: chosen, report, generatedAt: new Date('2026-11-25T21:07:42.123Z') });
    expect(networkAndIdentity).toHaveLength(10);
    expect(doc.markdown).toContain('Workshop: 2 of 10 prompts answered by 1 participant(s); categories: Network Security, Identity Management.');
    expect(doc.markdown).toContain('Generated 2026-11-25 21:07 UTC by Baseline Guardian.');
    expect(doc.markdown).toContain('at 2026-03-01 09:00 UTC, check set 1.');
    expect(doc.markdown).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const summaryRows = doc.markdown.split('## Summary')[1]!.split('\n\n')[1]!.split('\n').slice(2);
    expect(summaryRows).toEqual(['| Network Security | 1 / 9 | 1 | 0 | 0 | 0 |', '| Identity Management | 1 / 1 | 0 | 0 | 0 | 0 |']);
    const sections = [...doc.markdown.matchAll(/^### ([A-Z]+-\d{2}) /gm)].map((m) => m[1]);
    expect(sections).toEqual(networkAndIdentity);
    expect(doc.markdown).not.toContain('stale answer');
    expect(doc.markdown).toContain('Not covered by this workshop: Privileged Access, Data Protection');
  });

  it('writes Learn links with their page titles', () => {
    const doc = buildBaselineDocument({ content, generatedAt: at });
    expect(doc.markdown).toContain('- [What is Azure ExpressRoute?](<https://learn.microsoft.com/azure/expressroute/expressroute-introduction>)');
  });

  it('summarises per category', () => {
    const summary = summarizeBaseline({ content, workshop, report });
    const network = summary.find((s) => s.category === 'network-security')!;
    // The workshop had two network prompts: the summary counts those, and only its categories.
    expect(network).toMatchObject({ prompts: 2, answered: 1 });
    expect(network.findings).toMatchObject({ fail: 1, pass: 0 });
    expect(summary.map((s) => s.category)).toEqual(['network-security']);
    const reference = summarizeBaseline({ content, report });
    expect(reference).toHaveLength(8);
    expect(reference.find((s) => s.category === 'network-security')).toMatchObject({ prompts: 9, answered: 0 });
    expect(reference.find((s) => s.category === 'data-protection')!.findings).toMatchObject({ pass: 1 });
  });

  describe('with accepted risks', () => {
    const exception: RiskException = { id: 'e1', owner: 'jane@contoso.com', reason: 'partner network', expires: '2027-03-01', createdBy: 'jane@contoso.com', createdAt: '2026-02-01T00:00:00Z' };
    const withAccepted: ScanReport = {
      ...report,
      summary: { pass: 0, fail: 1, error: 1, not_applicable: 0, manual: 0, accepted: 2 },
      findings: [
        finding('AML-NET-001', 'fail', 'network-security'),
        { ...finding('AML-NET-002', 'accepted', 'network-security'), exception },
        { ...finding('AML-NET-003', 'accepted', 'network-security'), exception },
        finding('AML-NET-004', 'error', 'network-security'),
      ],
    };

    it('counts every finding of a category in a column, accepted risks in their own, in the product\'s words', () => {
      const doc = buildBaselineDocument({ content, workshop, report: withAccepted, generatedAt: at });
      const [header, , row] = doc.markdown.split('## Summary')[1]!.split('\n\n')[1]!.split('\n');
      expect(header).toBe('| Category | Prompts answered | Failed | Not assessed | Accepted | Passed |');
      expect(row).toBe('| Network Security | 1 / 2 | 1 | 1 | 2 | 0 |');
      expect(doc.markdown).not.toContain('Errors');
    });

    it('the my baseline card line counts them too', () => {
      const summaries = summarizeBaseline({ content, workshop, report: withAccepted });
      const text = cardText(buildBaselineCard({ summaries, report: withAccepted, workshop, fileOffered: false }));
      expect(text).toContain('1 failed, 1 not assessed, 2 accepted, 0 passed');
    });
  });
});
