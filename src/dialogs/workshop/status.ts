/** "workshop status": where the session is and how many prompts were answered and skipped. */
import { plural } from '../../report/wording';
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { answeredCount, noWorkshopText } from './prompt';
import { readSession } from './session';
import type { WorkshopRecord } from '../../knowledge/workshop-record';

export async function showWorkshopStatus(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  const session = await readSession(ctx.store, port.conversation.conversationId);
  if (session === undefined) {
    await port.sendText(noWorkshopText(session));
    return;
  }
  await port.sendText(`Workshop ${whereIs(session)}: ${plural(answeredCount(session), 'prompt')} answered, ${session.skipped.length} skipped.`);
}

/** Where a session stands, in words: "active, at question 3 of 25", "stopped at question 2 of 25", "finished". */
export function whereIs(session: WorkshopRecord): string {
  const total = session.questionIds.length;
  if (session.status !== 'done') return `${session.status}, at question ${Math.min(session.index + 1, total)} of ${total}`;
  return session.stoppedAtQuestion !== undefined ? `stopped at question ${session.stoppedAtQuestion} of ${total}` : 'finished';
}
