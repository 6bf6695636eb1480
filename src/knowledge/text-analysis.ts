/**
 * One term pipeline for indexing, querying and grading workshop answers, so that all three agree on what a
 * "term" is: lowercase, split on anything but letters and digits, drop stop words, strip common English suffixes.
 */
import { expandSynonyms } from './synonyms';

const STOP_WORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be been being ' +
    'do does did doing done have has had having i me my we our us you your yours they them their it its this that these those ' +
    'what which who whom whose when where why how can could should would will shall may might must need needs want wants ' +
    'please pls tell explain show give let lets know any some all each every other such no not only own same so than too very ' +
    'just also there here up down out off again further once more most much many few both there\'s what\'s it\'s i\'m ' +
    'customer customers someone somebody anyone thing things way ways get getting use using used make making take ' +
    'recommend recommended recommendation recommendations would like one s t'
  ).split(/\s+/),
);


/** Words whose final "s" is not a plural: "https" is not several "http" (plain HTTP is the opposite of TLS). */
const NOT_PLURAL: ReadonlySet<string> = new Set(['https', 'ftps', 'sftps', 'wss']);

/** Light suffix stripping: consistent on both sides matters more than linguistic accuracy. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word) || NOT_PLURAL.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  let stemmed = word;
  if (stemmed.endsWith('ing') && stemmed.length > 6) stemmed = stemmed.slice(0, -3);
  else if (stemmed.endsWith('ed') && stemmed.length > 5) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('s')) stemmed = stemmed.slice(0, -1);
  // "create", "created", "creating" all become "creat".
  return stemmed.endsWith('e') && stemmed.length > 4 ? stemmed.slice(0, -1) : stemmed;
}

/** Raw tokens (lowercase words and numbers) with synonym canonical tokens appended. */
export function tokenize(text: string): string[] {
  return expandSynonyms(text.toLowerCase())
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/** One token to its index term, or null for a stop word. */
export function processTerm(token: string): string | null {
  const lower = token.toLowerCase();
  if (STOP_WORDS.has(lower) || lower.length < 2) return null;
  return stem(lower);
}

/** The distinct significant terms of a text. */
export function significantTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term !== null) terms.add(term);
  }
  return [...terms];
}

/** Words too common in this domain to decide a match on their own (as index terms, i.e. stemmed). */
export const WEAK_TERMS: ReadonlySet<string> = new Set(
  ['azure', 'aml', 'ml', 'microsoft', 'access', 'enable', 'resource', 'workspace', 'data', 'security', 'secure', 'user', 'service'].map(stem),
);

/** Whether two words are at most one typo apart: one letter wrong, missing, extra, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
