import { markdownText } from '../../src/cards/escape';
import { findingCard } from '../../src/cards/finding-card';
import { scanSummaryCard } from '../../src/cards/summary-card';
import { lookupFrom } from '../../src/report/catalog';
import { mdInline, renderMarkdown } from '../../src/report/markdown';
import { fixIntro, findingBadge, scannedAtSentence, summarySentence, verdictSentence, whyItMatters } from '../../src/report/wording';
import { hostileReport, smallReport, WORKSPACE_ID } from '../support/report-fixtures';

/** The text a reader sees: markdown escapes removed. */
const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');

describe('markdown report', () => {
  const { report, checks } = smallReport();
  const lookup = lookupFrom(checks);
  const md = renderMarkdown(report, lookup);

  it('has a summary table, failures by category with evidence, the az fix in a code block and Learn links', () => {
    expect(md).toMatch(/^# Security baseline scan: ws-prod/);
    expect(md).toContain('| Status | Count |');
    expect(md).toContain('### Privileged Access');
    expect(md).toContain('| Property | Actual | Expected |');
    expect(md).toContain('| roleAssignments\\[Owner\\].principalType | ServicePrincipal | Group |');
    expect(md).toMatch(/```sh\naz ml workspace update .*\n```/);
    expect(md).toContain('[Microsoft Learn](https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link)');
  });

  it('says the same sentences as the cards (one source of wording)', () => {
    const summaryCard = JSON.stringify(scanSummaryCard(report, { scan: { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID } }));
    const failing = report.findings[1]!;
    const findingJson = JSON.stringify(findingCard(failing, { scan: { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID }, info: lookup(failing.checkId)! }));
    const sentences = [summarySentence(report), verdictSentence(report), scannedAtSentence(report)];
    for (const s of sentences) {
      expect(unescape(md)).toContain(s);
      expect(summaryCard).toContain(JSON.stringify(markdownText(s)).slice(1, -1));
    }
    for (const s of [findingBadge(failing), whyItMatters(lookup(failing.checkId)), fixIntro(failing), failing.message]) {
      expect(unescape(md)).toContain(s);
      expect(findingJson).toContain(JSON.stringify(markdownText(s)).slice(1, -1));
    }
  });

  it('escapes hostile strings so that they cannot add links, HTML or table cells', () => {
    const hostile = renderMarkdown(hostileReport().report);
    expect(hostile).not.toMatch(/(^|[^\\])\[click me\]\(/);
    expect(hostile).not.toMatch(/(^|[^\\])<at>/);
    expect(hostile).not.toMatch(/(^|[^\\])<img/);
    expect(mdInline('a | b')).toBe('a \\| b');
    const evidenceRows = hostile.split('\n').filter((l) => l.startsWith('| tags'));
    for (const row of evidenceRows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(5);
  });

  it('says so when nothing failed', () => {
    const clean = { ...report, findings: report.findings.filter((f) => f.status === 'pass'), summary: { pass: 3, fail: 0, error: 0, manual: 0, not_applicable: 0, accepted: 0 } };
    expect(renderMarkdown(clean)).toContain('No failed checks');
  });
});
