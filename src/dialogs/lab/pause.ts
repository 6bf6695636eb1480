/** "lab pause": nothing to save (progress is always stored); says where the learner will pick up. */
import type { TurnPort } from '../port';
import type { LabContext } from './context';
import { textReply, type Reply } from './reply';

export function pauseLab(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(
    port.conversation.userId,
    (p) => ({ progress: p, reply: textReply(`Your lab progress is saved (you are on exercise ${p.current} of ${ctx.total}). Type **continue lab** whenever you want to pick up again.`) }),
    false,
  );
}
