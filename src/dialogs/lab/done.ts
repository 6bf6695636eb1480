/**
 * "lab done": the learner says the current exercise is finished. A confirm-only or non-blocking exercise moves on;
 * one Azure can see is validated first (a recent pass counts), and stays current when it fails.
 */
import { recordOf, withOutcome, withValidation } from '../../lab/progress';
import type { TurnPort } from '../port';
import { advance } from './advance';
import type { LabContext } from './context';
import type { Reply } from './reply';
import { runValidation } from './run-validation';

export function markExerciseDone(ctx: LabContext, port: TurnPort): Promise<Reply> {
  const { now } = ctx;
  return ctx.update(port.conversation.userId, async (p) => {
    const exercise = ctx.exerciseOf(p.current);
    if (exercise.validation.kind === 'confirm') return advance(ctx, withOutcome(p, p.current, 'done', now()), `Exercise ${p.current} done.`);
    if (!exercise.validation.blocking) return advance(ctx, withOutcome(p, p.current, recordOf(p, p.current).outcome ?? 'done', now()), `Exercise ${p.current} done.`);
    const last = recordOf(p, p.current).validation?.status;
    if (last === 'passed' || last === 'warning') return advance(ctx, withOutcome(p, p.current, 'validated', now()), `Exercise ${p.current} validated.`);
    // "Done" on an exercise Azure can see means: check it now.
    const result = await runValidation(ctx, port, exercise, p.params);
    const validated = withValidation(p, p.current, result, now());
    if (result.status === 'passed' || result.status === 'warning') return advance(ctx, validated, `Exercise ${p.current} validated.`);
    if (result.status === 'cannot_validate') return advance(ctx, withOutcome(validated, p.current, 'done', now()), `Exercise ${p.current} marked done by you; I could not validate it yet (type "lab validate ${p.current}" later).`);
    return { progress: validated, reply: ctx.showExercise(validated, `Not done yet: exercise ${p.current} did not pass validation. See what is missing below, fix it, and validate again (or skip).`) };
  });
}
