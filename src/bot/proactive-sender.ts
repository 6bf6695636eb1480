/**
 * Notifications post through this: a ProactiveSender over the adapter's continueConversationAsync.
 * Connector failures become SendError with the HTTP status, Retry-After and the connector's error code, so
 * the outbox can retry 429/5xx, disable a subscription on 403 and dead-letter the rest.
 */
import type { ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../dialogs/port';
import { type ConversationRefJson, type ProactiveSender, SendError } from '../notifications/sender';
import { isRecord } from '../shared/is-record';
import type { Bot } from './app';

/** The Retry-After header of a failed connector call's response (its headers are a Fetch-style Headers). */
function retryAfterHeader(response: unknown): string | undefined {
  if (!isRecord(response) || !isRecord(response.headers)) return undefined;
  const { headers } = response;
  if (typeof headers.get !== 'function') return undefined;
  const value: unknown = Reflect.apply(headers.get, headers, ['retry-after']);
  return typeof value === 'string' ? value : undefined;
}

export function createProactiveSender(bot: Pick<Bot, 'continueConversation'>): ProactiveSender {
  return {
    async send(conversationRef: ConversationRefJson, card: AdaptiveCard, text?: string): Promise<void> {
      try {
        await bot.continueConversation(notificationReference(conversationRef), async (port) => {
          await port.sendCard(card, text);
        });
      } catch (e) {
        throw toSendError(e);
      }
    },
  };
}

/**
 * Where a notification goes: the conversation, not the message it was set up from. A reference saved from a
 * channel message points into that message's thread (`…@thread.skype;messageid=<root>`) and carries its
 * activity id; Teams' guidance for bots in teams is to start a new thread, so both are dropped.
 */
export function notificationReference(ref: ConversationRefJson): Partial<ConversationReference> {
  const { activityId: _activityId, ...rest } = ref;
  const conversation = { ...ref.conversation, id: ref.conversation.id.replace(/;messageid=\d+$/i, '') };
  // The one cast at this edge, kept on purpose: botbuilder types `conversation` as a full ConversationAccount
  // (name, isGroup…) but reads only what Teams saved, and inventing the missing fields would change what is sent.
  return { ...rest, conversation } as Partial<ConversationReference>;
}

export function toSendError(e: unknown): SendError {
  if (e instanceof SendError) return e;
  const failure = isRecord(e) ? e : {};
  const status = typeof failure.statusCode === 'number' ? failure.statusCode : 0;
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const message = typeof failure.message === 'string' ? failure.message : 'the Bot Connector did not accept the message';
  return new SendError(status, message, retryAfterMs(retryAfterHeader(failure.response)), code);
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
