/** "stop workshop": finishes the session in progress (its summary card), so that a new one can start. */
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { finishWorkshop, noWorkshopText } from './prompt';
import { readSession } from './session';

export async function stopWorkshop(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  const session = await readSession(ctx.store, port.conversation.conversationId);
  if (session === undefined || session.status === 'done') await port.sendText(noWorkshopText(session));
  else await finishWorkshop(ctx, port);
}
