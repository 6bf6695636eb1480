/** "lab back": the previous exercise. */
import { moveTo } from '../../lab/progress';
import type { TurnPort } from '../port';
import type { LabContext } from './context';
import { textReply, type Reply } from './reply';

export function previousExercise(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(
    port.conversation.userId,
    (p) => {
      if (p.current <= 1) return { progress: p, reply: textReply('This is the first exercise.') };
      const moved = moveTo(p, p.current - 1, ctx.now());
      return { progress: moved, reply: ctx.showExercise(moved) };
    },
    false,
  );
}
