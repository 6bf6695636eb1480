import { applyExceptions } from '../../src/exceptions/apply';
import { buildBaselineDocument } from '../../src/knowledge/baseline-document';
import { loadKnowledge } from '../../src/knowledge/content';
import { toJsonReport } from '../../src/report/json';
import { renderMarkdown } from '../../src/report/markdown';
import { toSarif } from '../../src/report/sarif';
import { renderTable } from '../../src/report/table';
import { countsText, scoreSentence, summarySentence } from '../../src/report/wording';
import { entryOf } from '../exceptions/support';
import { sarifSchemaErrors } from '../support/sarif-schema';
import { smallReport, WORKSPACE_ID } from '../support/report-fixtures';

const NOW = new Date('2026-12-07T12:00:00.000Z');
const { report: scanned, checks } = smallReport();
const accepted = checks[0]!;
const entry = entryOf({ checkId: accepted.id, resource: WORKSPACE_ID, reason: 'partner network needs the studio', owner: 'jane@contoso.com', expires: '2027-03-01' });
const report = applyExceptions(scanned, [entry], NOW).report;

describe('an accepted finding in every report format', () => {
  it('SARIF keeps it as a result with an external, accepted suppression and the justification, valid SARIF 2.1.0', () => {
    const sarif = toSarif(report, { checks, toolVersion: '0.1.0' }) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const results = sarif.runs[0]!.results;
    expect(results.find((r) => r.ruleId === accepted.id)?.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: entry.reason, properties: { exceptionId: entry.id, owner: entry.owner, expires: entry.expires, createdBy: entry.createdBy, createdAt: entry.createdAt } },
    ]);
    expect(results.filter((r) => r.suppressions !== undefined)).toHaveLength(1);
  });

  it('the schema check sees a suppression SARIF does not allow (the validator is not a no-op)', () => {
    const sarif = toSarif(report, { checks, toolVersion: '0.1.0' }) as { runs: { results: { suppressions?: { kind: string }[] }[] }[] };
    const bad = sarif.runs[0]!.results.find((r) => r.suppressions !== undefined)!;
    bad.suppressions![0]!.kind = 'muted';
    expect(sarifSchemaErrors(sarif)).not.toEqual([]);
  });

  it('JSON gives it status accepted with the exception, and counts it in the summary', () => {
    const json = toJsonReport(report);
    expect(json.summary.accepted).toBe(1);
    expect(json.summary.fail).toBe(scanned.summary.fail - 1);
    const finding = json.findings.find((f) => f.checkId === accepted.id);
    expect(finding?.status).toBe('accepted');
    expect(finding?.exception).toEqual(expect.objectContaining({ owner: entry.owner, expires: entry.expires, reason: entry.reason }));
    expect(json.findings.filter((f) => f.exception !== undefined)).toHaveLength(1);
  });

  it('Markdown lists it under accepted risks with owner, expiry and reason, not among the failures', () => {
    const md = renderMarkdown(report);
    const section = md.split('## Accepted risks')[1]?.split('\n## ')[0] ?? '';
    expect(section).toContain(accepted.id.replace(/-/g, '-'));
    expect(section).toContain('jane@contoso.com');
    expect(section).toContain('2027-03-01');
    expect(section).toContain('partner network needs the studio');
    expect(md.split('## Findings')[1]?.split('## Accepted risks')[0]).not.toContain(accepted.title);
  });

  it('the summary counts it apart from failed and the score says how it treats it', () => {
    expect(summarySentence(report)).toContain(`${scanned.summary.fail - 1} failed`);
    expect(summarySentence(report)).toContain('1 accepted risk');
    expect(scoreSentence(report)).toContain('accepted risks count as not passing');
  });

  it('the terminal table shows who accepted it and until when', () => {
    expect(renderTable(report, { color: false, width: 200 })).toContain('Accepted until 2027-03-01 (owner jane@contoso.com): partner network needs the studio');
  });

  it('the baseline document lists the accepted risk with its owner and expiry', () => {
    const doc = buildBaselineDocument({ content: loadKnowledge(), report, generatedAt: NOW }).markdown;
    const section = doc.split('## Accepted risks')[1] ?? '';
    expect(section).toContain(accepted.id);
    expect(section).toContain('jane@contoso.com');
    expect(section).toContain('2027-03-01');
  });
});

describe('accepted risks in the category rows', () => {
  it('are counted apart in a category row, so the row adds up to its findings', () => {
    const counts = { pass: 0, fail: 15, error: 0, not_applicable: 1, manual: 1, accepted: 1 };
    expect(countsText(counts)).toBe('15 failed · 1 accepted · 0 passed · 2 other');
  });
});
