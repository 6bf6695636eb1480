import { renderTable } from '../../src/report/table';
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
});
