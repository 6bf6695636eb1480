import { ExceptionFileError, parseExceptionsFile, renderExceptionsFile } from '../../src/exceptions/file-format';
import { WORKSPACE_ID } from '../support/report-fixtures';
import { entryOf } from './support';

const known = (id: string): boolean => ['AML-NET-001', 'AML-IDM-006'].includes(id);

function problemsOf(source: string): string[] {
  try {
    parseExceptionsFile(source, known);
  } catch (e) {
    if (e instanceof ExceptionFileError) return e.problems.map((p) => p.field);
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('the exceptions file', () => {
  it('reads the format of the README', () => {
    const entries = parseExceptionsFile(
      ['exceptions:', '  - check: AML-NET-001', `    resource: ${WORKSPACE_ID}   # a resource id`, '    reason: partner network needs the studio', '    owner: jane@contoso.com', '    expires: 2027-03-01', ''].join('\n'),
      known,
    );
    expect(entries).toEqual([expect.objectContaining({ checkId: 'AML-NET-001', resource: WORKSPACE_ID, reason: 'partner network needs the studio', owner: 'jane@contoso.com', expires: '2027-03-01' })]);
    expect(entries[0]?.id).toMatch(/^file-[0-9a-f]{12}$/);
  });

  it('gives an entry without an id the same id on every read', () => {
    const source = `exceptions:\n  - { check: AML-NET-001, resource: "${WORKSPACE_ID}", reason: r, owner: o, expires: 2027-03-01 }\n`;
    expect(parseExceptionsFile(source, known)[0]?.id).toBe(parseExceptionsFile(source, known)[0]?.id);
  });

  it('round-trips what export writes', () => {
    const entries = [entryOf({ checkId: 'AML-NET-001', resource: WORKSPACE_ID }), entryOf({ id: 'exc-2', checkId: 'AML-IDM-006', resource: WORKSPACE_ID, reason: 'a: reason # with "yaml" characters', expires: '2027-01-31' })];
    expect(parseExceptionsFile(renderExceptionsFile(entries), known)).toEqual(entries);
  });

  it('reads an empty list as no exceptions', () => {
    expect(parseExceptionsFile('exceptions: []\n', known)).toEqual([]);
  });

  it.each([
    ['not YAML', 'exceptions: [\n', ['file']],
    ['no exceptions key', 'rules: []\n', ['exceptions']],
    ['exceptions not a list', 'exceptions: yes\n', ['exceptions']],
    ['an unknown check', `exceptions:\n  - { check: AML-XXX-001, resource: "${WORKSPACE_ID}", reason: r, owner: o, expires: 2027-03-01 }\n`, ['exceptions[0].check']],
    ['an empty reason', `exceptions:\n  - { check: AML-NET-001, resource: "${WORKSPACE_ID}", reason: "  ", owner: o, expires: 2027-03-01 }\n`, ['exceptions[0].reason']],
    ['a bad date', `exceptions:\n  - { check: AML-NET-001, resource: "${WORKSPACE_ID}", reason: r, owner: o, expires: 2027-02-30 }\n`, ['exceptions[0].expires']],
    ['a bad resource id', 'exceptions:\n  - { check: AML-NET-001, resource: ws-prod, reason: r, owner: o, expires: 2027-03-01 }\n', ['exceptions[0].resource']],
    ['an unknown field', `exceptions:\n  - { check: AML-NET-001, resource: "${WORKSPACE_ID}", reason: r, owner: o, expires: 2027-03-01, until: 2028-01-01 }\n`, ['exceptions[0].until']],
    ['an entry that is not a mapping', 'exceptions:\n  - AML-NET-001\n', ['exceptions[0]']],
    ['a connection-string key in the reason', `exceptions:\n  - { check: AML-NET-001, resource: "${WORKSPACE_ID}", reason: "uses AccountKey=abcdefSECRET123; for now", owner: o, expires: 2027-03-01 }\n`, ['exceptions[0].reason']],
  ])('refuses a file with %s, naming the field', (_what, source, fields) => {
    expect(problemsOf(source)).toEqual(fields);
  });

  it('names every bad field of a file, so one fix round is enough', () => {
    const source = `exceptions:\n  - { check: AML-NET-001, resource: "${WORKSPACE_ID}", reason: ok, owner: o, expires: 2027-03-01 }\n  - { check: NOPE, resource: "${WORKSPACE_ID}", owner: o, expires: tomorrow }\n`;
    expect(problemsOf(source)).toEqual(['exceptions[1].check', 'exceptions[1].reason', 'exceptions[1].expires']);
  });
});

describe('exception scopes in the file', () => {
  it('accepts a subscription-level resource such as a Defender plan, which a finding can be about', () => {
    const plan = '/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Security/pricings/AI';
    expect(parseExceptionsFile(`exceptions:\n  - { check: AML-NET-001, resource: "${plan}", reason: r, owner: o, expires: 2027-03-01 }\n`, known)[0]?.resource).toBe(plan);
  });
});
