/** The routing benchmark's figures (bench/routing.ts, owned by the knowledge work) for the summary table. */
import { join } from 'node:path';
import { readLabelledSet, scoreRouting } from './routing';
import { emit, round } from './support';

function figures(file: string): Record<string, number> {
  const score = scoreRouting(readLabelledSet(join(__dirname, file)));
  return {
    messages: score.total,
    intentAccuracy: round(score.intentAccuracy, 3),
    questionAccuracy: round(score.questionAccuracy, 3),
    outOfScopeAccuracy: round(score.outOfScopeAccuracy, 3),
    checkAccuracy: round(score.checkAccuracy, 3),
    commandAccuracy: round(score.commandAccuracy, 3),
    meanMs: round(score.meanMs, 2),
    p95Ms: round(score.p95Ms, 2),
  };
}

if (require.main === module) emit({ set: figures('routing-set.jsonl'), holdout: figures('routing-holdout.jsonl'), fresh: figures('routing-fresh.jsonl') });
