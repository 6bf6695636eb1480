/**
 * Who gets a message — one rule, for every feature:
 *
 *  1. A button (a card action, including the welcome card's *Start the lab*) runs what it stands for. It is never
 *     anyone's free-text answer.
 *  2. A typed message runs as a command when it is well-formed as the command the router took it for: its
 *     arguments parse completely ("watch sample daily at 08:00", "accept AML-NET-010 on sample for 30 days: testing",
 *     "lab exercise 2", "check rbac on sample"), or it is only a short command without arguments to parse
 *     ("skip", "sign out", "please stop the workshop now" — politeness does not count).
 *  3. Anything else is free text: the answer to a pending prompt when a feature waits for one (the workshop's
 *     question), else whatever the router made of it — a command whose arguments do not parse still gets that
 *     command's usage when nothing is pending.
 *
 * So with a workshop prompt open, "start lab" starts the lab, while "watch the activity logs" or "Watch the
 * workspace daily and review RBAC monthly with PIM" — which the router alone takes for a watch without a schedule —
 * is graded as the answer.
 */
import type { Feature, IncomingMessage, RouteResult } from './feature';
import type { TurnPort } from './port';
import type { CommandName } from '../knowledge/commands/table';
import { cleanMessage, normalizeForMatching } from '../knowledge/message-text';
import { parseLabCommand } from '../lab/commands';
import { parseWatchCommand } from '../notifications/watch-command';
import { parseAcceptCommand } from '../exceptions/command';
import { namesOneScope } from './link';

/** `command`: runs whatever is pending (rule 1 or 2). `free-text`: may answer a pending prompt (rule 3). */
export type MessageKind = 'command' | 'free-text';

/** Where a message came from: typed, or the text a button stands for. */
export type MessageSource = 'typed' | 'button';

/** The longest command without an argument grammar that is still only a command ("what do we watch", "my baseline"). */
export const MAX_COMMAND_WORDS = 4;
/** The longest check request that is only that: "defender status for subscription <guid>", "scan the sample workspace". */
const MAX_CHECK_WORDS = 6;
/** A scan without a target: "scan", "rescan it", "scan it again". */
const MAX_SCAN_WORDS = 3;

/** Words that ask politely and add nothing to a command: "can we pause the workshop please". */
const POLITE_START = /^(?:(?:please|pls|ok|okay|now|then|so|can we|could we|can you|could you|can i|let'?s|lets|i want to|i'd like to|i would like to|we want to|go ahead and)\s+)+/;
const POLITE_END = /(?:\s+(?:please|pls|now|thanks|thank you|right now))+$/;

/** Commands whose arguments have a grammar: with arguments, they are commands only when the arguments parse. */
const ARGUMENTS_PARSE: Partial<Record<CommandName, (args: string) => boolean>> = {
  watch: (args) => parseWatchCommand(`watch ${args}`).kind === 'watch',
  unwatch: (args) => parseWatchCommand(`unwatch ${args}`).kind === 'unwatch',
  accept: (args) => parseAcceptCommand(args).ok,
  link: namesOneScope,
  lab: (args) => parseLabCommand(args).kind !== 'unknown',
};

export function messageKind(text: string, route: RouteResult, source: MessageSource = 'typed'): MessageKind {
  if (source === 'button') return 'command';
  const words = normalizeForMatching(cleanMessage(text)).replace(POLITE_START, '').replace(POLITE_END, '').split(/\s+/).filter((w) => w.length > 0);
  return isWellFormedCommand(route, words) ? 'command' : 'free-text';
}

function isWellFormedCommand(route: RouteResult, words: readonly string[]): boolean {
  // A check request names where to check ("check rbac on sample"), or is only a scan word ("rescan", "scan it").
  if (route.intent === 'check') return route.target !== undefined ? words.length <= MAX_CHECK_WORDS : /^(scan|rescan)$/.test(words[0] ?? '') && words.length <= MAX_SCAN_WORDS;
  if (route.intent !== 'command' || route.command === undefined) return false;
  const args = (route.args ?? '').trim();
  const grammar = ARGUMENTS_PARSE[route.command];
  if (grammar !== undefined && args !== '') return grammar(args);
  return words.length <= MAX_COMMAND_WORDS;
}

/** The kind the bot set on the message; a feature called directly (tests, the CLI chat) gets it from the text. */
export function kindOf(message: IncomingMessage): MessageKind {
  return message.kind ?? messageKind(message.text, message.route);
}

/**
 * Rule 3: free text goes first to a feature waiting for an answer (its `onFreeText`); true when one took it as that
 * answer. Anything else — and free text no prompt waits for — goes to the handler of its intent.
 */
export async function answersPendingPrompt(features: readonly Feature[], port: TurnPort, message: IncomingMessage): Promise<boolean> {
  if (kindOf(message) !== 'free-text') return false;
  for (const feature of features) {
    if (feature.onFreeText !== undefined && (await feature.onFreeText(port, message))) return true;
  }
  return false;
}
