/**
 * Who gets a message — one rule, for every feature:
 *
 *  1. A button (a card action, including the welcome card's *Start the lab*) runs what it stands for. It is never
 *     anyone's free-text answer.
 *  2. A typed command runs: a message the router took for a command, or for a scan that starts with "scan", and
 *     that is short enough to be only that — "start lab", "sign out", "checks", "skip", "scan sample".
 *  3. Anything else is free text: the answer to a pending prompt when a feature waits for one (the workshop's
 *     question), else whatever the router made of it.
 *
 * So with a workshop prompt open, "start lab" starts the lab, while "Watch the workspace daily and review RBAC
 * monthly with PIM" — which the router alone would take for a watch command — is graded as the answer.
 */
import type { Feature, IncomingMessage, RouteResult } from './feature';
import type { TurnPort } from './port';
import { cleanMessage, normalizeForMatching } from '../knowledge/message-text';

/** `command`: runs whatever is pending (rule 1 or 2). `free-text`: may answer a pending prompt (rule 3). */
export type MessageKind = 'command' | 'free-text';

/** Where a message came from: typed, or the text a button stands for. */
export type MessageSource = 'typed' | 'button';

/** The longest typed command that is still only a command ("stop the workshop now", "what do we watch"). */
export const MAX_COMMAND_WORDS = 4;
/** "scan sample", "scan the sample", "rescan ws-prod". */
const MAX_SCAN_WORDS = 3;

export function messageKind(text: string, route: RouteResult, source: MessageSource = 'typed'): MessageKind {
  if (source === 'button') return 'command';
  const words = normalizeForMatching(cleanMessage(text)).split(/\s+/).filter((w) => w.length > 0);
  if (route.intent === 'command' && words.length <= MAX_COMMAND_WORDS) return 'command';
  if (route.intent === 'check' && /^(scan|rescan)$/.test(words[0] ?? '') && words.length <= MAX_SCAN_WORDS) return 'command';
  return 'free-text';
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
