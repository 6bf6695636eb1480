/** The Q&A cards: an answer with its Learn links and "Check this on my workspace", and the "not sure" card. */
import { CATEGORY_TITLES } from '../checks/types';
import { plainText, safeUrl } from '../cards/escape';
import type { KnowledgeEntry, LearnLink } from '../knowledge/content-types';
import type { AdaptiveCard } from './port';
import { markdownToCardElements, type CardElement } from './qna-card-text';

export const QNA_VERBS = { question: 'qna.question' } as const;
/** Handled by the scan feature: run these checks on a workspace the user picks. */
export const RUN_CHECKS_VERB = 'scan.run-checks';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body, ...(actions.length > 0 ? { actions } : {}) };
}

/** One button per Learn page, labelled with the page title from the knowledge front matter. */
export function learnLinkActions(links: readonly LearnLink[]): CardElement[] {
  return links.flatMap((link) => {
    const safe = safeUrl(link.url);
    return safe === undefined ? [] : [{ type: 'Action.OpenUrl', title: plainText(link.title, 60), url: safe }];
  });
}

export function runChecksAction(entry: KnowledgeEntry): CardElement[] {
  if (entry.checks.length === 0) return [];
  return [{ type: 'Action.Submit', title: 'Check this on my workspace', data: { verb: RUN_CHECKS_VERB, checkIds: [...entry.checks], questionId: entry.id } }];
}

/** The answer to one workshop question or topic. */
export function buildAnswerCard(entry: KnowledgeEntry): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: CATEGORY_TITLES[entry.category], size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: entry.kind === 'answer' ? `${entry.id} · ${entry.title}` : entry.title, size: 'Medium', weight: 'Bolder', wrap: true },
  ];
  if (entry.question !== undefined) body.push({ type: 'TextBlock', text: entry.question, isSubtle: true, wrap: true, spacing: 'Small' });
  body.push(...markdownToCardElements(entry.body));
  if (entry.checks.length > 0) body.push({ type: 'TextBlock', text: `Related checks: ${entry.checks.join(', ')}`, size: 'Small', isSubtle: true, wrap: true });
  const links = learnLinkActions(entry.learn);
  // Cards show a limited number of top-level actions: the check button first, the links in their own set.
  body.push({ type: 'ActionSet', actions: links });
  return card(body, runChecksAction(entry));
}

/** "I'm not sure": the closest topics as buttons, never a guessed answer. */
export function buildNotSureCard(suggestions: readonly { readonly id: string; readonly title: string }[]): AdaptiveCard {
  return card(
    [
      { type: 'TextBlock', text: "I'm not sure I understood", size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: 'Did you mean one of these topics?', wrap: true },
    ],
    suggestions.slice(0, 3).map((s) => ({ type: 'Action.Submit', title: plainText(s.title, 60), data: { verb: QNA_VERBS.question, questionId: s.id } })),
  );
}
