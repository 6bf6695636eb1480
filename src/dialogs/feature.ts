/**
 * How conversation features plug into the bot. The bot routes each message (see RouteResult) and decides, by one
 * rule (turn-precedence.ts), whether it is a command or free text; free text goes first to a feature waiting for
 * an answer (`onFreeText`), then every message to the features in order (`onMessage`); card actions go to the
 * feature whose name prefixes the verb (`scan.recheck` → scan).
 * Features keep their own state in the GuardianStore, keyed by conversation and user.
 */
import type { AdaptiveCard, TurnPort } from './port';
import type { RouteResult } from '../knowledge/route-result';

export type { RouteResult };

export interface IncomingMessage {
  /** The text with any @mention of the bot removed, trimmed. */
  readonly text: string;
  readonly route: RouteResult;
  /**
   * A command (runs before any pending prompt) or free text (may answer one): turn-precedence.ts, set by the bot.
   * Absent when a feature is called directly; `kindOf` then reads it from the text.
   */
  readonly kind?: 'command' | 'free-text';
}

/** A card action after the bot has checked its shape: verb plus a plain-object payload. */
export interface CardAction {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** `execute` (Action.Execute invoke: may return a card that replaces the one clicked) or `submit` (Action.Submit). */
  readonly via: 'execute' | 'submit';
  /** The message holding the clicked card (the activity's replyToId), so that a long action can show progress on it. */
  readonly messageId?: string;
}

export type ActionResult =
  /** Replace the clicked card with this one (Action.Execute) or send it (Action.Submit). */
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  /** The feature already replied through the port. */
  | { readonly kind: 'handled' }
  /** A short answer for the user (stale or forged action data, etc.). */
  | { readonly kind: 'text'; readonly text: string };

export interface Feature {
  /** Also the verb prefix of its card actions: `scan` owns `scan.*`. */
  readonly name: string;
  /**
   * Free text while this feature waits for an answer (a workshop prompt): returns true when it took it as that
   * answer. Offered before `onMessage`, and only free text (turn-precedence.ts): commands and buttons never get here.
   */
  onFreeText?(port: TurnPort, message: IncomingMessage): Promise<boolean>;
  /** Returns true when it handled the message (a command, a question, a scan request…). */
  onMessage?(port: TurnPort, message: IncomingMessage): Promise<boolean>;
  onAction?(port: TurnPort, action: CardAction): Promise<ActionResult>;
}
