/**
 * Free text while a prompt is pending is an answer: graded against the reference answer's key points, recorded per
 * participant (a later answer by the same person replaces theirs), and answered with the feedback card. In a
 * personal chat the next prompt follows; in a facilitated session the facilitator moves on with Next.
 */
import { gradeAnswer, type KeyPointGrade } from '../../knowledge/key-points';
import type { ParticipantAnswer } from '../../knowledge/workshop-record';
import type { IncomingMessage } from '../feature';
import type { TurnPort } from '../port';
import { kindOf } from '../turn-precedence';
import { buildFeedbackCard } from './cards';
import { facilitated, type WorkshopContext } from './context';
import { askCurrent, finishWorkshop, promptPending } from './prompt';
import { updateSession } from './session';

/** Takes the message as the answer to the pending prompt; false when it is not one (a command, no prompt pending). */
export async function answerWorkshopPrompt(ctx: WorkshopContext, port: TurnPort, message: IncomingMessage): Promise<boolean> {
  const text = message.text.trim();
  if (text.length === 0 || kindOf(message) !== 'free-text' || !(await promptPending(ctx, port))) return false;
  await answer(ctx, port, text);
  return true;
}

async function answer(ctx: WorkshopContext, port: TurnPort, text: string): Promise<void> {
  const { content, stamp } = ctx;
  const { userId, userName } = port.conversation;
  const personal = !facilitated(port);
  let feedback: { entryId: string; grade: KeyPointGrade } | undefined;
  const session = await updateSession(ctx.store, port.conversation.conversationId, (s) => {
    const id = s?.questionIds[s.index];
    const entry = id !== undefined ? content.answers.get(id) : undefined;
    if (s === undefined || s.status !== 'active' || id === undefined || entry === undefined) return undefined;
    const grade = gradeAnswer(text, entry.keyPoints, entry.keywords);
    feedback = { entryId: id, grade };
    const record: ParticipantAnswer = { userId, ...(userName !== undefined ? { userName } : {}), text: text.slice(0, 4000), covered: grade.covered, missed: grade.missed, at: stamp() };
    const others = (s.answers[id] ?? []).filter((a) => a.userId !== userId);
    return {
      ...s,
      answers: { ...s.answers, [id]: [...others, record] },
      skipped: s.skipped.filter((q) => q !== id),
      index: personal ? s.index + 1 : s.index,
      updatedAt: stamp(),
    };
  });
  const entry = feedback !== undefined ? content.answers.get(feedback.entryId) : undefined;
  if (session === undefined || feedback === undefined || entry === undefined) return;
  await port.sendCard(
    buildFeedbackCard({ questionId: feedback.entryId, entry, answerText: text, userName: personal ? undefined : userName, grade: feedback.grade, offerNext: !personal }, ctx.checks),
    `Key points covered: ${feedback.grade.covered.length} of ${feedback.grade.covered.length + feedback.grade.missed.length}`,
  );
  if (personal) {
    if (session.index >= session.questionIds.length) await finishWorkshop(ctx, port);
    else await askCurrent(ctx, port, session);
  }
}
