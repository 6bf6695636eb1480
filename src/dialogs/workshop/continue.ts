/** "continue workshop" and "repeat": makes the session active again and asks its current prompt. */
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { askCurrent, noWorkshopText } from './prompt';
import { updateSession } from './session';

export async function continueWorkshop(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  const session = await updateSession(ctx.store, port.conversation.conversationId, (s) => (s === undefined || s.status === 'done' ? undefined : { ...s, status: 'active', updatedAt: ctx.stamp() }));
  if (session === undefined || session.status === 'done') {
    await port.sendText(noWorkshopText(session));
    return;
  }
  await askCurrent(ctx, port, session);
}
