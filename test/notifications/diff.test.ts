import { describeDiff, diffReports } from '../../src/notifications/diff';
import { finding, report, WS_ID } from './helpers';

describe('diffReports', () => {
  it('reports new failures, resolved findings, newly unassessed checks and other status moves', () => {
    const before = report([
      finding('A-1', 'pass'),
      finding('A-2', 'fail'),
      finding('A-3', 'fail', { resourceId: `${WS_ID}/computes/c1` }),
      finding('A-4', 'pass'),
      finding('A-5', 'error'),
      finding('A-6', 'pass'),
      finding('A-7', 'fail'),
    ]);
    const after = report([
      finding('A-1', 'fail'), // new failure
      finding('A-2', 'pass'), // resolved
      // A-3 compute removed: resolved (gone)
      finding('A-4', 'error'), // newly unassessed
      finding('A-5', 'pass'), // assessed again: a status change
      finding('A-6', 'pass'), // unchanged
      finding('A-7', 'fail'), // still failing: not news
      finding('A-8', 'pass'), // new resource, passing: not news
      finding('A-9', 'fail'), // new resource, failing: new failure
    ]);
    const diff = diffReports(before, after);
    expect(diff.newFailures.map((f) => f.checkId)).toEqual(['A-1', 'A-9']);
    expect(diff.resolved.map((r) => [r.before.checkId, r.after?.status])).toEqual([
      ['A-2', 'pass'],
      ['A-3', undefined],
    ]);
    expect(diff.newlyUnassessed.map((f) => f.checkId)).toEqual(['A-4']);
    expect(diff.statusChanges.map((c) => [c.after.checkId, c.before.status, c.after.status])).toEqual([['A-5', 'error', 'pass']]);
    expect(diff.hasChanges).toBe(true);
    expect(describeDiff(diff)).toBe('2 new findings, 2 resolved, 1 not assessed, 1 changed');
  });

  it('does not announce a finding that becomes accepted, announces it again when its exception expires, and resolves it when it passes', () => {
    const failing = report([finding('C-1', 'fail'), finding('C-2', 'fail')]);
    const accepted = report([finding('C-1', 'accepted'), finding('C-2', 'accepted')]);
    expect(diffReports(failing, accepted).hasChanges).toBe(false);
    const expired = report([finding('C-1', 'fail'), finding('C-2', 'pass')]);
    const diff = diffReports(accepted, expired);
    expect(diff.newFailures.map((f) => f.checkId)).toEqual(['C-1']);
    expect(diff.resolved.map((r) => r.before.checkId)).toEqual(['C-2']);
    expect(diff.statusChanges).toEqual([]);
  });

  it('finds no change between equal reports, whatever the order and the case of resource ids', () => {
    const a = report([finding('B-1', 'fail'), finding('B-2', 'pass')]);
    const b = report([finding('B-2', 'pass'), finding('B-1', 'fail', { resourceId: WS_ID.toUpperCase(), message: 'reworded' })]);
    const diff = diffReports(a, b);
    expect(diff.hasChanges).toBe(false);
    expect(describeDiff(diff)).toBe('no changes');
  });

  it('orders by severity, then check id, then resource', () => {
    const diff = diffReports(
      report([]),
      report([
        finding('Z-1', 'fail', { severity: 'low' }),
        finding('M-1', 'fail', { severity: 'critical', resourceId: `${WS_ID}/b` }),
        finding('M-1', 'fail', { severity: 'critical', resourceId: `${WS_ID}/a` }),
        finding('A-1', 'fail', { severity: 'medium' }),
      ]),
    );
    expect(diff.newFailures.map((f) => `${f.checkId}${f.resourceId.slice(-2)}`)).toEqual(['M-1/a', 'M-1/b', 'A-1od', 'Z-1od']);
    expect(describeDiff({ ...diff, newFailures: diff.newFailures.slice(0, 1) })).toBe('1 new finding');
  });

  it('sees a new and a resolved recommendation among several open on one resource (the subject)', () => {
    const open = (subject: string) => finding('AML-LT-014', 'fail', { subject });
    const diff = diffReports(report([open('assessment-a'), open('assessment-b')]), report([open('ASSESSMENT-B'), open('assessment-c')]));
    expect(diff.newFailures.map((f) => f.subject)).toEqual(['assessment-c']);
    expect(diff.resolved.map((r) => [r.before.subject, r.after])).toEqual([['assessment-a', undefined]]);
    expect(diff.statusChanges).toEqual([]);
    expect(describeDiff(diff)).toBe('1 new finding, 1 resolved');
  });

  it('treats error → fail as a new failure, and fail → error as not assessed (not resolved)', () => {
    const diff = diffReports(report([finding('C-1', 'error'), finding('C-2', 'fail')]), report([finding('C-1', 'fail'), finding('C-2', 'error')]));
    expect(diff.newFailures.map((f) => f.checkId)).toEqual(['C-1']);
    expect(diff.newlyUnassessed.map((f) => f.checkId)).toEqual(['C-2']);
    expect(diff.resolved).toEqual([]);
  });
});
