import { join } from 'node:path';
import { readLabelledSet, scoreRouting } from '../../bench/routing';

const bench = (file: string): string => join(__dirname, '../../bench', file);

describe('routing accuracy on the labelled sets', () => {
  it('keeps the tuning set (>= 150 messages) at >= 95% intent and >= 90% question id accuracy', () => {
    const set = readLabelledSet();
    expect(set.length).toBeGreaterThanOrEqual(150);
    const score = scoreRouting(set);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score.questionAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.outOfScopeAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score.checkAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.commandAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the held-out set at >= 90% intent and >= 80% question id accuracy', () => {
    const score = scoreRouting(readLabelledSet(bench('routing-holdout.jsonl')));
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.questionAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  // The frozen fresh set (bench/routing-fresh.README.md), held to the figures the router reached on it: 76 of 79
  // questions answered with the right id, every out-of-scope message declined, every live check and command right.
  it('keeps the fresh set at the figures reached: 76/79 questions, all out-of-scope, live checks and commands', () => {
    const set = readLabelledSet(bench('routing-fresh.jsonl'));
    expect(set).toHaveLength(195);
    const score = scoreRouting(set);
    expect(score.questionAccuracy).toBeGreaterThanOrEqual(76 / 79);
    expect(score.outOfScopeAccuracy).toBe(1);
    expect(score.checkAccuracy).toBe(1);
    expect(score.commandAccuracy).toBe(1);
  });
});
