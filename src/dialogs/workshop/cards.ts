/** The workshop cards: choose categories, one question, the feedback on an answer, and the end of the workshop. */
import { CATEGORIES, CATEGORY_TITLES } from '../../checks/types';
import { executeButton, type ActionData } from '../../cards/actions';
import { markdownText } from '../../cards/escape';
import type { KnowledgeEntry, WorkshopQuestion } from '../../knowledge/content-types';
import type { KeyPointGrade } from '../../knowledge/key-points';
import type { AdaptiveCard } from '../port';
import { card, learnLinkElements, relatedChecksElements, runChecksAction, type CheckCatalog } from '../qna-cards';
import { markdownToCardElements, type CardElement } from '../qna-card-text';
import { BASELINE_ACTIONS } from '../../routing/actions/baseline';
import { WORKSHOP_ACTIONS } from '../../routing/actions/workshop';

/** A workshop button: Action.Execute with the Action.Submit fallback (inputs, such as the categories, travel in both). */
function submit(title: string, verb: string, extra: ActionData = {}): CardElement {
  return { ...executeButton(title, verb, extra) };
}

/** A button that sends none of the card's inputs, as Execute and as its Submit fallback. */
function withoutInputs(button: CardElement): CardElement {
  const fallback = button['fallback'];
  return { ...button, associatedInputs: 'none', ...(typeof fallback === 'object' && fallback !== null ? { fallback: { ...fallback, associatedInputs: 'none' } } : {}) };
}

export function buildChooseCategoriesCard(): AdaptiveCard {
  return card(
    [
      { type: 'TextBlock', text: 'Security baseline workshop', size: 'Large', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: 'For each scenario prompt, answer in your own words; I show the reference answer and the key points you covered and missed. Choose the categories, or take them all.',
        wrap: true,
      },
      {
        type: 'Input.ChoiceSet',
        id: 'categories',
        isMultiSelect: true,
        style: 'expanded',
        label: 'Categories',
        choices: CATEGORIES.map((c) => ({ title: CATEGORY_TITLES[c], value: c })),
      },
    ],
    [
      submit('Start with these', WORKSHOP_ACTIONS.start),
      // Sends no inputs: neither Teams nor the chat CLI should ask for (or validate) the category choices first.
      withoutInputs(submit('All categories', WORKSHOP_ACTIONS.start, { all: true })),
    ],
  );
}

export interface QuestionView {
  readonly question: WorkshopQuestion;
  readonly position: number;
  readonly total: number;
  readonly facilitated: boolean;
}

export function buildQuestionCard({ question, position, total, facilitated }: QuestionView): AdaptiveCard {
  return card(
    [
      { type: 'TextBlock', text: `Question ${position} of ${total} · ${CATEGORY_TITLES[question.category]}`, size: 'Small', isSubtle: true, wrap: true },
      { type: 'TextBlock', text: question.section, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: question.question, size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        text: facilitated ? 'Everyone can answer: mention me with your answer. The facilitator moves on with Next.' : 'Reply with your answer in your own words.',
        isSubtle: true,
        size: 'Small',
        wrap: true,
      },
    ],
    // Each button names its question: an old card in the history must not act on the question asked now.
    [
      submit('Skip', WORKSHOP_ACTIONS.skip, { questionId: question.id }),
      submit('Back', WORKSHOP_ACTIONS.back, { questionId: question.id }),
      submit('Repeat', WORKSHOP_ACTIONS.repeat, { questionId: question.id }),
      submit('Pause', WORKSHOP_ACTIONS.pause, { questionId: question.id }),
    ],
  );
}

export interface FeedbackView {
  /** The question answered: Next moves on only while it is the current one. */
  readonly questionId: string;
  readonly entry: KnowledgeEntry;
  readonly answerText: string;
  readonly userName: string | undefined;
  readonly grade: KeyPointGrade;
  /** Facilitated sessions stay on the question until someone presses Next. */
  readonly offerNext: boolean;
}

export function buildFeedbackCard({ questionId, entry, answerText, userName, grade, offerNext }: FeedbackView, catalog: CheckCatalog): AdaptiveCard {
  const total = grade.covered.length + grade.missed.length;
  const who = userName !== undefined ? `${markdownText(userName, 80)}'s answer` : 'Your answer';
  const body: CardElement[] = [
    { type: 'TextBlock', text: `${entry.id} · ${entry.title}`, size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: who, weight: 'Bolder', spacing: 'Medium', wrap: true },
    { type: 'TextBlock', text: markdownText(answerText, 1500), isSubtle: true, wrap: true },
    { type: 'TextBlock', text: `Key points covered: ${grade.covered.length} of ${total}`, weight: 'Bolder', color: grade.covered.length > 0 ? 'Good' : 'Attention', wrap: true },
    ...grade.covered.map((p) => ({ type: 'TextBlock', text: `✅ ${p}`, wrap: true, spacing: 'None' })),
    ...grade.missed.map((p) => ({ type: 'TextBlock', text: `❌ ${p}`, wrap: true, spacing: 'None' })),
  ];
  const reference: CardElement = { type: 'Container', items: [{ type: 'TextBlock', text: 'Reference answer', weight: 'Bolder', wrap: true }, ...markdownToCardElements(entry.body)] };
  body.push({ type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: 'Show the reference answer', card: { type: 'AdaptiveCard', version: '1.5', body: [reference] } }] });
  body.push(...relatedChecksElements(entry.checks, catalog));
  body.push(...learnLinkElements(entry.learn));
  const actions: CardElement[] = [...(offerNext ? [submit('Next question', WORKSHOP_ACTIONS.next, { questionId })] : []), ...runChecksAction(entry.checks, entry.id)];
  return card(body, actions);
}

export function buildFinishedCard(answered: number, total: number): AdaptiveCard {
  return card(
    [
      { type: 'TextBlock', text: 'Workshop complete', size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `${answered} of ${total} prompts answered. I can compile your security baseline: your answers, the reference guidance and, if you scanned a workspace here, its current findings.`, wrap: true },
    ],
    [submit('Show my baseline', BASELINE_ACTIONS.show)],
  );
}
