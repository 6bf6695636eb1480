/**
 * Features driven as the bot drives them, for tests that use one feature, or a few, without the product's assembled
 * conversation: free text to a pending prompt first (turn-precedence.ts), then the feature's handler for the
 * message's intent.
 */
import { botIdentityAccount } from '../../src/bot/account';
import type { Conversation } from '../../src/dialogs/conversation';
import type { Feature, IncomingMessage, MessageTurn, TurnCommandHandlers } from '../../src/dialogs/feature';
import { showHelp, showNotUnderstood } from '../../src/dialogs/help';
import type { TurnPort } from '../../src/dialogs/port';
import { answersPendingPrompt } from '../../src/dialogs/turn-precedence';
import { forgetAwaitedReplies } from '../../src/dialogs/awaited-replies';
import { handleIntent, type CommandIntent, type IntentHandlers } from '../../src/routing/handlers';
import { intentOf, type CommandName, type Intent } from '../../src/routing/intent';

/** Runs `handler` when there is one; false when the feature has none for this message. */
async function run<I>(handler: ((intent: I, turn: MessageTurn) => Promise<void>) | undefined, intent: I, turn: MessageTurn): Promise<boolean> {
  if (handler === undefined) return false;
  await handler(intent, turn);
  return true;
}

function runCommand<N extends CommandName>(handlers: Partial<TurnCommandHandlers> | undefined, intent: CommandIntent & { readonly command: N }, turn: MessageTurn): Promise<boolean> {
  return run(handlers?.[intent.command], intent, turn);
}

/** The feature's handler for `intent`, if it has one: true when it ran. */
function handleWith(feature: Feature, intent: Intent, turn: MessageTurn): Promise<boolean> {
  const handlers: IntentHandlers<Promise<boolean>, MessageTurn> = {
    command: (i, t) => runCommand(feature.commands, i, t),
    check: (i, t) => run(feature.intents?.check, i, t),
    question: (i, t) => run(feature.intents?.question, i, t),
    'not-sure': (i, t) => run(feature.intents?.['not-sure'], i, t),
    none: (i, t) => run(feature.intents?.none, i, t),
  };
  return handleIntent(intent, handlers, turn);
}

/**
 * A message offered to one feature as the bot offers it: free text to its pending prompt first, then (the wait for
 * any other reply over) its handler for the message's intent. False when the feature has neither (the message is another feature's).
 */
export async function offer(feature: Feature, port: TurnPort, message: IncomingMessage, account = botIdentityAccount): Promise<boolean> {
  if (await answersPendingPrompt([feature], port, message)) return true;
  await forgetAwaitedReplies([feature], port);
  return handleWith(feature, intentOf(message.route), { port, message, account });
}

/**
 * A conversation over some features (the first with a handler for the intent runs it) that falls back as the bot
 * without features does: the help card, under "I did not catch that" unless help was asked for.
 */
export function testConversation(features: readonly Feature[]): Conversation {
  const first = async (intent: Intent, turn: MessageTurn): Promise<void> => {
    for (const feature of features) if (await handleWith(feature, intent, turn)) return;
    await (intent.kind === 'command' && intent.command === 'help' ? showHelp(turn.port) : showNotUnderstood(turn.port));
  };
  return { features, intents: { command: first, check: first, question: first, 'not-sure': first, none: first } };
}

/** A feature that answers every message the default router makes (help, or none) with `handle`: bot-level tests. */
export function answeringEveryMessage(name: string, handle: (turn: MessageTurn) => Promise<void>): Feature {
  const answer = (_intent: unknown, turn: MessageTurn): Promise<void> => handle(turn);
  return { name, commands: { help: answer }, intents: { check: answer, question: answer, 'not-sure': answer, none: answer } };
}
