/**
 * `guardian ask "<text>" [--json]` and `guardian ask --jsonl`: what the bot's router makes of a message — the same
 * routing the bot uses — as human text or JSON. With --jsonl, one message per stdin line, one JSON object per
 * stdout line; stdout carries only JSON.
 */
import * as readline from 'node:readline';
import type { RouteResult } from '../dialogs/feature';
import { loadKnowledge } from '../knowledge/content';
import { createRouter, type Router } from '../knowledge/router';
import { UsageError, type CliCommand, type CliIO, type ExitCode } from './command';

const USAGE = `Usage: guardian ask "<message>" [--json]
       guardian ask --jsonl < messages.txt

Shows how Baseline Guardian understands a message: a command, a check (scan) request, a baseline question
(with the answer) or none of these.

Options:
  --json    print { intent, questionId?, check?, target?, command?, args?, confidence, answer, suggestions? }
  --jsonl   read one message per line on stdin and write one JSON object per line`;

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

function humanText(route: RouteResult): string {
  switch (route.intent) {
    case 'command':
      return `Command: ${route.command ?? ''}${route.args ? ` (${route.args})` : ''}${route.target !== undefined ? ` → ${route.target}` : ''}`;
    case 'check':
      return `Check request: ${route.check ?? 'all'} checks${route.target !== undefined ? ` on ${route.target}` : ' (no target named)'}`;
    case 'question': {
      const header = `Question ${route.questionId ?? ''} (confidence ${route.confidence})`;
      return `${header}\n\n${route.answer ?? ''}`;
    }
    case 'none':
      return route.answer ?? '';
  }
}

async function runJsonl(router: Router, io: CliIO): Promise<ExitCode> {
  const lines = readline.createInterface({ input: io.stdin, terminal: false });
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    io.stdout.write(`${JSON.stringify(toAskJson(router.route(line)))}\n`);
  }
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
  const router = createRouter(loadKnowledge());
  if (jsonl) return runJsonl(router, io);
  const route = router.route(text);
  io.stdout.write(flags.includes('--json') ? `${JSON.stringify(toAskJson(route), null, 2)}\n` : `${humanText(route)}\n`);
  return 0;
}

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'Route a message like the bot does: command, check request, baseline question (with the answer) or none.',
  usage: USAGE,
  run: runAsk,
};
