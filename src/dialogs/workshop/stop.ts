/**
 * "stop workshop": ends the session in progress early, so that a new one can start. A stopped session is over
 * (its answers still make the baseline) but it is not called complete: it says where it was stopped.
 */
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { noWorkshopText, stoppedText } from './prompt';
import { updateSession } from './session';

export async function stopWorkshop(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  let stopped = false;
  const session = await updateSession(ctx.store, port.conversation.conversationId, (s) => {
    if (s === undefined || s.status === 'done') return undefined;
    stopped = true;
    const position = Math.min(s.index + 1, s.questionIds.length);
    return { ...s, status: 'done', index: s.questionIds.length, stoppedAtQuestion: position, updatedAt: ctx.stamp() };
  });
  if (!stopped || session === undefined) await port.sendText(noWorkshopText(session));
  else await port.sendText(stoppedText(session));
}
