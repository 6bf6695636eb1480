/**
 * Typo repair for search queries: a word the knowledge base never uses ("workspce", "ofices", "acess") becomes the
 * one domain term (titles, keywords, synonyms) it is a single typo away from, before synonyms and search see it. MiniSearch's own fuzzy
 * matching scores a fuzzy hit low and never reaches the synonym phrases ("branch ofices" → on-premises), so a
 * message with several typos used to fall below the answer threshold.
 *
 * Only words of five letters or more are repaired (shorter ones have too many neighbours), and only when exactly one
 * vocabulary word is that close: an ambiguous typo is left for the fuzzy search.
 */
import { withinOneEdit } from './text-analysis';

const MIN_LENGTH = 5;

export interface SpellingCorrector {
  /** The text with each repairable word replaced, case and punctuation of the rest untouched. */
  correct(text: string): string;
}

function words(sources: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const source of sources) for (const word of source.toLowerCase().split(/[^a-z]+/)) if (word.length >= MIN_LENGTH - 1) found.add(word);
  return found;
}

/**
 * `known`: every word of the knowledge base (never repaired: "quote" stays "quote" even beside "quota").
 * `terms`: the domain terms a typo may be repaired to.
 */
export function createSpellingCorrector(known: readonly string[], terms: readonly string[]): SpellingCorrector {
  const vocabulary = words([...known, ...terms]);
  const byLength = new Map<number, string[]>();
  for (const word of words(terms)) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);

  const repairs = new Map<string, string | undefined>();
  function repair(word: string): string | undefined {
    if (repairs.has(word)) return repairs.get(word);
    const near = [word.length - 1, word.length, word.length + 1].flatMap((n) => (byLength.get(n) ?? []).filter((known) => withinOneEdit(word, known)));
    const fixed = near.length === 1 ? near[0] : undefined;
    repairs.set(word, fixed);
    return fixed;
  }

  return {
    correct(text) {
      return text.replace(/[A-Za-z]+/g, (word) => {
        const lower = word.toLowerCase();
        if (lower.length < MIN_LENGTH || vocabulary.has(lower)) return word;
        return repair(lower) ?? word;
      });
    },
  };
}
