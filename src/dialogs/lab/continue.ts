/** "continue lab", "where am I": the current exercise, saying which it is. */
import type { TurnPort } from '../port';
import type { LabContext } from './context';
import type { Reply } from './reply';

export function continueLab(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(port.conversation.userId, (p) => ({ progress: p, reply: ctx.showExercise(p, `You are on exercise ${p.current} of ${ctx.total}.`) }));
}
