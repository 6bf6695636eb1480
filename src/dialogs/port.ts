/**
 * The narrow view of a turn that dialogs use. `src/bot/` implements it over teams-ai's TurnContext, tests
 * implement it in memory; dialogs never see the bot SDK.
 */
import type { AdaptiveCard } from '../cards/card';
import type { ConversationInfo } from '../shared/conversation';

/** An Adaptive Card (schema 1.5) as plain JSON: declared with the cards, below every layer that sends one. */
export type { AdaptiveCard } from '../cards/card';

/** Who the turn acts for: declared below the dialogs (the security layer decides on it too). */
export type { ConversationInfo, ConversationType } from '../shared/conversation';

/** A next step offered under a message (Teams "suggested actions"): clicking it sends `text` as the user. */
export interface Suggestion {
  readonly title: string;
  readonly text: string;
}

/** Teams shows a few suggested actions well; more crowd the compose box. */
export const MAX_SUGGESTIONS = 3;

export interface TurnPort {
  readonly conversation: ConversationInfo;
  sendText(text: string): Promise<void>;
  /**
   * Sends a card; returns the activity id so that it can be updated in place. `suggestions` (at most three are
   * shown, in a personal chat only: Teams shows none elsewhere) are the next steps offered under it.
   */
  sendCard(card: AdaptiveCard, summaryText?: string, suggestions?: readonly Suggestion[]): Promise<string>;
  updateCard(activityId: string, card: AdaptiveCard): Promise<void>;
  /** Shows the typing indicator (work that takes longer than a moment). */
  typing(): Promise<void>;
}

/** A Bot Framework attachment other than an Adaptive Card (Teams file consent and file info cards), as plain JSON. */
/** The user's Azure account in this turn: what `signin` / `signout` do (one sentence each). The bot implements it. */
export interface AccountPort {
  signIn(): Promise<string>;
  signOut(): Promise<string>;
}

export interface MessageAttachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content?: unknown;
}

/**
 * Optional capability of a port: send a message carrying a non-card attachment. The bot's port has it (Teams'
 * file-consent flow uses it); in-memory ports need not. Features keep using TurnPort; only src/bot asks for this.
 */
export interface AttachmentPort extends TurnPort {
  /** Sends one message with `attachment` (and `text` above it); returns the activity id. */
  sendAttachment(attachment: MessageAttachment, text?: string): Promise<string>;
}

export function canSendAttachments(port: TurnPort): port is AttachmentPort {
  return 'sendAttachment' in port && typeof port.sendAttachment === 'function';
}
