import { parseAcceptCommand } from '../../src/exceptions/command';

const fieldsMissing = (args: string): string[] => {
  const parsed = parseAcceptCommand(args);
  return parsed.ok ? [] : parsed.problems.map((p) => p.field);
};

describe('reading "accept <check> on <workspace> for <n> days: <reason>"', () => {
  it.each([
    ['for a number of days', 'AML-NET-001 on ws-prod for 90 days: partner network needs the studio', { target: 'ws-prod', days: 90 }],
    ['until a day', 'AML-NET-001 on ws-prod until 2027-03-01: partner network needs the studio', { target: 'ws-prod', until: '2027-03-01' }],
    ['the expiry before the workspace', 'AML-NET-001 for 90 days on the workspace ws-prod: partner network needs the studio', { target: 'ws-prod', days: 90 }],
  ])('reads the documented grammar, %s', (_what, args, expected) => {
    expect(parseAcceptCommand(args)).toEqual({ ok: true, command: { checkId: 'AML-NET-001', reason: 'partner network needs the studio', ...expected } });
  });

  it('keeps a colon inside the workspace name as part of it, and reads the reason after the colon that follows the expiry', () => {
    expect(parseAcceptCommand('AML-NET-010 on sample:hardened for 30 days: vendor: Contoso')).toEqual({
      ok: true,
      command: { checkId: 'AML-NET-010', target: 'sample:hardened', days: 30, reason: 'vendor: Contoso' },
    });
  });

  it('says the workspace is missing when only the expiry is given, not that the expiry is', () => {
    expect(fieldsMissing('AML-NET-010 for 30 days: vendor')).toEqual(['workspace']);
    expect(fieldsMissing('AML-NET-010 until 2027-03-01: vendor')).toEqual(['workspace']);
  });

  it('names each missing part and nothing that is present', () => {
    expect(fieldsMissing('AML-NET-010 on ws-prod: vendor')).toEqual(['expires']);
    expect(fieldsMissing('AML-NET-010 on ws-prod for 30 days')).toEqual(['reason']);
    expect(fieldsMissing('on ws-prod for thirty days')).toEqual(['check', 'expires', 'reason']);
  });
});
