import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { handleCommand, handleIntent, type CommandHandlers, type IntentHandlers } from '../../src/routing/handlers';
import { COMMANDS, intentOf, type Intent } from '../../src/routing/intent';
import { typeErrorsOf } from '../support/type-errors';

const router = createRouter(loadKnowledge());
const intent = (text: string): Intent => intentOf(router.route(text));

describe('the Intent union', () => {
  it('parses what the router made of a message into exactly one kind', () => {
    expect(intent('start lab')).toEqual({ kind: 'command', command: 'lab', args: 'start' });
    expect(intent('who has Owner on ws-prod?')).toEqual({ kind: 'check', check: 'rbac', target: 'ws-prod' });
    expect(intent('which ports does azure ml need?')).toMatchObject({ kind: 'question', questionId: 'WVN-01' });
    expect(intent('vnet')).toMatchObject({ kind: 'not-sure', suggestions: expect.any(Array) as unknown });
    expect(intent('how much does a Standard_NC6 VM cost?')).toMatchObject({ kind: 'none', answer: expect.stringContaining('outside what I cover') as string });
  });

  it('refuses a command name the bot does not know', () => {
    expect(intentOf({ intent: 'command', command: 'format-disk', args: '', confidence: 1 })).toEqual({ kind: 'none', answer: '' });
  });

  it('runs the handler registered for the kind, and for the command name', () => {
    const kinds: IntentHandlers<string> = { command: (i) => `command ${i.command}`, check: (i) => `check ${i.check}`, question: (i) => i.questionId, 'not-sure': () => 'not sure', none: () => 'none' };
    expect(handleIntent(intent('sign out'), kinds)).toBe('command signout');
    expect(handleIntent(intent('check rbac on ws-prod'), kinds)).toBe('check rbac');
    const name = (i: { readonly command: string }): string => i.command;
    const names: CommandHandlers<string> = {
      help: name, reset: name, workshop: name, baseline: name, lab: name, watch: name, unwatch: name,
      watches: name, link: name, unlink: name, checks: name, signin: name, signout: name,
    };
    expect(Object.keys(names).sort()).toEqual([...COMMANDS].sort());
    expect(handleCommand({ kind: 'command', command: 'checks', args: '' }, names)).toBe('checks');
  });

  it('does not compile a handler map that leaves an intent unhandled', () => {
    // @ts-expect-error — 'none' has no handler: the map is not an IntentHandlers.
    const missing: IntentHandlers<string> = { command: () => '', check: () => '', question: () => '', 'not-sure': () => '' };
    expect(Object.keys(missing)).not.toContain('none');

    // The same, compiled here: the compiler names the kind that has no handler.
    const file = join(__dirname, 'unhandled-intent.fixture.ts');
    const source = `import type { IntentHandlers } from '../../src/routing/handlers';\nexport const h: IntentHandlers<number> = { command: () => 1, check: () => 1, question: () => 1, none: () => 1 };\n`;
    const diagnostics = typeErrorsOf(file, source);
    expect(diagnostics.join('\n')).toMatch(/Property '"?not-sure"?' is missing/);
  });
});
