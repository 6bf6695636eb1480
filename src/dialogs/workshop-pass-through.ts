/**
 * While a workshop prompt is waiting for an answer, every message is an answer — "Check the workspace network:
 * turn off public network access…" and "Watch the workspace daily and review RBAC…" are answers, not a scan or
 * a watch. Only these short, exact commands pass through to the rest of the bot:
 *
 * - workshop controls of at most four words: skip, next, back, repeat, pause, continue, stop workshop,
 *   workshop status, "I don't know" (= skip) …;
 * - `help` and the other exact help phrases ("?", "commands", "what can you do");
 * - `reset`, "forget me", "delete my data" (the reset feature asks for confirmation first);
 * - `scan <workspace>` of at most three words ("scan sample", "scan the sample", "scan ws-prod").
 *
 * Anything longer, or any other command, is graded as the answer to the current prompt.
 */
import type { RouteResult } from './feature';
import { cleanMessage, normalizeForMatching } from '../knowledge/message-text';

/** Longest workshop command that still counts as one ("stop the workshop now"). */
const MAX_CONTROL_WORDS = 4;
/** "scan sample", "scan the sample", "rescan ws-prod". */
const MAX_SCAN_WORDS = 3;

export function passesThroughWorkshop(text: string, route: RouteResult): boolean {
  const words = normalizeForMatching(cleanMessage(text)).split(/\s+/).filter((w) => w.length > 0);
  if (route.intent === 'command') {
    if (route.command === 'reset' || route.command === 'help') return true;
    return route.command === 'workshop' && words.length <= MAX_CONTROL_WORDS;
  }
  if (route.intent === 'check') return /^(scan|rescan)$/.test(words[0] ?? '') && words.length <= MAX_SCAN_WORDS;
  return false;
}
