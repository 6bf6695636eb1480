/**
 * Full-text search over the answers and topics: MiniSearch (BM25+) with fuzzy matching for typos, prefix matching,
 * boosted title/keywords/question fields, and the synonym groups of synonyms.ts applied at index and query time
 * through the shared term pipeline of text-analysis.ts.
 */
import MiniSearch from 'minisearch';
import type { KnowledgeContent, KnowledgeEntry } from './content-types';
import { processTerm, significantTerms, stem, tokenize, WEAK_TERMS } from './text-analysis';
import { synonymCanonicals, synonymGroups } from './synonyms';
import { createSpellingCorrector } from './spelling';

/** Everyday words that occur in keywords but say nothing about the domain on their own. */
const GENERIC_TERMS: ReadonlySet<string> = new Set(
  ['time', 'just', 'team', 'order', 'new', 'own', 'second', 'mode', 'work', 'home', 'office', 'user', 'people', 'name', 'type', 'open', 'safe', 'good', 'hello', 'windows', 'sign', 'question', 'com'].map(stem),
);
/** An e-mail address names a person or a mailbox, never a subject of the baseline ("jane@contoso.com"). */
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const withoutEmailAddresses = (text: string): string => text.replace(EMAIL_ADDRESS, ' ');
/** Weak terms still count, a little: "azure ml" must not decide between two answers. */
const boostTerm = (term: string): number => (WEAK_TERMS.has(term) ? 0.3 : 1);

/** Definitional questions ("what is a private endpoint", "explain CMK") are best answered by a topic. */
const DEFINITION = /^\s*(what('?s| is| are)( an?| the)?|explain|define|meaning of|tell me about)\b|\bwhat is it\b/i;
const TOPIC_BOOST = 1.6;

export interface SearchHit {
  readonly id: string;
  readonly title: string;
  /** BM25 score (unbounded). */
  readonly score: number;
  /** Share of the query's significant terms that this entry matched (0..1). */
  readonly coverage: number;
  /** The query terms that matched. */
  readonly matchedTerms: readonly string[];
}

export interface KnowledgeSearch {
  /** Best entries first. */
  search(text: string, limit?: number): readonly SearchHit[];
  /**
   * The query's terms that belong to the domain vocabulary (titles, keywords and synonym groups of the knowledge
   * base, not the prose), exactly or within one typo: tells an off-topic message from a vague on-topic one.
   */
  domainTerms(text: string): readonly string[];
  /** The text with its typos of the knowledge base's words repaired (spelling.ts). */
  correct(text: string): string;
}

interface IndexedDoc {
  readonly id: string;
  readonly title: string;
  readonly keywords: string;
  readonly question: string;
  readonly keyPoints: string;
  readonly body: string;
}

const FIELDS = ['title', 'keywords', 'question', 'keyPoints', 'body'] as const;
const BOOST = { title: 3, keywords: 2.5, question: 2, keyPoints: 1.5, body: 1 };

function toDoc(entry: KnowledgeEntry): IndexedDoc {
  return {
    id: entry.id,
    title: entry.title,
    keywords: entry.keywords.join(', '),
    question: entry.question ?? '',
    keyPoints: entry.keyPoints.join('. '),
    // Code blocks are commands, not prose: keep them out of relevance.
    body: entry.body.replace(/```[\s\S]*?```/g, ' '),
  };
}

/** Fuzzy only for longer words (a 4-letter typo matches too much), prefix only for 4+ letters. */
const fuzzy = (term: string): number | boolean => (term.length >= 5 ? 0.2 : false);
const prefix = (term: string): boolean => term.length >= 4;

export function createKnowledgeSearch(content: KnowledgeContent): KnowledgeSearch {
  const index = new MiniSearch<IndexedDoc>({
    fields: [...FIELDS],
    storeFields: ['title'],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => processTerm(term) ?? null,
    searchOptions: { boost: BOOST, fuzzy, prefix, combineWith: 'OR', boostTerm },
  });
  const entries = [...content.answers.values(), ...content.topics.values()];
  const docs = entries.map(toDoc);
  index.addAll(docs);
  const titles = new Map(entries.map((e) => [e.id, e.title]));

  const spelling = createSpellingCorrector(
    docs.flatMap((d): string[] => FIELDS.map((field) => d[field])),
    [...entries.flatMap((e) => [e.title, ...e.keywords]), ...[...content.checks.values()].map((c) => c.title), ...synonymGroups().flat()],
  );
  const queryTerms = (text: string): string[] => significantTerms(spelling.correct(withoutEmailAddresses(text)));

  const lexicon = new Set<string>();
  const lexiconSources = [...entries.flatMap((e) => [e.title, ...e.keywords]), ...[...content.checks.values()].map((c) => c.title), synonymCanonicals().join(' ')];
  for (const source of lexiconSources) for (const term of significantTerms(source)) if (!WEAK_TERMS.has(term) && !GENERIC_TERMS.has(term)) lexicon.add(term);
  const lexiconIndex = new MiniSearch<{ id: string; term: string }>({ fields: ['term'], processTerm: (t) => t });
  lexiconIndex.addAll([...lexicon].map((term) => ({ id: term, term })));
  const topicIds = new Set(content.topics.keys());

  return {
    search(raw, limit = 5) {
      const text = spelling.correct(withoutEmailAddresses(raw));
      const terms = queryTerms(text);
      if (terms.length === 0) return [];
      const strongTerms = terms.filter((t) => !WEAK_TERMS.has(t));
      const denominator = Math.max(1, strongTerms.length);
      const definitional = DEFINITION.test(text);
      const boostDocument = (id: unknown): number => (definitional && topicIds.has(String(id)) ? TOPIC_BOOST : 1);
      return index
        .search(text, { boostDocument })
        .slice(0, limit)
        .map((r) => {
          const matched = [...new Set(r.queryTerms)];
          const strongMatched = matched.filter((t) => !WEAK_TERMS.has(t)).length;
          return {
            id: String(r.id),
            title: titles.get(String(r.id)) ?? String(r.id),
            score: r.score,
            coverage: Math.min(1, strongMatched / denominator),
            matchedTerms: matched,
          };
        });
    },
    correct: (text) => spelling.correct(text),
    domainTerms(text) {
      return queryTerms(text).filter(
        (term) => !WEAK_TERMS.has(term) && !GENERIC_TERMS.has(term) && (lexicon.has(term) || (term.length >= 6 && lexiconIndex.search(term, { fuzzy: 1, prefix: false }).length > 0)),
      );
    },
  };
}
