import { applyExceptions } from '../../src/exceptions/apply';
import { daysLeft, isCalendarDay, isExpired } from '../../src/exceptions/model';
import { expiryDayProblem } from '../../src/exceptions/validate';
import { reportScore } from '../../src/report/score';
import { failsAt } from '../../src/report/order';
import { findingOf, reportOf, smallReport, SUB, VAULT_ID, WORKSPACE_ID } from '../support/report-fixtures';
import { entryOf } from './support';

const NOW = new Date('2026-12-07T12:00:00.000Z');

describe('applying exceptions to a report', () => {
  const { report, checks } = smallReport();
  const [net, vault] = checks;

  it('turns a covered failed finding into accepted, carrying the exception, and counts it apart from failed', () => {
    const entry = entryOf({ checkId: net!.id, resource: WORKSPACE_ID });
    const { report: applied, used, unused } = applyExceptions(report, [entry], NOW);
    const finding = applied.findings.find((f) => f.checkId === net!.id);
    expect(finding?.status).toBe('accepted');
    expect(finding?.exception).toEqual({ id: entry.id, reason: entry.reason, owner: entry.owner, expires: entry.expires, createdBy: entry.createdBy, createdAt: entry.createdAt });
    expect(applied.summary.fail).toBe(report.summary.fail - 1);
    expect(applied.summary.accepted).toBe(1);
    expect(used).toEqual([entry]);
    expect(unused).toEqual([]);
  });

  it('matches the check id and the resource id case-insensitively', () => {
    const entry = entryOf({ checkId: vault!.id.toLowerCase(), resource: VAULT_ID.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/') });
    expect(applyExceptions(report, [entry], NOW).report.findings.find((f) => f.checkId === vault!.id)?.status).toBe('accepted');
  });

  it('lets a resource-group or subscription id cover what is under it, and nothing outside it', () => {
    const rg = `/subscriptions/${SUB}/resourceGroups/rg-ml`;
    expect(applyExceptions(report, [entryOf({ checkId: vault!.id, resource: rg })], NOW).report.summary.accepted).toBe(1);
    expect(applyExceptions(report, [entryOf({ checkId: vault!.id, resource: `/subscriptions/${SUB}` })], NOW).report.summary.accepted).toBe(1);
    const otherRg = `/subscriptions/${SUB}/resourceGroups/rg-ml-2`;
    expect(applyExceptions(report, [entryOf({ checkId: vault!.id, resource: otherRg })], NOW).report.summary.accepted).toBe(0);
  });

  it("lets a workspace-scoped exception cover its check's finding on a linked resource", () => {
    expect(applyExceptions(report, [entryOf({ checkId: vault!.id, resource: WORKSPACE_ID })], NOW).report.summary.accepted).toBe(1);
  });

  it('does not apply an exception of another check, or one scoped to another resource', () => {
    const applied = applyExceptions(report, [entryOf({ checkId: vault!.id, resource: `${VAULT_ID}-2` }), entryOf({ checkId: 'AML-NET-999', resource: WORKSPACE_ID })], NOW);
    expect(applied.report.summary).toEqual(report.summary);
  });

  it('ignores an expired exception and reports it, while one expiring today still applies', () => {
    const expired = entryOf({ checkId: net!.id, resource: WORKSPACE_ID, expires: '2026-12-06' });
    const today = entryOf({ checkId: vault!.id, resource: VAULT_ID, expires: '2026-12-07' });
    const applied = applyExceptions(report, [expired, today], NOW);
    expect(applied.expired).toEqual([expired]);
    expect(applied.report.findings.find((f) => f.checkId === net!.id)?.status).toBe('fail');
    expect(applied.report.findings.find((f) => f.checkId === vault!.id)?.status).toBe('accepted');
  });

  it('never accepts a result that could not be assessed, and lists an exception whose finding passes as unused', () => {
    const [, , unassessed, passing] = checks;
    const onError = entryOf({ checkId: unassessed!.id, resource: WORKSPACE_ID });
    const onPass = entryOf({ checkId: passing!.id, resource: WORKSPACE_ID });
    const applied = applyExceptions(report, [onError, onPass], NOW);
    expect(applied.report.findings.find((f) => f.checkId === unassessed!.id)?.status).toBe('error');
    expect(applied.unused.map((e) => e.id).sort()).toEqual([onError.id, onPass.id].sort());
  });

  it('keeps an accepted finding out of --fail-on and counts it as not passing in the score', () => {
    const only = reportOf([findingOf(net!, 'fail'), findingOf(vault!, 'pass')]);
    const applied = applyExceptions(only, [entryOf({ checkId: net!.id, resource: WORKSPACE_ID })], NOW).report;
    expect(failsAt(only, 'low')).toBe(true);
    expect(failsAt(applied, 'low')).toBe(false);
    expect(reportScore(applied)).toBe(reportScore(only));
  });
});

describe('exception days', () => {
  it('reads real calendar days only', () => {
    expect(isCalendarDay('2027-03-01')).toBe(true);
    expect(isCalendarDay('2027-02-30')).toBe(false);
    expect(isCalendarDay('1 March 2027')).toBe(false);
  });

  it('says an impossible day is not a real date, and blames the format only when the format is wrong', () => {
    expect(expiryDayProblem('2027-02-30')?.message).toBe('"2027-02-30" is not a real date: the calendar has no such day.');
    expect(expiryDayProblem('1 March 2027')?.message).toBe('"1 March 2027" is not a day written YYYY-MM-DD.');
    expect(expiryDayProblem('2027-03-01')).toBeUndefined();
  });

  it('counts days left to the expiry day and expires the day after it', () => {
    expect(daysLeft({ expires: '2026-12-14' }, NOW)).toBe(7);
    expect(daysLeft({ expires: '2026-12-07' }, NOW)).toBe(0);
    expect(isExpired({ expires: '2026-12-07' }, NOW)).toBe(false);
    expect(isExpired({ expires: '2026-12-06' }, NOW)).toBe(true);
  });
});
