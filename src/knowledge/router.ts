/**
 * Routes any chat message to one of four intents: a command, a check (scan) request, a baseline question, or none.
 *
 * Order: @mention and markup are stripped; commands are matched first (they are short and unambiguous), then
 * subjects outside the baseline that share its words (prices, fine-tuning, pull requests, opinions…), then scan
 * requests — including questions about the state of a live resource ("who has Owner on ws-prod?") — then
 * explicit ids (NS-01, AML-NET-001), and finally the knowledge search.
 *
 * Low confidence — the documented choice: when the best answer scores below ANSWER_THRESHOLD but the message uses
 * the domain's vocabulary, the intent is `question` with that low confidence, a "not sure" answer and the 2–3
 * closest topics as `suggestions` (the bot shows them as buttons), and no `questionId`: a guess is never
 * presented as the answer. When the message shares no meaningful vocabulary with the knowledge base, or is about a
 * subject outside the baseline, the intent is `none` with an honest "outside what I cover" and what the bot can do.
 */
import type { RouteResult } from './route-result';
import type { KnowledgeContent } from './content-types';
import { findEntry } from './content';
import { matchCommand } from './commands/table';
import { matchCheckRequest } from './check-request';
import { CHECK_ID, QUESTION_ID } from './baseline-ids';
import { cleanMessage, normalizeForMatching } from './message-text';
import { createKnowledgeSearch, type KnowledgeSearch, type SearchHit } from './search';
import { checkExplainerMarkdown, entryAnswerMarkdown, notSureMarkdown, offTopicMarkdown, type RelatedCheckInfo } from './answer-text';
import { outOfScopeSubject, outOfScopeSubjectText } from './out-of-scope';
import { significantTerms, WEAK_TERMS } from './text-analysis';

/**
 * At or above: answer directly. Below: "not sure" with suggestions. Measured on bench/routing-set.jsonl: no wrong
 * answer scores between 0.4 and 0.58 there, and right ones score down to 0.43.
 */
export const ANSWER_THRESHOLD = 0.45;
/**
 * A one-word message ("vnet", "storage") names a subject, not a question: answer it only when the match is clear
 * (a topic's own name scores far above this), otherwise offer the closest answers.
 */
export const ONE_TERM_THRESHOLD = 0.6;
/**
 * Below this, the closest answers are noise ("write me a pytorch training loop" scores 0.17): the message is treated
 * as outside the baseline rather than offered suggestions. The tuning set's questions all score 0.4 or more.
 */
export const OFF_TOPIC_BELOW = 0.3;
/** Suggestions offered when not sure. */
const SUGGESTION_COUNT = 3;
/** A BM25 score above which a hit is a strong match in this small corpus (scores are unbounded). */
const STRONG_SCORE = 120;

export interface Router {
  route(text: string): RouteResult;
}

export interface RouterOptions {
  /** Reuse an existing search index (tests, the workshop grader). */
  readonly search?: KnowledgeSearch;
  /** Names an answer's related checks by title and MCSB controls (the check catalog); without it, by id. */
  readonly describeCheck?: RelatedCheckInfo;
}


function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Confidence of the best hit: how much of the query it covers, how far ahead of the runner-up, how strong. */
export function confidenceOf(hits: readonly SearchHit[]): number {
  const top = hits[0];
  if (top === undefined) return 0;
  const second = hits[1];
  const lead = second === undefined ? 1 : 1 - second.score / top.score;
  const strength = Math.min(1, top.score / STRONG_SCORE);
  return round(Math.min(1, 0.35 * top.coverage + 0.4 * lead + 0.25 * strength));
}

export function createRouter(content: KnowledgeContent, options: RouterOptions = {}): Router {
  const search = options.search ?? createKnowledgeSearch(content);

  const none = (confidence: number, subject?: string): RouteResult => ({ intent: 'none', confidence: round(confidence), answer: offTopicMarkdown(subject) });

  function byId(text: string): RouteResult | undefined {
    const question = QUESTION_ID.exec(text);
    if (question !== null) {
      const entry = findEntry(content, `${(question[1] ?? '').toUpperCase()}-${question[2] ?? ''}`);
      if (entry !== undefined) return { intent: 'question', questionId: entry.id, confidence: 1, answer: entryAnswerMarkdown(entry, options.describeCheck) };
    }
    const check = CHECK_ID.exec(text);
    if (check !== null) {
      const explainer = content.checks.get(`AML-${(check[1] ?? '').toUpperCase()}-${check[2] ?? ''}`);
      if (explainer !== undefined) return { intent: 'question', questionId: explainer.id, confidence: 1, answer: checkExplainerMarkdown(explainer) };
    }
    return undefined;
  }

  function question(text: string): RouteResult {
    const hits = search.search(text, 5);
    const top = hits[0];
    if (top === undefined) return none(0.9);
    const confidence = confidenceOf(hits);
    // A message without a single domain word is off-topic however well some prose happens to match it.
    if (search.domainTerms(text).length === 0 || top.coverage === 0 || confidence < OFF_TOPIC_BELOW) return none(Math.max(0.5, 1 - confidence));
    const entry = findEntry(content, top.id);
    const oneTerm = significantTerms(text).filter((term) => !WEAK_TERMS.has(term)).length <= 1;
    if (confidence >= (oneTerm ? ONE_TERM_THRESHOLD : ANSWER_THRESHOLD) && entry !== undefined) {
      return { intent: 'question', questionId: top.id, confidence, answer: entryAnswerMarkdown(entry, options.describeCheck) };
    }
    const suggestions = hits.slice(0, SUGGESTION_COUNT).map((h) => ({ id: h.id, title: h.title }));
    return { intent: 'question', confidence, answer: notSureMarkdown(suggestions), suggestions };
  }

  return {
    route(raw) {
      const text = cleanMessage(raw);
      const normalized = normalizeForMatching(text);
      if (normalized.length === 0) return { intent: 'command', command: 'help', args: '', confidence: 0.9 };

      const command = matchCommand(normalized, text.replace(/[\s.!?,;:"'`]+$/, ''));
      if (command !== undefined) {
        return { intent: 'command', command: command.command, args: command.args, ...(command.target !== undefined ? { target: command.target } : {}), confidence: 0.95 };
      }
      // Typos are repaired for the subject of a check ("publc acess"), never for names: the target comes from `text`.
      const outside = outOfScopeSubject(normalized);
      if (outside !== undefined) return none(0.8, outOfScopeSubjectText(outside));
      const scan = matchCheckRequest(normalized, text, search.correct(normalized));
      if (scan !== undefined) {
        const { check, target, checkIds, unknownArea, confidence } = scan;
        return { intent: 'check', check, ...(target !== undefined ? { target } : {}), ...(checkIds !== undefined ? { checkIds } : {}), ...(unknownArea !== undefined ? { unknownArea } : {}), confidence };
      }
      return byId(text) ?? question(text);
    },
  };
}
