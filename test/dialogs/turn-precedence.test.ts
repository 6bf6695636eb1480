import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { messageKind } from '../../src/dialogs/turn-precedence';

const router = createRouter(loadKnowledge());
const kind = (text: string, source?: 'typed' | 'button') => messageKind(text, router.route(text), source);

describe('which messages are commands and which free text (the one precedence rule)', () => {
  it.each(['start lab', 'sign out', 'checks', 'skip', 'stop', 'status', 'help', 'reset', 'scan sample', 'scan the sample', 'rescan', 'what do we watch?', 'my baseline'])(
    'a short typed command runs: "%s"',
    (text) => expect(kind(text)).toBe('command'),
  );

  it.each(['can we pause the workshop please', 'please stop the workshop now', "I'd like to start the lab now", 'show me the lab status'])(
    'politeness does not make a control phrase free text: "%s"',
    (text) => expect(kind(text)).toBe('command'),
  );

  it.each([
    'watch sample daily at 08:00',
    'watch sample every 6 hours with a weekly digest',
    'accept AML-NET-010 on sample for 30 days: testing',
    'link this channel to rg-ml',
    'unwatch all',
    'lab exercise 2',
    'lab params subscription=1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001 resourceGroup=rg-ml',
  ])('a command whose arguments parse runs, however long: "%s"', (text) => expect(kind(text)).toBe('command'));

  it.each(['check rbac on sample', 'defender status for subscription 1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001', 'scan the sample workspace', 'check rbac on ws-prod'])(
    'a check request that names where to check runs: "%s"',
    (text) => expect(kind(text)).toBe('command'),
  );

  it.each(['watch the activity logs', 'link private DNS zones', 'accept AML-NET-010 because the partner needs it'])(
    'a command word followed by arguments its grammar does not parse is free text: "%s"',
    (text) => expect(kind(text)).toBe('free-text'),
  );

  it.each([
    'Watch the workspace daily and review RBAC monthly with PIM',
    'Check the workspace network: turn off public network access and add a private endpoint',
    'scan the linked storage accounts for public access and disable shared keys',
    'Check sample logs daily and alert on failed logins',
    'ExpressRoute from the office and private DNS',
  ])('a longer sentence is free text, whatever the router alone makes of it: "%s"', (text) => expect(kind(text)).toBe('free-text'));

  it('a button is a command even when its text would be long', () => {
    expect(kind('Watch the workspace daily and review RBAC monthly with PIM', 'button')).toBe('command');
  });
});
