/**
 * The conversation: what every chat message does, assembled here once from the features' parts. A message is
 * routed to one `Intent` (src/routing); free text first goes to a pending prompt (turn-precedence.ts); otherwise
 * `handleIntent` runs the intent kind's handler, and the `command` handler runs `handleCommand` over one map with a
 * handler per command of the command table (src/knowledge/commands/table.ts). Both maps are complete or this file
 * does not compile: a command added to the table, or an intent kind added to `Intent`, asks for its handler here.
 *
 * Rules that involve more than one feature are written here, where they can be seen, not as an order of features.
 */
import type { Feature, TurnCommandHandlers, TurnIntentHandlers } from './feature';
import { showHelp, showNotUnderstood } from './help';
import { handleCommand } from '../routing/handlers';
import type { WorkshopFeature } from './workshop';
import type { LabFeature } from './lab';
import { parseLabCommand, type LabCommand } from '../lab/commands';
import { cleanMessage } from '../knowledge/message-text';

/** What the bot needs of the conversation. */
export interface Conversation {
  /**
   * Free text is offered to their `onFreeText` first, in this order (turn-precedence.ts); card actions go to the
   * feature whose name prefixes the verb.
   */
  readonly features: readonly Feature[];
  /** One handler per intent kind; `command` runs one handler per command. */
  readonly intents: TurnIntentHandlers;
}

/** A feature with exactly these commands: the spreads below then say precisely which handlers each brings. */
type With<C extends keyof TurnCommandHandlers> = Omit<Feature, 'commands'> & { readonly commands: Pick<TurnCommandHandlers, C> };
type Answers<K extends keyof Omit<TurnIntentHandlers, 'command'>> = Omit<Feature, 'intents'> & { readonly intents: Pick<TurnIntentHandlers, K> };

/** The product's features, each with the handlers it owns. */
export interface ConversationFeatures {
  readonly reset: With<'reset'>;
  readonly workshop: WorkshopFeature;
  readonly lab: LabFeature;
  readonly sample: With<'sample'>;
  readonly watch: With<'watch' | 'unwatch' | 'watches'>;
  readonly baseline: With<'baseline'>;
  readonly link: With<'link' | 'unlink'>;
  readonly exceptions: With<'accept' | 'exceptions'>;
  readonly scan: Answers<'check'>;
  readonly checks: With<'checks'>;
  readonly qna: Answers<'question' | 'not-sure' | 'none'>;
}

/** The bot's own commands (src/bot/account.ts): signing in belongs to the bot's OAuth connection, per turn. */
export type AccountCommandHandlers = Pick<TurnCommandHandlers, 'signin' | 'signout'>;

/** Lab commands that take the conversation over (start, continue, move): reading the lab's status or a hint does not. */
const TAKES_OVER_THE_CONVERSATION: ReadonlySet<LabCommand['kind']> = new Set(['start', 'continue', 'goto', 'next', 'back', 'skip']);
/** Bare words both guided activities understand ("next", "skip", "status"…): whose they are depends on which is on. */
const SHARED_CONTROL_WORDS: ReadonlySet<LabCommand['kind']> = new Set(['next', 'skip', 'continue', 'back', 'pause', 'status']);

export function assembleConversation(features: ConversationFeatures, account: AccountCommandHandlers): Conversation {
  const { reset, workshop, lab, sample, watch, baseline, link, exceptions, scan, checks, qna } = features;
  // Starting, continuing or moving in the lab takes over the conversation: a workshop question still waiting for
  // its answer is paused first, visibly ("I paused it at question 3"), then the lab runs.
  const runLab: TurnCommandHandlers['lab'] = async (intent, turn) => {
    if (TAKES_OVER_THE_CONVERSATION.has(parseLabCommand(intent.args).kind)) await workshop.pauseForAnotherActivity(turn.port);
    await lab.commands.lab(intent, turn);
  };
  const commands = {
    help: (_intent, { port }) => showHelp(port),
    ...reset.commands,
    // A bare "next", "skip", "continue", "back", "pause" or "status" is the workshop's while one of its questions
    // waits for an answer, else the lab's when the learner is in the lab (like the lab's own buttons).
    workshop: async (intent, turn) => {
      const text = cleanMessage(turn.message.text);
      if (SHARED_CONTROL_WORDS.has(parseLabCommand(text).kind) && !(await workshop.promptPending(turn.port)) && (await lab.inProgress(turn.port))) {
        return runLab({ kind: 'command', command: 'lab', args: text }, turn);
      }
      return workshop.commands.workshop(intent, turn);
    },
    lab: runLab,
    ...sample.commands,
    ...watch.commands,
    ...baseline.commands,
    ...link.commands,
    ...exceptions.commands,
    ...checks.commands,
    ...account,
  } satisfies TurnCommandHandlers;
  const intents = {
    command: (intent, turn) => handleCommand(intent, commands, turn),
    ...scan.intents,
    ...qna.intents,
  } satisfies TurnIntentHandlers;
  return {
    // The lab before a pending workshop question: it takes only the input it asked for, and only until the user
    // does something else (the most recent prompt wins), or a message that is nothing but lab parameters.
    features: [reset, lab, workshop, sample, watch, baseline, link, exceptions, scan, checks, qna],
    intents,
  };
}

/**
 * A conversation without features (tests, a bot built without the product): "help" shows the help card, anything
 * else the help card under "I did not catch that".
 */
export const helpOnlyConversation: Conversation = {
  features: [],
  intents: {
    command: (intent, { port }) => (intent.command === 'help' ? showHelp(port) : showNotUnderstood(port)),
    check: (_intent, { port }) => showNotUnderstood(port),
    question: (_intent, { port }) => showNotUnderstood(port),
    'not-sure': (_intent, { port }) => showNotUnderstood(port),
    none: (_intent, { port }) => showNotUnderstood(port),
  },
};
