/**
 * Plays the Bot Connector's other half: POSTs real Bot Framework activities (message, card actions,
 * conversationUpdate, installationUpdate) to a running bot, with `serviceUrl` pointing at a LocalConnector so the
 * replies come back to this process. Used by `guardian chat` and by the end-to-end tests.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { ConversationType } from '../dialogs/port';

export interface LocalConversation {
  readonly id: string;
  readonly type: ConversationType;
  readonly tenantId: string;
  readonly user: { readonly id: string; readonly name: string; readonly aadObjectId: string };
  readonly bot: { readonly id: string; readonly name: string };
  /** For channel conversations. */
  readonly teamId?: string;
  readonly channelId?: string;
  /** The user's IANA time zone, sent as `localTimezone` on every activity the way Teams does. */
  readonly localTimezone?: string;
}

export interface PostResult {
  readonly status: number;
  /** The parsed response body (invoke responses), or undefined when empty. */
  readonly body: unknown;
}

export const LOCAL_BOT = { id: '28:local-guardian-bot', name: 'Baseline Guardian' } as const;

export function localConversation(type: ConversationType = 'personal', overrides: Partial<LocalConversation> = {}): LocalConversation {
  const base: LocalConversation = {
    id: type === 'channel' ? `19:${randomUUID()}@thread.tacv2` : type === 'groupChat' ? `19:${randomUUID()}@thread.v2` : `a:${randomUUID()}`,
    type,
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    user: { id: '29:local-user', name: 'Local User', aadObjectId: '00000000-0000-0000-0000-0000000000bb' },
    bot: LOCAL_BOT,
    ...(type === 'channel' ? { teamId: '19:local-team@thread.tacv2', channelId: '19:local-channel@thread.tacv2' } : {}),
  };
  return { ...base, ...overrides };
}

export class LocalBotClient {
  constructor(
    /** e.g. http://127.0.0.1:3978 (the bot) */
    private readonly botUrl: string,
    /** e.g. http://127.0.0.1:40000/ (the LocalConnector) */
    private readonly serviceUrl: string,
    readonly conversation: LocalConversation = localConversation(),
    private readonly authorization?: string,
  ) {}

  /** A base activity in this conversation, from the user to the bot. */
  activity(fields: Partial<Activity>): Partial<Activity> {
    const c = this.conversation;
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date(),
      from: { id: c.user.id, name: c.user.name, aadObjectId: c.user.aadObjectId },
      recipient: { id: c.bot.id, name: c.bot.name },
      conversation: { id: c.id, conversationType: c.type, tenantId: c.tenantId, isGroup: c.type !== 'personal', name: '' },
      channelData: {
        tenant: { id: c.tenantId },
        ...(c.teamId !== undefined ? { team: { id: c.teamId } } : {}),
        ...(c.channelId !== undefined ? { channel: { id: c.channelId } } : {}),
      },
      locale: 'en-US',
      ...(c.localTimezone !== undefined ? { localTimezone: c.localTimezone } : {}),
      ...fields,
    };
  }

  /** A text message; `mention` prefixes an @mention of the bot, as Teams does in channels. */
  sendText(text: string, options: { mention?: boolean } = {}): Promise<PostResult> {
    if (options.mention !== true) return this.post(this.activity({ type: 'message', text }));
    const mentionText = `<at>${this.conversation.bot.name}</at>`;
    return this.post(
      this.activity({
        type: 'message',
        text: `${mentionText} ${text}`,
        entities: [{ type: 'mention', text: mentionText, mentioned: { id: this.conversation.bot.id, name: this.conversation.bot.name } }],
      }),
    );
  }

  /** An Action.Submit click: a message with the action's data as value and no text. */
  submit(value: unknown): Promise<PostResult> {
    return this.post(this.activity({ type: 'message', value, replyToId: randomUUID() }));
  }

  /** An Action.Execute click: the `adaptiveCard/action` invoke; the body holds the invoke response. */
  execute(verb: unknown, data: unknown = {}, replyToId: string = randomUUID()): Promise<PostResult> {
    return this.post(this.activity({ type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb, data } } }));
  }

  /** The bot (or the user too, in personal chat) joining the conversation. */
  membersAdded(ids: readonly string[] = [this.conversation.bot.id]): Promise<PostResult> {
    return this.post(this.activity({ type: 'conversationUpdate', membersAdded: ids.map((id) => ({ id, name: '' })) }));
  }

  installationUpdate(action: 'add' | 'remove'): Promise<PostResult> {
    return this.post(this.activity({ type: 'installationUpdate', action }));
  }

  async post(activity: Partial<Activity>): Promise<PostResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.authorization !== undefined) headers.authorization = this.authorization;
    const response = await fetch(`${this.botUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
    const text = await response.text();
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, body };
  }
}
