/**
 * Routing benchmark: runs the router over the labelled sets and prints intent accuracy, question-id accuracy,
 * out-of-scope accuracy, check/target accuracy, command accuracy, an intent confusion table, the misses and latency.
 * Sets: bench/routing-set.jsonl (tuned on), routing-holdout.jsonl (held out), routing-fresh.jsonl (frozen, written
 * by someone who never saw the others; its rows carry a `family`, reported one by one), and
 * test/fixtures/routing-eval-2026-12.jsonl (frozen, written before any tuning; its misses only with --misses).
 * Run: npx tsx bench/routing.ts [--misses] [--fresh] [--eval]  (held-out and fresh misses are always listed)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/content';
import { createRouter } from '../src/knowledge/router';
import type { RouteResult } from '../src/dialogs/feature';

export interface LabelledMessage {
  readonly text: string;
  readonly intent: RouteResult['intent'];
  readonly questionId?: string;
  readonly check?: string;
  readonly target?: string;
  readonly command?: string;
  /** For commands whose arguments matter (the lab's): the exact `args` expected. */
  readonly args?: string;
  /** The fresh set's kind of message: paraphrase, typo, mention, live-check, out-of-scope, command. */
  readonly family?: string;
}

export interface Tally {
  readonly total: number;
  readonly right: number;
}

export interface RoutingScore {
  readonly total: number;
  readonly intentAccuracy: number;
  readonly questionAccuracy: number;
  readonly checkAccuracy: number;
  readonly commandAccuracy: number;
  /** Share of the messages labelled `none` (outside the baseline) that the router routed to none. */
  readonly outOfScopeAccuracy: number;
  /**
   * Questions answered "not sure" whose first suggestion is the labelled id: counted wrong above (the user gets
   * suggestions, not the answer), listed here to show how close they came.
   */
  readonly questionsNotSure: number;
  /** Whole-message correctness per `family` label (fresh set). */
  readonly families: Readonly<Record<string, Tally>>;
  readonly confusion: Readonly<Record<string, number>>;
  readonly misses: readonly { readonly label: LabelledMessage; readonly got: RouteResult }[];
  readonly meanMs: number;
  readonly p95Ms: number;
}

export function readLabelledSet(file = join(__dirname, 'routing-set.jsonl')): LabelledMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledMessage);
}

export function scoreRouting(set: readonly LabelledMessage[]): RoutingScore {
  const router = createRouter(loadKnowledge());
  router.route('warm up');
  const confusion: Record<string, number> = {};
  const misses: { label: LabelledMessage; got: RouteResult }[] = [];
  const times: number[] = [];
  let intentOk = 0;
  let questions = 0;
  let questionOk = 0;
  let checks = 0;
  let checkOk = 0;
  let commands = 0;
  let commandOk = 0;
  let notSure = 0;
  let outside = 0;
  let outsideOk = 0;
  const families: Record<string, { total: number; right: number }> = {};
  for (const label of set) {
    const started = process.hrtime.bigint();
    const got = router.route(label.text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const key = `${label.intent}->${got.intent}`;
    confusion[key] = (confusion[key] ?? 0) + 1;
    let ok = got.intent === label.intent;
    if (ok) intentOk += 1;
    if (label.intent === 'question') {
      questions += 1;
      const right = got.intent === 'question' && got.questionId === label.questionId;
      if (right) questionOk += 1;
      if (got.questionId === undefined && got.suggestions?.[0]?.id === label.questionId) notSure += 1;
      ok = ok && right;
    }
    if (label.intent === 'check') {
      checks += 1;
      const right = got.intent === 'check' && got.check === label.check && got.target === label.target;
      if (right) checkOk += 1;
      ok = ok && right;
    }
    if (label.intent === 'command') {
      commands += 1;
      const right = got.intent === 'command' && got.command === label.command && (label.args === undefined || got.args === label.args);
      if (right) commandOk += 1;
      ok = ok && right;
    }
    if (label.intent === 'none') {
      outside += 1;
      if (got.intent === 'none') outsideOk += 1;
    }
    if (label.family !== undefined) {
      const tally = (families[label.family] ??= { total: 0, right: 0 });
      tally.total += 1;
      if (ok) tally.right += 1;
    }
    if (!ok) misses.push({ label, got });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    total: set.length,
    intentAccuracy: intentOk / set.length,
    questionAccuracy: questions === 0 ? 1 : questionOk / questions,
    checkAccuracy: checks === 0 ? 1 : checkOk / checks,
    commandAccuracy: commands === 0 ? 1 : commandOk / commands,
    outOfScopeAccuracy: outside === 0 ? 1 : outsideOk / outside,
    questionsNotSure: notSure,
    families,
    confusion,
    misses,
    meanMs: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function report(name: string, score: RoutingScore): void {
  console.log(`== ${name}`);
  console.log(`messages            ${score.total}`);
  console.log(`intent accuracy     ${percent(score.intentAccuracy)}`);
  console.log(`question id         ${percent(score.questionAccuracy)} (answered with the labelled id; "not sure" counts as wrong)`);
  console.log(`  "not sure" with the labelled id as first suggestion: ${score.questionsNotSure}`);
  console.log(`out of scope (none) ${percent(score.outOfScopeAccuracy)}`);
  console.log(`check + target      ${percent(score.checkAccuracy)}`);
  console.log(`command             ${percent(score.commandAccuracy)}`);
  for (const [family, tally] of Object.entries(score.families).sort()) {
    console.log(`  family ${family.padEnd(13)} ${tally.right}/${tally.total} ${percent(tally.right / Math.max(1, tally.total))}`);
  }
  console.log(`latency mean        ${score.meanMs.toFixed(2)} ms, p95 ${score.p95Ms.toFixed(2)} ms`);
  console.log('confusion (label->routed: count)');
  for (const [key, count] of Object.entries(score.confusion).sort()) console.log(`  ${key.padEnd(22)} ${count}`);
  if (process.argv.includes('--misses') || name.includes('held out') || name.includes('fresh')) {
    console.log('misses:');
    for (const { label, got } of score.misses) {
      const want = `${label.intent}/${label.questionId ?? label.check ?? label.command ?? ''}${label.target !== undefined ? `@${label.target}` : ''}${label.args !== undefined ? ` "${label.args}"` : ''}`;
      const gotText = `${got.intent}/${got.questionId ?? got.check ?? got.command ?? ''}${got.target !== undefined ? `@${got.target}` : ''}${label.args !== undefined ? ` "${got.args ?? ''}"` : ''}`;
      console.log(`  "${label.text}" want ${want} got ${gotText} (${got.confidence})`);
    }
  }
}

if (require.main === module) {
  // The tuning set (the router was tuned on it) and a held-out set written afterwards and never tuned on.
  report('routing-set.jsonl (tuning set)', scoreRouting(readLabelledSet()));
  report('routing-holdout.jsonl (held out)', scoreRouting(readLabelledSet(join(__dirname, 'routing-holdout.jsonl'))));
  if (process.argv.includes('--fresh')) report('routing-fresh.jsonl (fresh, frozen)', scoreRouting(readLabelledSet(join(__dirname, 'routing-fresh.jsonl'))));
  if (process.argv.includes('--eval')) report('routing-eval-2026-12.jsonl (frozen, written before tuning)', scoreRouting(readLabelledSet(join(__dirname, '../test/fixtures/routing-eval-2026-12.jsonl'))));
}
