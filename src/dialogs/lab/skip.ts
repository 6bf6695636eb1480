/** "lab skip": marks the current exercise skipped (unless it already has an outcome) and moves on. */
import { recordOf, withOutcome } from '../../lab/progress';
import type { TurnPort } from '../port';
import { advance } from './advance';
import type { LabContext } from './context';
import type { Reply } from './reply';

export function skipExercise(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(
    port.conversation.userId,
    (p) => advance(ctx, recordOf(p, p.current).outcome === undefined ? withOutcome(p, p.current, 'skipped', ctx.now()) : p, `Exercise ${p.current} skipped; you can come back to it with "lab exercise ${p.current}".`),
    false,
  );
}
