/**
 * Chat commands are declared once, in the command table (src/knowledge/commands/table.ts): each has an example that
 * the router takes for it, and each reaches its own handler in the running bot — never the "I did not catch that"
 * help card, never a Q&A answer.
 */
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { COMMAND_NAMES, type CommandName } from '../../src/routing/intent';
import { SAMPLE_NOT_RUNNING } from '../../src/dialogs/sample-change';
import { startBotHarness } from '../support/bot-client';
import { productBotForSuite } from '../support/e2e-bot';
import { cardOf, cardText, type ConnectorRecord } from '../support/fake-connector';

/** One message per command, and what only that command's handler answers (a Record: a new command needs one). */
const EXAMPLES: Readonly<Record<CommandName, { readonly say: string; readonly answer: RegExp }>> = {
  help: { say: 'help', answer: /What I can do/ },
  reset: { say: 'reset', answer: /nothing stored for this conversation/ },
  signin: { say: 'sign in', answer: /No sign-in needed/ },
  signout: { say: 'sign out', answer: /No sign-in needed/ },
  checks: { say: 'checks', answer: /AML-NET-001/ },
  exceptions: { say: 'show exceptions', answer: /No risks are accepted in this conversation/ },
  accept: { say: 'accept AML-NET-001 on sample', answer: /I saved nothing/ },
  watches: { say: 'watches', answer: /does not watch any workspace yet/ },
  unwatch: { say: 'unwatch ws-nowhere', answer: /does not watch ws-nowhere/ },
  watch: { say: 'watch sample daily at 08:00', answer: /Now watching mlw-mlopsv2-0001prod/ },
  unlink: { say: 'unlink', answer: /Linking applies to a team/ },
  link: { say: 'link this channel to rg-ml', answer: /Linking applies to a team/ },
  lab: { say: 'lab status', answer: /You have not started the lab yet/ },
  workshop: { say: 'workshop status', answer: /no workshop in progress here/ },
  baseline: { say: 'my baseline', answer: /Your Azure ML security baseline/ },
  sample: { say: 'sample reset', answer: /The sample has no changes to undo/ },
};

const router = createRouter(loadKnowledge());

/** The text of the bot's replies: message text, and all text of any card. */
function replyText(records: readonly ConnectorRecord[]): string {
  return records
    .map((r) => {
      const card = cardOf(r);
      return card !== undefined ? cardText(card) : (r.activity.text ?? '');
    })
    .join('\n');
}

describe('the command table', () => {
  it.each(COMMAND_NAMES.map((name) => [name, EXAMPLES[name].say]))('routes the example of %s to it', (name, say) => {
    expect(router.route(say)).toMatchObject({ intent: 'command', command: name });
  });
});

describe('every command reaches its handler in the running bot', () => {
  const productBot = productBotForSuite();

  it.each([...COMMAND_NAMES])('%s', async (name) => {
    const bot = productBot();
    const user = bot.client('personal', { id: `command-${name}` });
    const before = bot.messages(user.conversation.id).length;
    await user.sendText(EXAMPLES[name].say);
    const reply = replyText(bot.messages(user.conversation.id).slice(before));
    expect(reply).not.toContain('I did not catch that');
    expect(reply).toMatch(EXAMPLES[name].answer);
  });
});

describe('a command word alone gets that command\'s usage', () => {
  const productBot = productBotForSuite();
  const says = async (id: string, text: string): Promise<string> => {
    const bot = productBot();
    const user = bot.client('personal', { id });
    const before = bot.messages(user.conversation.id).length;
    await user.sendText(text);
    return replyText(bot.messages(user.conversation.id).slice(before));
  };

  it.each([
    ['watch', /Which workspace\? Try "watch <workspace> daily at 08:00"/],
    ['unwatch', /Which workspace\? Try "watch <workspace> daily at 08:00"/],
    ['accept', /\*\*check\*\* is missing: start with the check id[\s\S]*\*\*workspace\*\* is missing[\s\S]*\*\*expires\*\* is missing[\s\S]*\*\*reason\*\* is missing/],
    ['link', /Linking applies to a team: mention me in one of the team's channels with "link this channel to/],
    ['unlink', /Linking applies to a team/],
    ['sample', /Say which check to break, e\.g\. "sample change AML-NET-010"/],
  ])('"%s"', async (word, usage) => {
    const reply = await says(`usage-${word}`, word);
    expect(reply).toMatch(usage);
    expect(reply).not.toMatch(/I'm not sure I understood|outside what I cover|I did not catch that/);
  });

  it('"unwatch all" stops every watch of this conversation, and says so when there is none', async () => {
    expect(await says('unwatch-all', 'watch sample daily at 08:00')).toMatch(/Now watching/);
    expect(await says('unwatch-all', 'unwatch all')).toMatch(/^Stopped watching mlw-mlopsv2-0001prod\.$/);
    expect(await says('unwatch-all', 'watches')).toMatch(/does not watch any workspace yet/);
    expect(await says('unwatch-all', 'unwatch all')).toMatch(/^This conversation does not watch any workspace\./);
  });
});

describe('the sample command in a bot without the sample environment', () => {
  it('answers that there is no sample to change, instead of taking the message for a question', async () => {
    const harness = await startBotHarness({ conversation: undefined, sample: false, notificationTimer: false });
    try {
      const user = harness.client('personal');
      await user.sendText('sample change AML-NET-010');
      expect(harness.messages(user.conversation.id).map((r) => r.activity.text)).toEqual([SAMPLE_NOT_RUNNING]);
    } finally {
      await harness.close();
    }
  });
});
