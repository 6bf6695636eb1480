import { loadKnowledge } from '../../src/knowledge/content';
import { gradeAnswer, termsNeeded } from '../../src/knowledge/key-points';

const content = loadKnowledge();

describe('key point grading', () => {
  const ns01 = content.answers.get('NS-01')!.keyPoints;

  it('counts the points an answer covers, with synonyms and typos', () => {
    const grade = gradeAnswer('I would set up ExpressRoute from the office and a PE for the workspace, then turn off public network acess.', ns01);
    expect(grade.covered).toEqual(expect.arrayContaining([ns01[0], ns01[1], ns01[3]]));
    expect(grade.missed).toEqual(expect.arrayContaining([ns01[4]]));
    expect(grade.covered.length + grade.missed.length).toBe(ns01.length);
  });

  it('covers nothing for an unrelated answer', () => {
    const grade = gradeAnswer('We should buy more laptops.', ns01);
    expect(grade.covered).toEqual([]);
    expect(grade.missed).toHaveLength(ns01.length);
  });

  it('recognises abbreviations used by participants', () => {
    const points = content.answers.get('IM-01')!.keyPoints;
    const grade = gradeAnswer('enforce 2FA through CA policies, and go passwordless with FIDO2 keys', points);
    expect(grade.covered).toEqual(expect.arrayContaining([points[1], points[2]]));
  });

  it('needs 40% of a point\'s terms, between 1 and 3', () => {
    expect(termsNeeded(1)).toBe(1);
    expect(termsNeeded(4)).toBe(2);
    expect(termsNeeded(12)).toBe(3);
  });
});
