/**
 * The buttons of an exercise card (validate, done, skip, back, next, help) carry the exercise they were shown with:
 * it must still be the learner's current one, so a stale card does not act on another exercise.
 */
import type { ActionHandler } from '../action-handlers';
import type { LabContext } from './context';
import { textReply, type Reply } from './reply';
import { runLabCommand } from './run-command';

type ExerciseStep = 'validate' | 'done' | 'skip' | 'back' | 'next' | 'help';

/** Why the button's data cannot act (not a whole number in range, no lab, not the current exercise), or undefined. */
export async function staleExerciseProblem(ctx: LabContext, userId: string, data: Readonly<Record<string, unknown>>): Promise<string | undefined> {
  const n = data.exercise;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > ctx.total) return 'That button carries no valid exercise number. Type **continue lab** to see where you are.';
  const { progress } = await ctx.progressStore.load(userId);
  if (progress === undefined) return 'You have not started the lab yet. Type **start lab** to begin.';
  if (progress.current !== n) return `That card is for exercise ${n}, but you are on exercise ${progress.current}. Type **continue lab** to see it.`;
  return undefined;
}

export const exerciseButton =
  (ctx: LabContext, kind: ExerciseStep): ActionHandler<Reply> =>
  async (port, act) => {
    const problem = await staleExerciseProblem(ctx, port.conversation.userId, act.data);
    if (problem !== undefined) return textReply(problem);
    const exercise = act.data.exercise;
    if (kind !== 'validate') return runLabCommand(ctx, port, { kind });
    // staleExerciseProblem has made sure it is the current exercise's number.
    return typeof exercise === 'number' ? runLabCommand(ctx, port, { kind, exercise }) : runLabCommand(ctx, port, { kind: 'continue' });
  };
