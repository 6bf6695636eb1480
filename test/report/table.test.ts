import { renderTable, wrapWords } from '../../src/report/table';
import type { Finding } from '../../src/checks/types';
import { hostileReport, smallReport } from '../support/report-fixtures';

describe('table report', () => {
  const { report } = smallReport();

  it('has no escape codes when colour is off, and has them when on', () => {
    const plain = renderTable(report, { color: false });
    expect(plain).not.toContain('\u001b[');
    expect(renderTable(report, { color: true })).toContain('\u001b[31m');
  });

  it('lists what needs action with evidence and the fix', () => {
    const plain = renderTable(report, { color: false });
    expect(plain).toContain('ws-prod: 2 failed (1 critical, 1 high), 1 not assessed');
    expect(plain).toContain('Critical · Failed');
    expect(plain).toContain('roleAssignments[Owner].principalType = ServicePrincipal (expected Group)');
    expect(plain).toContain('fix: az ml workspace update');
    expect(plain).toContain('Privileged Access');
  });

  it('strips control characters that Azure-side strings might carry', () => {
    const plain = renderTable(hostileReport().report, { color: false });
    expect(plain).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202E]/); // eslint-disable-line no-control-regex
  });

  it('has Accepted and Manual columns beside the other statuses', () => {
    const plain = renderTable(report, { color: false });
    const header = plain.split('\n').find((l) => l.startsWith('Category'));
    expect(header?.split(/\s{2,}/)).toEqual(['Category', 'Failed', 'Not assessed', 'Accepted', 'Manual', 'N/A', 'Passed']);
  });

  it('wraps the key fact at words instead of cutting it', () => {
    const long = 'Workspace mlw-mlopsv2-0001prod accepts traffic from public networks: publicNetworkAccess is Enabled.';
    const failed = report.findings.find((f) => f.status === 'fail')!;
    const finding: Finding = { ...failed, message: long };
    const plain = renderTable({ ...report, findings: [finding] }, { color: false, width: 60 });
    expect(plain).not.toContain('…');
    const body = plain.split('\n').filter((l) => l.startsWith('    ') && !l.includes('=') && !l.includes('fix:') && !l.includes('https:'));
    expect(body.map((l) => l.trim()).join(' ')).toContain(long);
    expect(body.every((l) => l.length <= 60)).toBe(true);
    expect(wrapWords('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapWords('/subscriptions/very-long-id', 5)).toEqual(['/subscriptions/very-long-id']);
  });

  describe('evidence', () => {
    const failed = report.findings.find((f) => f.status === 'fail')!;
    const rows = (n: number): Finding['evidence'] =>
      Array.from({ length: n }, (_, i) => ({ property: `roleAssignments[${i}].roleDefinitionName`, actual: 'Owner', expected: 'a narrower role' }));
    const shownRows = (plain: string): string[] => plain.split('\n').filter((l) => l.includes('].roleDefinitionName = Owner'));

    it('shows every row of a finding with a few, and never hides a single row behind a count', () => {
      for (const n of [1, 3, 4]) {
        const plain = renderTable({ ...report, findings: [{ ...failed, evidence: rows(n) }] }, { color: false });
        expect(shownRows(plain)).toHaveLength(n);
        expect(plain).not.toMatch(/more evidence row/);
      }
    });

    it('counts the rows it leaves out and says where to see them all', () => {
      const plain = renderTable({ ...report, findings: [{ ...failed, evidence: rows(9) }] }, { color: false });
      const shown = shownRows(plain);
      expect(shown.length).toBeLessThan(9);
      expect(plain).toContain(`${9 - shown.length} more evidence rows not shown; see guardian scan --format markdown`);
    });
  });
});
