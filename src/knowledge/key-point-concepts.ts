/**
 * The concepts of a workshop key point, for concept-level grading (key-points.ts).
 *
 * A concept is a named thing — a synonym group of synonyms.ts ("private endpoint", "PE", "Private Link") or one of
 * the answer's own keywords ("private DNS", "access reviews", "hub and spoke") — or, for the words no phrase
 * covers, a single significant term ("zones", "disable"). Phrases are found on stemmed word sequences, longest
 * first, so "Private DNS" is the keyword concept `private dns`, not the bare `dns` plus a stray "private".
 */
import { stem, significantTerms, WEAK_TERMS } from './text-analysis';
import { escapeRegExp, synonymGroups, synonymTokens } from './synonyms';

export interface Concept {
  /** Identity across the key points of one answer (to tell shared concepts from distinctive ones). */
  readonly id: string;
  /** Synonym-group canonicals the answer must mention (through any variant). */
  readonly canonicals: readonly string[];
  /** Stemmed terms the answer must contain (typos forgiven). */
  readonly terms: readonly string[];
  /** 2 for a named thing (a synonym group or a keyword phrase), 1 for a single term. */
  readonly weight: 1 | 2;
}

/** Words that explain a key point but are not what it is about (stemmed like index terms). */
const FILLER: ReadonlySet<string> = new Set(
  [
    'linked', 'every', 'only', 'instead', 'inside', 'unavoidable', 'remaining', 'yourself', 'itself', 'automatically', 'optionally',
    'plus', 'such', 'both', 'also', 'via', 'needed', 'keep', 'still', 'longer', 'required', 'requiring', 'allowed', 'support',
    'supports', 'provides', 'feature', 'choose', 'you', 'enabled', 'everything', 'default', 'protect', 'protected',
  ].map(stem),
);

interface Phrase {
  readonly tokens: readonly string[];
  readonly concept: Concept;
}

/** Lowercase words of a text, each stemmed, stop words kept (phrases are contiguous). */
export function phraseTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map(stem);
}

function termsOf(text: string): string[] {
  return significantTerms(text).filter((t) => !WEAK_TERMS.has(t) && !FILLER.has(t));
}

const SYNONYM_PHRASES: readonly Phrase[] = synonymGroups().flatMap((group) => {
  const canonical = group[0] ?? '';
  return group.map((variant) => ({ tokens: phraseTokens(variant), concept: { id: `=${canonical}`, canonicals: [canonical], terms: [], weight: 2 as const } }));
});

/** A keyword as a concept: the synonym groups it names plus its other significant words. */
function keywordPhrase(keyword: string): Phrase | undefined {
  const tokens = phraseTokens(keyword);
  if (tokens.length === 0) return undefined;
  const canonicals = [...synonymTokens(keyword)].sort();
  let rest = keyword.toLowerCase();
  for (const group of synonymGroups()) {
    for (const variant of group) rest = rest.replace(new RegExp(`(?<![a-z0-9])${escapeRegExp(variant).replace(/ /g, '[\\s-]+')}(?![a-z0-9])`, 'g'), ' ');
  }
  const terms = termsOf(rest).filter((t) => !canonicals.includes(t)).sort();
  if (canonicals.length === 0 && terms.length === 0) return undefined;
  // A keyword that is just one synonym group is that group.
  const id = terms.length === 0 && canonicals.length === 1 ? `=${canonicals[0] ?? ''}` : `${canonicals.map((c) => `=${c}`).join('+')}+${terms.join('+')}`;
  return { tokens, concept: { id, canonicals, terms, weight: 2 } };
}

function startsAt(tokens: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((token, k) => tokens[at + k] === token);
}

/** Phrase lists per keyword list (one per knowledge entry, so the cache stays small). */
const PHRASE_CACHE = new Map<string, readonly Phrase[]>();

function phrasesFor(keywords: readonly string[]): readonly Phrase[] {
  const key = keywords.join('\n');
  const cached = PHRASE_CACHE.get(key);
  if (cached !== undefined) return cached;
  const phrases = [...keywords.flatMap((k) => keywordPhrase(k) ?? []), ...SYNONYM_PHRASES]
    // Longest first (words, then letters): "private DNS" before "DNS", "site-to-site VPN" before "site-to-site".
    .sort((a, b) => b.tokens.length - a.tokens.length || b.tokens.join(' ').length - a.tokens.join(' ').length);
  if (PHRASE_CACHE.size < 256) PHRASE_CACHE.set(key, phrases);
  return phrases;
}

/** A text's named concepts (phrases, longest first) and the significant words outside them. */
export function extractConcepts(text: string, keywords: readonly string[] = []): { named: Concept[]; looseTerms: string[] } {
  const phrases = phrasesFor(keywords);
  const tokens = phraseTokens(text);
  const used = new Array<boolean>(tokens.length).fill(false);
  const named = new Map<string, Concept>();
  for (const phrase of phrases) {
    for (let at = 0; at + phrase.tokens.length <= tokens.length; at += 1) {
      if (!startsAt(tokens, phrase.tokens, at)) continue;
      if (used.slice(at, at + phrase.tokens.length).some(Boolean)) continue;
      for (let k = at; k < at + phrase.tokens.length; k += 1) used[k] = true;
      if (!named.has(phrase.concept.id)) named.set(phrase.concept.id, phrase.concept);
    }
  }
  const leftover = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .filter((_, i) => !used[i])
    .join(' ');
  return { named: [...named.values()], looseTerms: termsOf(leftover) };
}

/**
 * The concepts of one key point. `keywords` are the answer's front-matter keywords: the domain phrases the answer
 * is written around.
 */
export function keyPointConcepts(keyPoint: string, keywords: readonly string[] = []): Concept[] {
  const { named, looseTerms } = extractConcepts(keyPoint, keywords);
  const concepts = new Map<string, Concept>(named.map((c) => [c.id, c]));
  for (const term of looseTerms) {
    const id = `~${term}`;
    if (!concepts.has(id) && !named.some((c) => c.canonicals.includes(term))) concepts.set(id, { id, canonicals: [], terms: [term], weight: 1 });
  }
  if (concepts.size === 0) {
    // Nothing but common words: fall back to every significant term.
    for (const term of significantTerms(keyPoint)) concepts.set(`~${term}`, { id: `~${term}`, canonicals: [], terms: [term], weight: 1 });
  }
  return [...concepts.values()];
}
