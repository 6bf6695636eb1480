/** "lab help", "lab hint": what the current exercise asks for, with the learner's parameters filled in. */
import type { TurnPort } from '../port';
import { exerciseHelpText } from './cards';
import type { LabContext } from './context';
import { textReply, type Reply } from './reply';

export function exerciseHint(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(port.conversation.userId, (p) => ({ progress: p, reply: textReply(exerciseHelpText(ctx.exerciseOf(p.current), p.params)) }));
}
