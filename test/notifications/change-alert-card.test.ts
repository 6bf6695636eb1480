/**
 * The change alert card: what changed, who changed it (a person by name and UPN, a service principal by app id),
 * the effect on the baseline, and the Details / Re-check / Unwatch buttons — valid Adaptive Card 1.5.
 */
import { changeAlertCard, effectLine } from '../../src/notifications/change-alert-card';
import { diffReports } from '../../src/notifications/diff';
import type { Subscription } from '../../src/notifications/subscriptions';
import type { ChangeEvent } from '../../src/shared/change-event';
import { cardSchemaErrors } from '../support/card-schema';
import { CONVERSATION_ID, CONVERSATION_REF, cardText, finding, report, WS_ID } from './helpers';

const STORAGE = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml';
const SUBSCRIPTION: Subscription = {
  id: 'sub-1',
  conversationRef: CONVERSATION_REF,
  conversationId: CONVERSATION_ID,
  workspaceTarget: WS_ID,
  workspace: { id: WS_ID, name: 'ws-prod' },
  schedule: { cron: '0 8 * * *', timezone: 'UTC' },
  weeklyDigest: false,
  createdBy: { userId: 'u1' },
  createdAt: '2030-01-01T07:00:00.000Z',
  enabled: true,
};

const change = (caller: ChangeEvent['caller'], id = 'e1'): ChangeEvent => ({ id, resourceId: STORAGE, operation: 'Microsoft.Storage/storageAccounts/write', time: '2030-01-01T10:02:31.000Z', caller, source: 'activity-log' });

function standard(card: object): unknown {
  const { msteams: _msteams, ...rest } = card as Record<string, unknown>;
  return rest;
}

const BEFORE = report([finding('AML-NET-010', 'pass', { resourceId: STORAGE }), finding('AML-DP-004', 'fail', { resourceId: STORAGE }), finding('AML-DP-005', 'fail', { resourceId: STORAGE })]);

describe('the change alert card', () => {
  it('says what changed, who did it and that a control now fails, with the three buttons', () => {
    const after = report([finding('AML-NET-010', 'fail', { resourceId: STORAGE }), finding('AML-DP-004', 'fail', { resourceId: STORAGE }), finding('AML-DP-005', 'fail', { resourceId: STORAGE })]);
    const card = changeAlertCard({ subscription: SUBSCRIPTION, changes: [change({ kind: 'user', displayName: 'Ada Lovelace', upn: 'ada@contoso.com' })], before: BEFORE, after, diff: diffReports(BEFORE, after), checkIds: ['AML-NET-010'] });
    const text = cardText(card);
    expect(text).toContain('ws-prod: AML-NET-010 now fails (was pass)');
    expect(text).toContain('Microsoft.Storage/storageAccounts/write on **stml** by Ada Lovelace (ada@contoso.com) · 2030-01-01 10:02 UTC');
    expect(cardSchemaErrors(standard(card))).toEqual([]);
    const actions = card.actions as { title: string; verb: string; data: Record<string, unknown> }[];
    expect(actions.map((a) => [a.title, a.verb])).toEqual([
      ['Details', 'scan.recheck'],
      ['Re-check', 'scan.run'],
      ['Unwatch ws-prod', 'watch.remove'],
    ]);
    expect(actions[0]!.data).toMatchObject({ target: WS_ID, workspaceId: WS_ID, checkId: 'AML-NET-010', resourceId: STORAGE });
    expect(actions[1]!.data).toEqual({ target: WS_ID, checkIds: ['AML-NET-010'] });
    expect(actions[2]!.data).toEqual({ subscriptionId: 'sub-1' });
  });

  it('counts what was resolved and names a service principal by its app id', () => {
    const after = report([finding('AML-NET-010', 'pass', { resourceId: STORAGE }), finding('AML-DP-004', 'pass', { resourceId: STORAGE }), finding('AML-DP-005', 'pass', { resourceId: STORAGE })]);
    const card = changeAlertCard({ subscription: SUBSCRIPTION, changes: [change({ kind: 'app', appId: '6f1e3b2a-0000-4000-8000-00000000aaaa' })], before: BEFORE, after, diff: diffReports(BEFORE, after), checkIds: ['AML-DP-004', 'AML-DP-005'] });
    const text = cardText(card);
    expect(text).toContain('ws-prod: 2 resolved');
    expect(text).toContain('by app 6f1e3b2a-0000-4000-8000-00000000aaaa');
    expect(text).toContain('AML-DP-004 resolved (was fail)');
    expect(cardSchemaErrors(standard(card))).toEqual([]);
  });

  it('lists a burst up to a limit and counts the rest; a caller name cannot inject markdown', () => {
    const after = report([finding('AML-NET-010', 'fail', { resourceId: STORAGE }), finding('AML-DP-004', 'fail', { resourceId: STORAGE }), finding('AML-DP-005', 'fail', { resourceId: STORAGE })]);
    const changes = Array.from({ length: 8 }, (_, i) => change({ kind: 'user', displayName: '[click](https://evil.example)' }, `e${i}`));
    const text = cardText(changeAlertCard({ subscription: SUBSCRIPTION, changes, before: BEFORE, after, diff: diffReports(BEFORE, after), checkIds: [] }));
    expect(text).toContain('…and 3 more changes');
    expect(text).not.toContain('[click](https://evil.example)');
  });

  it('words each status move as the effect on the control', () => {
    expect(effectLine(finding('AML-NET-010', 'fail'), finding('AML-NET-010', 'pass'))).toBe('AML-NET-010 now fails (was pass)');
    expect(effectLine(finding('AML-NET-010', 'error'), undefined)).toBe('AML-NET-010 now cannot be assessed (new)');
    expect(effectLine(finding('AML-NET-010', 'pass'), finding('AML-NET-010', 'not_applicable'))).toBe('AML-NET-010 now passes (was not applicable)');
  });
});
