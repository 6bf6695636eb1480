/** Moving the current prompt (skip and next: forward, back: backward) and asking it, or finishing after the last. */
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { askCurrent, finishWorkshop, noWorkshopText } from './prompt';
import { updateSession } from './session';

/** Moves by `delta`; `markSkipped` records the prompt left unanswered as skipped. */
export async function movePrompt(ctx: WorkshopContext, port: TurnPort, delta: number, markSkipped: boolean): Promise<void> {
  const session = await updateSession(ctx.store, port.conversation.conversationId, (s) => {
    if (s === undefined || s.status === 'done') return undefined;
    const current = s.questionIds[s.index];
    const skipped = markSkipped && current !== undefined && (s.answers[current]?.length ?? 0) === 0 && !s.skipped.includes(current) ? [...s.skipped, current] : s.skipped;
    const index = Math.min(s.questionIds.length, Math.max(0, s.index + delta));
    return { ...s, status: 'active', index, skipped, updatedAt: ctx.stamp() };
  });
  if (session === undefined || session.status === 'done') {
    await port.sendText(noWorkshopText(session));
    return;
  }
  if (session.index >= session.questionIds.length) await finishWorkshop(ctx, port);
  else await askCurrent(ctx, port, session);
}
