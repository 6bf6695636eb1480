import { parseFleetArgs, renderFleetTable } from '../../src/cli/fleet';
import { scoreSentence } from '../../src/report/wording';
import { smallReport } from '../support/report-fixtures';

describe('guardian fleet', () => {
  it('prints the score in the same form as guardian scan', () => {
    const { report } = smallReport();
    const table = renderFleetTable({ reports: [report], depth: 'full', notAssessedChecks: [], graphPages: 1, armReads: 2, wallMs: 10 });
    const figure = /Score (\d+\/100)/.exec(scoreSentence(report))?.[1];
    expect(figure).toBeDefined();
    expect(table).toContain(` ${figure}`);
    expect(table).not.toMatch(/\d%/);
  });

  it('says option errors in its own words', () => {
    expect(() => parseFleetArgs(['--depth'])).toThrow('--depth needs a value: full or graph.');
    expect(() => parseFleetArgs(['--format', 'csv'])).toThrow('--format must be table or json (got "csv").');
    expect(() => parseFleetArgs(['extra'])).toThrow('Unexpected argument "extra": fleet takes only options.');
    expect(parseFleetArgs([])).toMatchObject({ depth: 'full', format: 'table', concurrency: 16 });
  });
});
