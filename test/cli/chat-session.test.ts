/**
 * ChatSession against a scripted bot (no server): session-wide button numbers, replaced cards, "cancel" and
 * Enter twice in a form, and the invoke answer of Action.Execute (review 2, items 6, 9, 10).
 */
import type { LocalBotClient, PostResult } from '../../src/bot/local-client';
import type { ConnectorListener, ConnectorRecord, LocalConnector } from '../../src/bot/local-connector';
import { ChatSession } from '../../src/cli/chat-session';

const CARD = 'application/vnd.microsoft.card.adaptive';

type Card = Record<string, unknown>;
const card = (title: string, actions: Record<string, unknown>[], body: Record<string, unknown>[] = []): Card => ({
  type: 'AdaptiveCard',
  body: [{ type: 'TextBlock', text: title }, ...body],
  actions,
});
const execute = (title: string, verb: string) => ({ type: 'Action.Execute', title, verb, data: {} });
const imBack = (title: string, text: string) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: text } } });

/** A bot that answers each message with the cards `script` gives, and each Action.Execute with `onExecute`. */
function scriptedChat(script: (text: string) => Card[], onExecute: (verb: string, data: unknown) => unknown = () => ({ type: 'application/vnd.microsoft.activity.message', value: 'Done — see my reply below.' })) {
  let listener: ConnectorListener = () => undefined;
  let nextId = 1;
  const executed: { verb: string; data: unknown; replyToId: string | undefined }[] = [];
  const conversation = { id: 'c1', type: 'personal', tenantId: 't', user: { id: 'u', name: 'U', aadObjectId: 'a' }, bot: { id: 'b', name: 'B' } };
  const emit = (record: Omit<ConnectorRecord, 'conversationId' | 'hadAuthorization'>): void => listener({ ...record, conversationId: 'c1', hadAuthorization: false });
  const send = (content: Card): string => {
    const id = `m${nextId++}`;
    emit({ operation: 'send', id, activity: { type: 'message', attachments: [{ contentType: CARD, content }] } });
    return id;
  };
  const ok = (body: unknown = {}): Promise<PostResult> => Promise.resolve({ status: 200, body } as PostResult);
  const client = {
    conversation,
    sendText: (text: string) => {
      for (const c of script(text)) send(c);
      return ok();
    },
    submit: () => ok(),
    membersAdded: () => ok(),
    execute: (verb: string, data: unknown, replyToId?: string) => {
      executed.push({ verb, data, replyToId });
      return ok(onExecute(verb, data));
    },
  } as unknown as LocalBotClient;
  const connector = { onRecord: (l: ConnectorListener) => ((listener = l), () => undefined) } as unknown as LocalConnector;
  let out = '';
  const session = new ChatSession(client, connector, (text) => void (out += text));
  return {
    session,
    executed,
    send,
    update: (id: string, content: Card) => emit({ operation: 'update', id, activity: { type: 'message', attachments: [{ contentType: CARD, content }] } }),
    /** Output since the last call. */
    take: (() => {
      let seen = 0;
      return (): string => {
        const now = out.slice(seen);
        seen = out.length;
        return now;
      };
    })(),
  };
}

