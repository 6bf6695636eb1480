/**
 * Handlers registered by intent kind, in a map the compiler checks for exhaustiveness: `IntentHandlers<R, C>` has
 * one required member per kind, so adding a kind to `Intent` (or forgetting one) is a compile error wherever a map
 * is declared, not a message answered "I did not catch that" at run time. The same holds per command name: the
 * names come from the command table (src/knowledge/commands/table.ts), so a command added there without a handler
 * does not compile.
 *
 * `C` is what a handler gets besides the intent: the turn (port and message) in the bot, nothing in `guardian ask`.
 */
import type { CommandName, Intent, IntentKind } from './intent';

/** The handler of one intent kind, receiving exactly its kind's shape. */
export type IntentHandler<K extends IntentKind, R, C = void> = (intent: Extract<Intent, { kind: K }>, context: C) => R;

/** One handler per intent kind. */
export type IntentHandlers<R, C = void> = { readonly [K in IntentKind]: IntentHandler<K, R, C> };

export type CommandIntent = Extract<Intent, { kind: 'command' }>;

/** The handler of one command, receiving its intent with the command's name. */
export type CommandHandler<N extends CommandName, R, C = void> = (intent: CommandIntent & { readonly command: N }, context: C) => R;

/** One handler per command name. */
export type CommandHandlers<R, C = void> = { readonly [N in CommandName]: CommandHandler<N, R, C> };

/** Runs the handler registered for the intent's kind. */
export function handleIntent<R, C>(intent: Intent, handlers: IntentHandlers<R, C>, context: C): R {
  switch (intent.kind) {
    case 'command':
      return handlers.command(intent, context);
    case 'check':
      return handlers.check(intent, context);
    case 'question':
      return handlers.question(intent, context);
    case 'not-sure':
      return handlers['not-sure'](intent, context);
    case 'none':
      return handlers.none(intent, context);
  }
}

/** Runs the handler registered for the command's name. */
export function handleCommand<R, C, N extends CommandName>(intent: CommandIntent & { readonly command: N }, handlers: CommandHandlers<R, C>, context: C): R {
  return handlers[intent.command](intent, context);
}
