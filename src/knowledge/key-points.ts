/**
 * Grades a participant's free-text workshop answer against an answer's key points: a key point counts as covered
 * when enough of its significant terms (synonyms expanded, typos forgiven through MiniSearch's fuzzy matching)
 * occur in the answer.
 */
import MiniSearch from 'minisearch';
import { processTerm, significantTerms, tokenize, WEAK_TERMS } from './text-analysis';

export interface KeyPointGrade {
  readonly covered: readonly string[];
  readonly missed: readonly string[];
}

/** Terms a key point needs matched: 40% of its strong terms, at least 1, at most 3 (long points list examples). */
export function termsNeeded(strongTermCount: number): number {
  return Math.min(3, Math.max(1, Math.ceil(strongTermCount * 0.4)));
}

export function gradeAnswer(answer: string, keyPoints: readonly string[]): KeyPointGrade {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => processTerm(term) ?? null,
  });
  index.add({ id: 'answer', text: answer });
  const covered: string[] = [];
  const missed: string[] = [];
  for (const point of keyPoints) {
    const all = significantTerms(point);
    const strong = all.filter((t) => !WEAK_TERMS.has(t));
    const terms = strong.length > 0 ? strong : all;
    const hit = index.search(terms.join(' '), {
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      prefix: (term) => term.length >= 5,
      combineWith: 'OR',
    })[0];
    const matched = new Set((hit?.queryTerms ?? []).filter((t) => terms.includes(t)));
    (matched.size >= termsNeeded(terms.length) ? covered : missed).push(point);
  }
  return { covered, missed };
}
