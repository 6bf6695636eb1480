import type { Finding, ScanReport } from '../../src/checks/types';
import { buildBaselineDocument, summarizeBaseline } from '../../src/knowledge/baseline-document';
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
  summary: { pass: 1, fail: 1, error: 0, not_applicable: 0, manual: 0 },
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
    expect(doc.markdown).toContain('**Current findings — Data Protection**');
  });

  it('summarises per category', () => {
    const summary = summarizeBaseline({ content, workshop, report });
    const network = summary.find((s) => s.category === 'network-security')!;
    expect(network).toMatchObject({ prompts: 9, answered: 1 });
    expect(network.findings).toMatchObject({ fail: 1, pass: 0 });
    expect(summary.find((s) => s.category === 'data-protection')!.findings).toMatchObject({ pass: 1 });
  });
});
