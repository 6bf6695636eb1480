/**
 * The buttons of a question card (and Next on a feedback card) carry the question they were shown with: it must
 * still be the session's current one, so that an old card in the chat history does not move, pause or skip the
 * question asked now.
 */
import type { ActionHandler } from '../action-handlers';
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { noWorkshopText } from './prompt';
import { readSession } from './session';

export const STALE_QUESTION_TEXT = 'That question is no longer the current one. Say **continue workshop** to see it.';

/** Why the button's card cannot act now (no workshop in progress, another question current), or undefined. */
async function staleQuestionProblem(ctx: WorkshopContext, port: TurnPort, data: Readonly<Record<string, unknown>>): Promise<string | undefined> {
  const session = await readSession(ctx.store, port.conversation.conversationId);
  if (session === undefined || session.status === 'done') return noWorkshopText(session);
  return data['questionId'] === session.questionIds[session.index] ? undefined : STALE_QUESTION_TEXT;
}

/** A button that runs `step` (which replies itself) when its card is the current question's. */
export const currentQuestionButton =
  (ctx: WorkshopContext, step: (ctx: WorkshopContext, port: TurnPort) => Promise<void>): ActionHandler =>
  async (port, action) => {
    const problem = await staleQuestionProblem(ctx, port, action.data);
    if (problem !== undefined) return { kind: 'text', text: problem };
    await step(ctx, port);
    return { kind: 'handled' };
  };
