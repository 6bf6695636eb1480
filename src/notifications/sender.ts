/**
 * The port through which notifications post to Teams. src/bot implements it over
 * `adapter.continueConversationAsync`; notifications never see the bot SDK.
 */
import type { AdaptiveCard } from '../cards/card';

/** A botbuilder ConversationReference as stored JSON (the bot saves one per conversation). */
export interface ConversationRefJson {
  readonly conversation: { readonly id: string; readonly [key: string]: unknown };
  readonly serviceUrl?: string;
  readonly channelId?: string;
  readonly [key: string]: unknown;
}

export interface ProactiveSender {
  /** Posts a card (and optional summary text) into the conversation. Throws SendError when the connector refuses. */
  send(conversationRef: ConversationRefJson, card: AdaptiveCard, text?: string): Promise<void>;
}

/** A failed send as the connector answered it. */
export class SendError extends Error {
  override readonly name = 'SendError';
  constructor(
    /** HTTP status from the Bot Connector; 0 for a network failure before any answer. */
    readonly status: number,
    message: string,
    /** From a Retry-After header, when the connector sent one. */
    readonly retryAfterMs?: number,
    /** Connector error code, e.g. `MessageWritesBlocked`, `BotNotInConversationRoster`. */
    readonly code?: string,
  ) {
    super(message);
  }
}

export function isConversationRef(value: unknown): value is ConversationRefJson {
  if (typeof value !== 'object' || value === null) return false;
  const conversation = (value as { conversation?: unknown }).conversation;
  return typeof conversation === 'object' && conversation !== null && typeof (conversation as { id?: unknown }).id === 'string';
}
