/** The Q&A cards: an answer with its Learn links and "Check this on my workspace", and the "not sure" card. */
import { CATEGORY_TITLES } from '../checks/types';
import { executeButton } from '../cards/actions';
import { markdownText, plainText, safeUrl } from '../cards/escape';
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

/** Teams shows about three link buttons in a row before it cuts their titles. */
const MAX_LINK_BUTTONS = 3;
const MAX_BUTTON_TITLE = 40;

/**
 * The Learn pages of an answer: up to three buttons whose titles fit whole, and the others as links in a line of
 * text (never a stack of buttons with cut titles). Titles come from the knowledge front matter.
 */
export function learnLinkElements(links: readonly LearnLink[]): CardElement[] {
  const safe = links.flatMap((link) => {
    const url = safeUrl(link.url);
    return url === undefined ? [] : [{ title: link.title, url }];
  });
  const buttons = safe.filter((l) => l.title.length <= MAX_BUTTON_TITLE).slice(0, MAX_LINK_BUTTONS);
  const rest = safe.filter((l) => !buttons.includes(l));
  const out: CardElement[] = [];
  if (rest.length > 0) {
    const text = rest.map((l) => `[${markdownText(l.title, 200)}](${l.url})`).join(' · ');
    out.push({ type: 'TextBlock', text: `More on Microsoft Learn: ${text}`, size: 'Small', wrap: true });
  }
  if (buttons.length > 0) out.push({ type: 'ActionSet', actions: buttons.map((l) => ({ type: 'Action.OpenUrl', title: plainText(l.title, MAX_BUTTON_TITLE), url: l.url })) });
  return out;
}

export function runChecksAction(entry: KnowledgeEntry): CardElement[] {
  if (entry.checks.length === 0) return [];
  return [{ ...executeButton('Check this on my workspace', RUN_CHECKS_VERB, { checkIds: [...entry.checks], questionId: entry.id }) }];
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
  // Cards show a limited number of top-level actions: the check button first, the links in their own set.
  body.push(...learnLinkElements(entry.learn));
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
