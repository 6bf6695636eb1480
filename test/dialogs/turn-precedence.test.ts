import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { messageKind } from '../../src/dialogs/turn-precedence';

const router = createRouter(loadKnowledge());
const kind = (text: string, source?: 'typed' | 'button') => messageKind(text, router.route(text), source);

describe('which messages are commands and which free text (the one precedence rule)', () => {
  it.each(['start lab', 'sign out', 'checks', 'skip', 'help', 'reset', 'scan sample', 'scan the sample', 'what do we watch?', 'my baseline'])(
    'a short typed command runs: "%s"',
    (text) => expect(kind(text)).toBe('command'),
  );

  it.each([
    'Watch the workspace daily and review RBAC monthly with PIM',
    'Check the workspace network: turn off public network access and add a private endpoint',
    'scan the linked storage accounts for public access and disable shared keys',
    'ExpressRoute from the office and private DNS',
  ])('a longer sentence is free text, whatever the router alone makes of it: "%s"', (text) => expect(kind(text)).toBe('free-text'));

  it('a button is a command even when its text would be long', () => {
    expect(kind('Watch the workspace daily and review RBAC monthly with PIM', 'button')).toBe('command');
  });
});
