/** The session's current prompt: asking it, finishing the workshop after the last, and what to say when there is none. */
import type { WorkshopRecord } from '../../knowledge/workshop-record';
import type { TurnPort } from '../port';
import { buildFinishedCard, buildQuestionCard } from './cards';
import { facilitated, type WorkshopContext } from './context';
import { readSession, updateSession } from './session';

export function answeredCount(session: WorkshopRecord): number {
  return session.questionIds.filter((id) => (session.answers[id]?.length ?? 0) > 0).length;
}

/** Sends the session's current prompt (or finishes when the question is gone from the content). */
export async function askCurrent(ctx: WorkshopContext, port: TurnPort, session: WorkshopRecord): Promise<void> {
  const id = session.questionIds[session.index];
  const question = ctx.content.questions.find((q) => q.id === id);
  if (question === undefined) {
    await finishWorkshop(ctx, port);
    return;
  }
  await port.sendCard(
    buildQuestionCard({ question, position: session.index + 1, total: session.questionIds.length, facilitated: facilitated(port) }),
    `Question ${session.index + 1} of ${session.questionIds.length}: ${question.question}`,
  );
}

/** Marks the session done and sends the summary card. */
export async function finishWorkshop(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  const done = await updateSession(ctx.store, port.conversation.conversationId, (s) =>
    s === undefined ? undefined : { ...s, status: 'done', index: s.questionIds.length, updatedAt: ctx.stamp() },
  );
  if (done !== undefined) await port.sendCard(buildFinishedCard(answeredCount(done), done.questionIds.length), 'Workshop complete');
}

/** The answer to a step when there is no session in progress: none at all, a stopped one, or a finished one. */
export function noWorkshopText(session: WorkshopRecord | undefined): string {
  if (session?.status !== 'done') return 'There is no workshop in progress here. Say **start workshop** to begin.';
  if (session.stoppedAtQuestion !== undefined) return stoppedText(session);
  return 'The workshop is complete. Say **my baseline** to see the result, or **start workshop** to run it again.';
}

/** A session ended by "stop workshop": where it stopped, what was answered, and what can come next. */
export function stoppedText(session: WorkshopRecord): string {
  const total = session.questionIds.length;
  return `The workshop was stopped at question ${session.stoppedAtQuestion ?? total} of ${total} (${answeredCount(session)} of ${total} answered). Say **start workshop** to start a new one, or **my baseline** to see the baseline from the answers so far.`;
}

/** Whether free text here would answer a prompt: the session is active and not past its last question. */
export async function promptPending(ctx: WorkshopContext, port: TurnPort): Promise<boolean> {
  const session = await readSession(ctx.store, port.conversation.conversationId);
  return session?.status === 'active' && session.index < session.questionIds.length;
}
