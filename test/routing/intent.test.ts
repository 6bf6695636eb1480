import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { handleCommand, handleIntent, type CommandHandlers, type IntentHandlers } from '../../src/routing/handlers';
import { COMMAND_NAMES, intentOf, type Intent } from '../../src/routing/intent';
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

  it('refuses a command without a name', () => {
    expect(intentOf({ intent: 'command', args: '', confidence: 1 })).toEqual({ kind: 'none', answer: '' });
  });

  it('knows every command of the table, including accept, exceptions and sample', () => {
    expect(intent('show exceptions')).toEqual({ kind: 'command', command: 'exceptions', args: '' });
    expect(intent('accept AML-NET-001 on ws-prod for 90 days: partner network')).toEqual({ kind: 'command', command: 'accept', args: 'AML-NET-001 on ws-prod for 90 days: partner network' });
    expect(intent('sample change AML-NET-010')).toEqual({ kind: 'command', command: 'sample', args: 'change AML-NET-010' });
    expect(intent('sample reset')).toEqual({ kind: 'command', command: 'sample', args: 'reset' });
  });

  it('runs the handler registered for the kind, and for the command name', () => {
    const kinds: IntentHandlers<string> = { command: (i) => `command ${i.command}`, check: (i) => `check ${i.check}`, question: (i) => i.questionId, 'not-sure': () => 'not sure', none: () => 'none' };
    expect(handleIntent(intent('sign out'), kinds, undefined)).toBe('command signout');
    expect(handleIntent(intent('check rbac on ws-prod'), kinds, undefined)).toBe('check rbac');
    const name = (i: { readonly command: string }): string => i.command;
    const names: CommandHandlers<string> = {
      help: name, reset: name, workshop: name, baseline: name, lab: name, watch: name, unwatch: name,
      watches: name, link: name, unlink: name, checks: name, signin: name, signout: name, accept: name, exceptions: name, sample: name,
    };
    expect(Object.keys(names).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(handleCommand({ kind: 'command', command: 'checks', args: '' }, names, undefined)).toBe('checks');
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

  it('does not compile the bot\'s command map without a handler for a command of the table, its intent map without a kind, nor the conversation without the bot\'s commands', () => {
    // The maps the bot's conversation is assembled into (src/dialogs/conversation.ts), keyed by the real command
    // table: a command added to the table without a handler fails in the same way.
    const file = join(__dirname, 'unhandled-command.fixture.ts');
    const source = [
      `import type { TurnCommandHandlers, TurnIntentHandlers } from '../../src/dialogs/feature';`,
      `declare const complete: TurnCommandHandlers;`,
      `declare const kinds: TurnIntentHandlers;`,
      `const { sample: _sample, ...withoutSample } = complete;`,
      `const { accept: _accept, ...withoutAccept } = complete;`,
      `const { none: _none, ...withoutNone } = kinds;`,
      `export const commands: TurnCommandHandlers = withoutSample;`,
      `export const more: TurnCommandHandlers = withoutAccept;`,
      `export const intents: TurnIntentHandlers = withoutNone;`,
      `export const whole: TurnCommandHandlers = { ...withoutSample, sample: complete.sample };`,
      // The assembly itself: without the bot's signout, the conversation cannot be built.
      `import { assembleConversation, type AccountCommandHandlers, type ConversationFeatures } from '../../src/dialogs/conversation';`,
      `declare const features: ConversationFeatures;`,
      `declare const account: AccountCommandHandlers;`,
      `const { signout: _signout, ...signInOnly } = account;`,
      `export const conversation = assembleConversation(features, signInOnly);`,
      '',
    ].join('\n');
    const diagnostics = typeErrorsOf(file, source).join('\n');
    expect(diagnostics).toMatch(/Property '"?sample"?' is missing/);
    expect(diagnostics).toMatch(/Property '"?accept"?' is missing/);
    expect(diagnostics).toMatch(/Property '"?none"?' is missing/);
    expect(diagnostics).toMatch(/Property '"?signout"?' is missing/);
    // The complete map compiles: the errors above are the missing handlers, nothing else.
    expect(diagnostics.split('\n').filter((line) => /is missing/.test(line))).toHaveLength(4);
  });
});
