/** "lab status": the overview with the learner's progress; it does not start the lab. */
import type { TurnPort } from '../port';
import { buildOverviewCard } from './cards';
import type { LabContext } from './context';
import { cardReply, type Reply } from './reply';

export function showLabStatus(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(port.conversation.userId, (p) => ({ progress: p, reply: cardReply(buildOverviewCard(ctx.content, p, { title: 'Your lab progress' })) }), false);
}
