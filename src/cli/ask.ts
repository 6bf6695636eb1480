/**
 * `guardian ask "<text>" [--json]` and `guardian ask --jsonl`: what the bot's router makes of a message — the same
 * routing the bot uses — as human text or JSON. With --jsonl, one message per stdin line, one JSON object per
 * stdout line; stdout carries only JSON.
 */
import * as readline from 'node:readline';
import { checkById } from '../checks/registry';
import type { RouteResult } from '../dialogs/feature';
import { loadKnowledge } from '../knowledge/content';
import { offTopicMarkdown } from '../knowledge/answer-text';
import { createRouter, type Router } from '../knowledge/router';
import { sanitizeMessageText } from '../security/input';
import { handleIntent, type IntentHandlers } from '../routing/handlers';
import { intentOf } from '../routing/intent';
import { UsageError, type CliCommand, type CliIO, type ExitCode } from './command';

const USAGE = `Usage: guardian ask "<message>" [--json]
       guardian ask --jsonl < messages.txt

Shows how Baseline Guardian understands a message: a command, a check (scan) request, a baseline question
(with the answer) or none of these.

Options:
  --json    print { intent, questionId?, check?, target?, command?, args?, confidence, answer, suggestions? }
  --jsonl   read one message per line on stdin and write one JSON object per line (a blank line gives
            intent none; a line over 4 KB gives intent none with an "error", as the bot refuses it)`;

export interface AskJson {
  readonly intent: RouteResult['intent'];
  readonly questionId?: string;
  readonly check?: string;
  readonly target?: string;
  readonly command?: string;
  readonly args?: string;
  readonly confidence: number;
  readonly answer: string | null;
  readonly suggestions?: readonly { readonly id: string; readonly title: string }[];
  /** Why the message was not routed (too long for the bot). */
  readonly error?: string;
}

export function toAskJson(route: RouteResult): AskJson {
  return {
    intent: route.intent,
    ...(route.questionId !== undefined ? { questionId: route.questionId } : {}),
    ...(route.check !== undefined ? { check: route.check } : {}),
    ...(route.target !== undefined ? { target: route.target } : {}),
    ...(route.command !== undefined ? { command: route.command } : {}),
    ...(route.args !== undefined ? { args: route.args } : {}),
    confidence: route.confidence,
    answer: route.answer ?? null,
    ...(route.suggestions !== undefined ? { suggestions: route.suggestions } : {}),
  };
}

/** What `guardian ask` prints for a routed message, one handler per intent (src/routing). */
const HUMAN_TEXT: IntentHandlers<string> = {
  command: ({ command, args, target }) => `Command: ${command}${args ? ` (${args})` : ''}${target !== undefined ? ` → ${target}` : ''}`,
  check: ({ check, target }) => `Check request: ${check} checks${target !== undefined ? ` on ${target}` : ' (no target named)'}`,
  question: ({ questionId, confidence, answer }) => `Question ${questionId} (confidence ${confidence})\n\n${answer}`,
  // A guess is never shown as the answer: below the threshold the router names no question, only suggestions.
  'not-sure': ({ suggestions, confidence }) =>
    `Not sure what you mean (confidence ${confidence}). The closest answers:\n${suggestions.map((s) => `- ${s.id}: ${s.title}`).join('\n')}\n\nAsk again with more detail, or by id: guardian ask "<id>".`,
  none: ({ answer }) => answer,
};

export function askHumanText(route: RouteResult): string {
  return handleIntent(intentOf(route), HUMAN_TEXT, undefined);
}

/**
 * A message as the bot would route it: over-size text is refused (the bot answers with the same reason and routes
 * nothing), control, zero-width and bidi characters are removed first. An empty message is intent none.
 */
export function routeLikeTheBot(router: Router, raw: string): AskJson {
  const checked = sanitizeMessageText(raw);
  if (!checked.ok) return { intent: 'none', confidence: 1, answer: null, error: checked.reason };
  if (checked.text.length === 0) return { intent: 'none', confidence: 1, answer: offTopicMarkdown() };
  return toAskJson(router.route(checked.text));
}

/** One output line per input line, blank lines included, so that outputs stay aligned with inputs. */
async function runJsonl(router: Router, io: CliIO): Promise<ExitCode> {
  const lines = readline.createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
  for await (const line of lines) io.stdout.write(`${JSON.stringify(routeLikeTheBot(router, line))}\n`);
  return 0;
}

async function runAsk(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const flags = args.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--json' && f !== '--jsonl');
  if (unknown.length > 0) throw new UsageError(`Unknown option for ask: ${unknown.join(' ')}`);
  const text = args.filter((a) => !a.startsWith('--')).join(' ').trim();
  const jsonl = flags.includes('--jsonl');
  if (jsonl && text.length > 0) throw new UsageError('--jsonl reads messages from stdin; do not pass a message as well.');
  if (!jsonl && text.length === 0) throw new UsageError('Give the message to route, in quotes, or use --jsonl.');
  const router = createRouter(loadKnowledge(), { describeCheck: checkById });
  if (jsonl) return runJsonl(router, io);
  const checked = sanitizeMessageText(text);
  if (!checked.ok) {
    io.stdout.write(flags.includes('--json') ? `${JSON.stringify(routeLikeTheBot(router, text), null, 2)}\n` : `${checked.reason}\n`);
    return 0;
  }
  const route = router.route(checked.text);
  io.stdout.write(flags.includes('--json') ? `${JSON.stringify(toAskJson(route), null, 2)}\n` : `${askHumanText(route)}\n`);
  return 0;
}

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'Route a message like the bot does: command, check request, baseline question (with the answer) or none.',
  usage: USAGE,
  run: runAsk,
};
