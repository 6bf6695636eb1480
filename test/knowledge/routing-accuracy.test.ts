import { join } from 'node:path';
import { readLabelledSet, scoreRouting } from '../../bench/routing';

describe('routing accuracy on the labelled sets', () => {
  it('keeps the tuning set (>= 150 messages) at >= 95% intent and >= 90% question id accuracy', () => {
    const set = readLabelledSet();
    expect(set.length).toBeGreaterThanOrEqual(150);
    const score = scoreRouting(set);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score.questionAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.checkAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.commandAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the held-out set at >= 90% intent and >= 80% question id accuracy', () => {
    const score = scoreRouting(readLabelledSet(join(__dirname, '../../bench/routing-holdout.jsonl')));
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.questionAccuracy).toBeGreaterThanOrEqual(0.8);
  });
});
