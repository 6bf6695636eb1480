/**
 * The Q&A cards: an answer with its Learn links and "What to check in your workspace" (the related checks by title,
 * their MCSB controls, the settings to decide at creation, and one button that runs exactly those checks), and the
 * "not sure" card.
 */
import { CATEGORY_TITLES, type CheckDefinition } from '../checks/types';
import { executeButton } from '../cards/actions';
import { markdownText, plainText, safeUrl } from '../cards/escape';
import type { Explainer, KnowledgeEntry, LearnLink } from '../knowledge/content-types';
import { creationTimeNotes } from '../knowledge/creation-time';
import type { AdaptiveCard } from './port';
import { markdownToCardElements, type CardElement } from './qna-card-text';
import { QNA_ACTIONS } from '../routing/actions/qna';
import { SCAN_ACTIONS } from '../routing/actions/scan';

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

/** What an answer card shows of a related check. */
export type RelatedCheck = Pick<CheckDefinition, 'id' | 'title' | 'mcsb'>;
/** The check catalog, by id (the registry's checkById). */
export type CheckCatalog = (id: string) => RelatedCheck | undefined;

/** The one button that runs exactly these checks on a workspace (the scan feature's scan.run-checks). */
export function runChecksAction(checkIds: readonly string[], questionId: string): CardElement[] {
  if (checkIds.length === 0) return [];
  const title = checkIds.length === 1 ? 'Run this check on my workspace' : `Run these ${checkIds.length} checks on my workspace`;
  return [{ ...executeButton(title, SCAN_ACTIONS.runChecks, { checkIds: [...checkIds], questionId }) }];
}

/** "What to check in your workspace": each related check by title with its MCSB controls, then the settings fixed at creation. */
export function relatedChecksElements(checkIds: readonly string[], catalog: CheckCatalog): CardElement[] {
  if (checkIds.length === 0) return [];
  const lines = checkIds.map((id) => {
    const check = catalog(id);
    if (check === undefined) return `- ${id}`;
    return `- ${check.title} — MCSB ${check.mcsb.join(', ')}`;
  });
  const notes = creationTimeNotes(checkIds).map((note) => ({ type: 'TextBlock', text: `**Decide at creation.** ${note}`, color: 'Warning', wrap: true, spacing: 'Small' }));
  return [
    { type: 'TextBlock', text: 'What to check in your workspace', weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' },
    { type: 'TextBlock', text: lines.join('\n'), size: 'Small', wrap: true, spacing: 'Small' },
    ...notes,
  ];
}

/** The answer to one workshop question or topic. */
export function buildAnswerCard(entry: KnowledgeEntry, catalog: CheckCatalog): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: CATEGORY_TITLES[entry.category], size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: entry.kind === 'answer' ? `${entry.id} · ${entry.title}` : entry.title, size: 'Medium', weight: 'Bolder', wrap: true },
  ];
  if (entry.question !== undefined) body.push({ type: 'TextBlock', text: entry.question, isSubtle: true, wrap: true, spacing: 'Small' });
  body.push(...markdownToCardElements(entry.body));
  body.push(...relatedChecksElements(entry.checks, catalog));
  // Cards show a limited number of top-level actions: the check button first, the links in their own set.
  body.push(...learnLinkElements(entry.learn));
  return card(body, runChecksAction(entry.checks, entry.id));
}

/** "Why does this matter?" for one check: its explainer, its MCSB controls and creation-time note, and a button that runs it. */
export function buildCheckExplainerCard(explainer: Explainer, catalog: CheckCatalog): AdaptiveCard {
  const check = catalog(explainer.id);
  const body: CardElement[] = [
    { type: 'TextBlock', text: CATEGORY_TITLES[explainer.category], size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: `${explainer.id} · ${check?.title ?? explainer.title}`, size: 'Medium', weight: 'Bolder', wrap: true },
    ...markdownToCardElements(explainer.body),
    ...relatedChecksElements([explainer.id], catalog),
  ];
  return card(body, runChecksAction(check === undefined ? [] : [explainer.id], explainer.id));
}

/** "I'm not sure": the closest topics as buttons, never a guessed answer. */
export function buildNotSureCard(suggestions: readonly { readonly id: string; readonly title: string }[]): AdaptiveCard {
  return card(
    [
      { type: 'TextBlock', text: "I'm not sure I understood", size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: 'Did you mean one of these topics?', wrap: true },
    ],
    suggestions.slice(0, 3).map((s) => ({ ...executeButton(plainText(s.title, 60), QNA_ACTIONS.question, { questionId: s.id }) })),
  );
}
