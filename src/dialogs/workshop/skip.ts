/** "skip" and the Skip button: the next prompt, this one recorded as skipped when nobody answered it. */
import type { ActionResult, CardAction } from '../feature';
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { movePrompt } from './move';
import { readSession } from './session';

export function skipPrompt(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  return movePrompt(ctx, port, 1, true);
}

/** Skip names the question it was shown with: a stale card must not skip the one asked now. */
export async function skipPromptFromCard(ctx: WorkshopContext, port: TurnPort, action: CardAction): Promise<ActionResult> {
  const session = await readSession(ctx.store, port.conversation.conversationId);
  const current = session?.questionIds[session.index];
  if (typeof action.data['questionId'] === 'string' && action.data['questionId'] !== current) {
    return { kind: 'text', text: 'That question is no longer the current one.' };
  }
  await skipPrompt(ctx, port);
  return { kind: 'handled' };
}