describe('chat session', () => {
  it('numbers buttons across the whole session, so an earlier answer\u2019s buttons still click (item 9)', async () => {
    const chat = scriptedChat((text) => (text === 'one' ? [card('First', [execute('A', 'x.a'), execute('B', 'x.b')])] : [card('Second', [execute('C', 'x.c')])]));
    await chat.session.say('one');
    expect(chat.take()).toContain('[1] A  [2] B');
    await chat.session.say('two');
    expect(chat.take()).toContain('[3] C');
    await chat.session.say('2');
    expect(chat.executed.map((e) => e.verb)).toEqual(['x.b']);
    // The click names the message its card is in, as Teams does.
    expect(chat.executed[0]!.replyToId).toBe('m1');
    await chat.session.say('9');
    expect(chat.take()).toContain('(no button 9; the buttons are 1 to 3)');
  });

  it('a card the bot replaced loses its buttons; the new version\u2019s buttons work (item 9)', async () => {
    const chat = scriptedChat(() => [card('Pick', [execute('Go', 'x.go')])], () => ({ type: CARD, value: card('Going…', []) }));
    await chat.session.say('pick');
    expect(chat.take()).toContain('[1] Go');
    await chat.session.say('1');
    const replaced = chat.take();
    expect(replaced).toContain('(the bot replaced the card you clicked)');
    expect(replaced).toContain('Going…');
    await chat.session.say('1');
    expect(chat.take()).toContain('(button 1 is gone: the bot has replaced or removed the card it was on');
    expect(chat.executed).toHaveLength(1);

    // An update (progress card → summary) does the same, and the new buttons are numbered on.
    const id = chat.send(card('Progress', [execute('Stop', 'x.stop')]));
    chat.take();
    chat.update(id, card('Summary', [execute('Re-scan', 'x.rescan')]));
    expect(chat.take()).toMatch(/the bot updated an earlier card[\s\S]*\[3\] Re-scan/);
    await chat.session.say('2');
    expect(chat.take()).toContain('(button 2 is gone');
    await chat.session.say('3');
    expect(chat.executed.map((e) => e.verb)).toEqual(['x.go', 'x.rescan']);
  });

  it('shows an Action.Execute text answer as what the clicked card says (item 10)', async () => {
    const chat = scriptedChat(() => [card('Answer', [execute('Check this on my workspace', 'scan.run-checks')])]);
    await chat.session.say('q');
    chat.take();
    await chat.session.say('1');
    expect(chat.take()).toBe('bot> (on the card you clicked: Done — see my reply below.)\n');
  });

  describe('fields (item 6)', () => {
    const form = card('Form', [execute('Save', 'x.save')], [
      { type: 'Input.Text', id: 'name', label: 'Name', isRequired: true },
      { type: 'Input.ChoiceSet', id: 'areas', label: 'Areas', isMultiSelect: true, choices: [{ title: 'Network Security', value: 'net' }, { title: 'Privileged Access', value: 'pa' }] },
    ]);

    it('"cancel" leaves the button unclicked and the next line is a message again', async () => {
      const sent: string[] = [];
      const chat = scriptedChat((text) => (sent.push(text), [form]));
      await chat.session.say('form');
      await chat.session.say('1');
      expect(chat.take()).toContain('Enter keeps a value, "cancel" leaves the button unclicked');
      expect(chat.session.prompt()).toBe('  > ');
      await chat.session.say('Cancel');
      expect(chat.take()).toContain('(cancelled: "Save" was not clicked)');
      expect(chat.session.prompt()).toBe('you> ');
      await chat.session.say('hello');
      expect(sent).toEqual(['form', 'hello']);
      expect(chat.executed).toEqual([]);
    });

    it('Enter twice on a required field with nothing to keep gives up the click', async () => {
      const chat = scriptedChat(() => [form]);
      await chat.session.say('form');
      await chat.session.say('1');
      chat.take();
      await chat.session.say('');
      expect(chat.take()).toContain('Name is required. Or type "cancel".');
      await chat.session.say('');
      expect(chat.take()).toContain('(cancelled: "Save" was not clicked; type its number to try again)');
      expect(chat.session.prompt()).toBe('you> ');
      expect(chat.executed).toEqual([]);
    });

    it('a choice by word, after a refused one, is sent with the click', async () => {
      const chat = scriptedChat(() => [form]);
      await chat.session.say('form');
      await chat.session.say('1');
      await chat.session.say('ws-prod');
      chat.take();
      await chat.session.say('skip');
      expect(chat.take()).toContain('"skip" is not one of the choices: type a number from 1 to 2, or a title or a word of it. Or type "cancel".');
      await chat.session.say('network, privileged');
      expect(chat.executed).toEqual([{ verb: 'x.save', data: { name: 'ws-prod', areas: 'net,pa' }, replyToId: 'm1' }]);
    });
  });

  it('an imBack button of an earlier answer sends its text', async () => {
    const sent: string[] = [];
    const chat = scriptedChat((text) => (sent.push(text), text === 'hi' ? [card('Hi', [imBack('Help', 'help')])] : [card('Other', [])]));
    await chat.session.say('hi');
    await chat.session.say('scan');
    await chat.session.say('1');
    expect(sent).toEqual(['hi', 'scan', 'help']);
  });
});
