/** A button of the "which workspace?" card: one of the candidates `find` offered becomes the lab's workspace. */
import { withParams } from '../../lab/progress';
import type { CardAction } from '../feature';
import type { TurnPort } from '../port';
import type { LabContext } from './context';
import { textReply, type Reply } from './reply';
import { paramsFromWorkspace } from './workspace';

export function pickWorkspace(ctx: LabContext, port: TurnPort, action: CardAction): Promise<Reply> {
  const index = action.data.index;
  return ctx.update(
    port.conversation.userId,
    (p) => {
      const chosen = typeof index === 'number' && Number.isInteger(index) ? p.candidates?.[index] : undefined;
      if (chosen === undefined) return { progress: p, reply: textReply('That choice is no longer offered. Type **lab find ‹workspace name›** again.') };
      const saved = withParams(p, paramsFromWorkspace(chosen, p.params), ctx.now());
      return { progress: saved, reply: ctx.showExercise(saved, `Using workspace ${chosen.name} in ${chosen.resourceGroup}.`) };
    },
    false,
  );
}
