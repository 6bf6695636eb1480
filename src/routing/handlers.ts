/**
 * Handlers registered by intent kind, in a map the compiler checks for exhaustiveness: `IntentHandlers<R>` has one
 * required member per kind, so adding a kind to `Intent` (or forgetting one) is a compile error wherever a map is
 * declared, not a message answered "I did not catch that" at run time. The same holds per command name.
 */
import type { CommandName, Intent, IntentKind } from './intent';

/** One handler per intent kind, each receiving exactly its kind's shape. */
export type IntentHandlers<R> = { readonly [K in IntentKind]: (intent: Extract<Intent, { kind: K }>) => R };

export type CommandIntent = Extract<Intent, { kind: 'command' }>;

/** One handler per command name. */
export type CommandHandlers<R> = { readonly [C in CommandName]: (intent: CommandIntent & { readonly command: C }) => R };

/** Runs the handler registered for the intent's kind. */
export function handleIntent<R>(intent: Intent, handlers: IntentHandlers<R>): R {
  switch (intent.kind) {
    case 'command':
      return handlers.command(intent);
    case 'check':
      return handlers.check(intent);
    case 'question':
      return handlers.question(intent);
    case 'not-sure':
      return handlers['not-sure'](intent);
    case 'none':
      return handlers.none(intent);
  }
}

/** Runs the handler registered for the command's name. */
export function handleCommand<R, C extends CommandName>(intent: CommandIntent & { readonly command: C }, handlers: CommandHandlers<R>): R {
  return handlers[intent.command](intent);
}
