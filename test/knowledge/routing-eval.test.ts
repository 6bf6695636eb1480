import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabelledSet, scoreRouting } from '../../bench/routing';

/**
 * The frozen evaluation set (test/fixtures/routing-eval-2026-12.README.md): written before any tuning, never to be
 * tuned on. Held to the figures the router reached on it, less one or two messages per class, so that a change
 * that loses routing accuracy on messages nobody tuned for fails here.
 */
const FILE = join(__dirname, '../fixtures/routing-eval-2026-12.jsonl');
/** Its content when it was frozen: editing the set to pass would be tuning on it. */
const FROZEN_SHA256 = 'ac68853efd899a063a79a85f0ad54e1ed095933453c8b46450cb523efcb09a09';

describe('routing on the frozen evaluation set written before tuning', () => {
  it('is the set as it was frozen', () => {
    expect(createHash('sha256').update(readFileSync(FILE)).digest('hex')).toBe(FROZEN_SHA256);
  });

  it('keeps intent, question id, live check, command and out-of-scope accuracy at the figures reached', () => {
    const set = readLabelledSet(FILE);
    const count = (intent: string): number => set.filter((row) => row.intent === intent).length;
    expect([set.length, count('question'), count('check'), count('command'), count('none')]).toEqual([175, 66, 58, 26, 25]);
    const score = scoreRouting(set);
    // Reached: intent 172/175, question id 62/66, live check 57/58, command 26/26, out of scope 23/25.
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(170 / 175);
    expect(score.questionAccuracy).toBeGreaterThanOrEqual(60 / 66);
    expect(score.checkAccuracy).toBeGreaterThanOrEqual(56 / 58);
    expect(score.commandAccuracy).toBeGreaterThanOrEqual(25 / 26);
    expect(score.outOfScopeAccuracy).toBeGreaterThanOrEqual(22 / 25);
  });
});
