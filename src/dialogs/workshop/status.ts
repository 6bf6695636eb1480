/** "workshop status": where the session is and how many prompts were answered and skipped. */
import { plural } from '../../report/wording';
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { answeredCount, noWorkshopText } from './prompt';
import { readSession } from './session';

export async function showWorkshopStatus(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  const session = await readSession(ctx.store, port.conversation.conversationId);
  if (session === undefined) {
    await port.sendText(noWorkshopText(session));
    return;
  }
  const where = session.status === 'done' ? 'finished' : `${session.status}, at question ${Math.min(session.index + 1, session.questionIds.length)} of ${session.questionIds.length}`;
  await port.sendText(`Workshop ${where}: ${plural(answeredCount(session), 'prompt')} answered, ${session.skipped.length} skipped.`);
}
