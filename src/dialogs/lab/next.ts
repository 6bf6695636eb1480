/** "lab next": the following exercise without marking this one, or the overview after the last. */
import { moveTo } from '../../lab/progress';
import type { TurnPort } from '../port';
import { buildOverviewCard } from './cards';
import type { LabContext } from './context';
import { cardReply, type Reply } from './reply';

export function nextExercise(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(
    port.conversation.userId,
    (p) => {
      if (p.current >= ctx.total) return { progress: p, reply: cardReply(buildOverviewCard(ctx.content, p)) };
      const moved = moveTo(p, p.current + 1, ctx.now());
      return { progress: moved, reply: ctx.showExercise(moved) };
    },
    false,
  );
}
