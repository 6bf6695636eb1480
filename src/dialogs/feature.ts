/**
 * How conversation features plug into the bot. The bot routes each message to one `Intent` (src/routing) and
 * decides, by one rule (turn-precedence.ts), whether it is a command or free text; free text goes first to a
 * feature waiting for an answer (`onFreeText`); otherwise the intent's handler runs. Each feature exposes the
 * handlers it owns as a typed part of the maps (`commands: Pick<TurnCommandHandlers, 'watch' | …>`, `intents`),
 * and conversation.ts assembles the complete maps, which the compiler checks for a handler per command and kind.
 * Card actions go to the feature whose name prefixes the verb (`scan.recheck` → scan).
 * Features keep their own state in the GuardianStore, keyed by conversation and user.
 */
import type { AccountPort, AdaptiveCard, TurnPort } from './port';
import type { RouteResult } from '../knowledge/route-result';
import type { CommandHandlers, IntentHandlers } from '../routing/handlers';

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

/** What a message handler gets besides its intent: the turn's port, the message, and the account of this turn. */
export interface MessageTurn {
  readonly port: TurnPort;
  readonly message: IncomingMessage;
  /** What signin / signout do in this turn (the bot's own commands). */
  readonly account: AccountPort;
}

/** The complete maps of a chat turn: one handler per intent kind, and per command. */
export type TurnIntentHandlers = IntentHandlers<Promise<void>, MessageTurn>;
export type TurnCommandHandlers = CommandHandlers<Promise<void>, MessageTurn>;

export interface Feature {
  /** Also the verb prefix of its card actions: `scan` owns `scan.*`. */
  readonly name: string;
  /**
   * Free text while this feature waits for an answer (a workshop prompt, the lab's parameters): returns true when
   * it took it as that answer. Only free text gets here (turn-precedence.ts): commands and buttons never do.
   */
  onFreeText?(port: TurnPort, message: IncomingMessage): Promise<boolean>;
  /**
   * The user did something other than answer this feature's question: a command, a button, a message no pending
   * prompt took. A feature that waits for one typed reply stops waiting here, so that the most recent prompt wins.
   */
  forgetAwaitedReply?(port: TurnPort): Promise<void>;
  /** The commands this feature answers: its part of the command map (conversation.ts assembles the whole). */
  readonly commands?: Partial<TurnCommandHandlers>;
  /** The other intents this feature answers (a check request, a question…). */
  readonly intents?: Partial<Omit<TurnIntentHandlers, 'command'>>;
  onAction?(port: TurnPort, action: CardAction): Promise<ActionResult>;
}
