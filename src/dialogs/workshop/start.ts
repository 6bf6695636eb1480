/**
 * "start workshop [categories]" and the Start button: resumes a session in progress, else asks for categories,
 * else starts a new session on the chosen categories' prompts.
 */
import { CATEGORIES, CATEGORY_TITLES, type Category } from '../../checks/types';
import type { WorkshopRecord } from '../../knowledge/workshop-record';
import { plural } from '../../report/wording';
import type { ActionResult, CardAction } from '../feature';
import type { TurnPort } from '../port';
import { buildChooseCategoriesCard } from './cards';
import { parseCategories } from './categories';
import type { WorkshopContext } from './context';
import { askCurrent } from './prompt';
import { readSession, updateSession, workshopKey } from './session';

export async function startWorkshop(ctx: WorkshopContext, port: TurnPort, categories: readonly Category[]): Promise<void> {
  const { store, stamp } = ctx;
  const existing = await readSession(store, port.conversation.conversationId);
  if (existing !== undefined && existing.status !== 'done') {
    await updateSession(store, port.conversation.conversationId, (s) => (s === undefined ? undefined : { ...s, status: 'active', updatedAt: stamp() }));
    await port.sendText(
      `Resuming the workshop in progress (question ${Math.min(existing.index + 1, existing.questionIds.length)} of ${existing.questionIds.length}). Say **stop workshop** first to start a new one.`,
    );
    await askCurrent(ctx, port, existing);
    return;
  }
  if (categories.length === 0) {
    await port.sendCard(buildChooseCategoriesCard(), 'Choose the workshop categories');
    return;
  }
  const questionIds = ctx.content.questions.filter((q) => categories.includes(q.category)).map((q) => q.id);
  const session: WorkshopRecord = {
    version: 1,
    conversationId: port.conversation.conversationId,
    status: 'active',
    categories: [...categories],
    questionIds,
    index: 0,
    answers: {},
    skipped: [],
    startedBy: port.conversation.userId,
    startedAt: stamp(),
    updatedAt: stamp(),
  };
  await store.put(workshopKey(port.conversation.conversationId), session);
  const names = categories.length === CATEGORIES.length ? 'all 8 categories' : categories.map((c) => CATEGORY_TITLES[c]).join(', ');
  await port.sendText(`Starting the workshop: ${plural(questionIds.length, 'prompt')} (${names}). Say **skip**, **back**, **repeat** or **pause workshop** at any time.`);
  await askCurrent(ctx, port, session);
}

/** The choose-categories card's button: all categories, or at least one ticked. */
export async function startWorkshopFromCard(ctx: WorkshopContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const categories = action.data['all'] === true ? [...CATEGORIES] : parseCategories(action.data['categories']);
  if (categories.length === 0) return { kind: 'text', text: 'Choose at least one category, or press **All categories**.' };
  await startWorkshop(ctx, port, categories);
  return { kind: 'handled' };
}
