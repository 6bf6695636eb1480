/** "start lab": the overview, creating the learner's progress on first use. */
import type { TurnPort } from '../port';
import { buildOverviewCard } from './cards';
import type { LabContext } from './context';
import { cardReply, type Reply } from './reply';

export function startLab(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(port.conversation.userId, (p) => ({ progress: p, reply: cardReply(buildOverviewCard(ctx.content, p)) }));
}
