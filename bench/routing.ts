/**
 * Routing benchmark: runs the router over bench/routing-set.jsonl and prints intent accuracy, question-id
 * accuracy, check/target accuracy, an intent confusion table, the misses and latency.
 * Run: npx tsx bench/routing.ts [--misses]  (held-out misses are always listed)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/content';
import { ANSWER_THRESHOLD, createRouter } from '../src/knowledge/router';
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
}

export interface RoutingScore {
  readonly total: number;
  readonly intentAccuracy: number;
  readonly questionAccuracy: number;
  readonly checkAccuracy: number;
  readonly commandAccuracy: number;
  /** Right question id with confidence below the threshold (shown as "not sure" + suggestions). */
  readonly questionsNotSure: number;
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
      if (right && got.confidence < ANSWER_THRESHOLD) notSure += 1;
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
    if (!ok) misses.push({ label, got });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    total: set.length,
    intentAccuracy: intentOk / set.length,
    questionAccuracy: questions === 0 ? 1 : questionOk / questions,
    checkAccuracy: checks === 0 ? 1 : checkOk / checks,
    commandAccuracy: commands === 0 ? 1 : commandOk / commands,
    questionsNotSure: notSure,
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
  console.log(`question id (of questions, low-confidence answers count as wrong unless the id is right) ${percent(score.questionAccuracy)}`);
  console.log(`  of which right but below the threshold (offered as a suggestion): ${score.questionsNotSure}`);
  console.log(`check + target      ${percent(score.checkAccuracy)}`);
  console.log(`command             ${percent(score.commandAccuracy)}`);
  console.log(`latency mean        ${score.meanMs.toFixed(2)} ms, p95 ${score.p95Ms.toFixed(2)} ms`);
  console.log('confusion (label->routed: count)');
  for (const [key, count] of Object.entries(score.confusion).sort()) console.log(`  ${key.padEnd(22)} ${count}`);
  if (process.argv.includes('--misses') || name.includes('holdout')) {
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
}
