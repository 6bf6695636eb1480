/** "lab exercise N": makes exercise N the current one and shows it. */
import { moveTo } from '../../lab/progress';
import type { TurnPort } from '../port';
import type { LabContext } from './context';
import { textReply, type Reply } from './reply';

export async function gotoExercise(ctx: LabContext, port: TurnPort, exercise: number): Promise<Reply> {
  if (exercise < 1 || exercise > ctx.total) return textReply(`The lab has exercises 1 to ${ctx.total}.`);
  return ctx.update(port.conversation.userId, (p) => {
    const moved = moveTo(p, exercise, ctx.now());
    return { progress: moved, reply: ctx.showExercise(moved) };
  });
}
