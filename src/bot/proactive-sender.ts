/**
 * Notifications post through this: a ProactiveSender over the adapter's continueConversationAsync.
 * Connector failures become SendError with the HTTP status, Retry-After and the connector's error code, so
 * the outbox can retry 429/5xx, disable a subscription on 403 and dead-letter the rest.
 */
import type { ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../dialogs/port';
import { type ConversationRefJson, type ProactiveSender, SendError } from '../notifications/sender';
import type { Bot } from './app';

interface ConnectorFailure {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
}

export function createProactiveSender(bot: Pick<Bot, 'continueConversation'>): ProactiveSender {
  return {
    async send(conversationRef: ConversationRefJson, card: AdaptiveCard, text?: string): Promise<void> {
      try {
        await bot.continueConversation(conversationRef as unknown as Partial<ConversationReference>, async (port) => {
          await port.sendCard(card, text);
        });
      } catch (e) {
        throw toSendError(e);
      }
    },
  };
}

export function toSendError(e: unknown): SendError {
  if (e instanceof SendError) return e;
  const failure = (typeof e === 'object' && e !== null ? e : {}) as ConnectorFailure;
  const status = typeof failure.statusCode === 'number' ? failure.statusCode : 0;
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const message = typeof failure.message === 'string' ? failure.message : 'the Bot Connector did not accept the message';
  return new SendError(status, message, retryAfterMs(failure.response?.headers?.get?.('retry-after')), code);
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
