/**
 * "pause workshop", and the pause the lab causes: a paused session keeps its place and takes no free text as an
 * answer until it is continued.
 */
import type { WorkshopRecord } from '../../knowledge/workshop-record';
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { noWorkshopText, promptPending } from './prompt';
import { updateSession } from './session';

/** Pauses the session in progress; returns it (undefined when there is none, unchanged when done). */
function pauseSession(ctx: WorkshopContext, port: TurnPort): Promise<WorkshopRecord | undefined> {
  return updateSession(ctx.store, port.conversation.conversationId, (s) => (s === undefined || s.status === 'done' ? undefined : { ...s, status: 'paused', updatedAt: ctx.stamp() }));
}

export async function pauseWorkshop(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  const session = await pauseSession(ctx, port);
  if (session === undefined || session.status === 'done') await port.sendText(noWorkshopText(session));
  else await port.sendText(`Workshop paused at question ${session.index + 1} of ${session.questionIds.length}. Say **continue workshop** to resume, any time.`);
}

/**
 * The lab takes over the conversation: a prompt waiting for an answer is paused first, visibly, so that the lab's
 * own inputs are not graded as answers. Does nothing when no prompt is pending.
 */
export async function pauseWorkshopForLab(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  if (!(await promptPending(ctx, port))) return;
  const paused = await pauseSession(ctx, port);
  if (paused?.status === 'paused') {
    await port.sendText(`You were in the workshop: I paused it at question ${paused.index + 1} of ${paused.questionIds.length} (say **continue workshop** to come back). Now the lab.`);
  }
}
