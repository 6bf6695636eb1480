/** "lab validate [N]": checks exercise N (default: the current one) against Azure and shows the result. */
import { recordOf, withValidation } from '../../lab/progress';
import type { TurnPort } from '../port';
import { buildValidationCard } from './cards';
import type { LabContext } from './context';
import { cardReply, textReply, type Reply } from './reply';
import { runValidation } from './run-validation';

export async function validateExerciseOrCurrent(ctx: LabContext, port: TurnPort, n: number | undefined): Promise<Reply> {
  if (n !== undefined) return validateExercise(ctx, port, n);
  const loaded = await ctx.progressStore.load(port.conversation.userId);
  return validateExercise(ctx, port, loaded.progress?.current ?? 1);
}

async function validateExercise(ctx: LabContext, port: TurnPort, n: number): Promise<Reply> {
  if (!Number.isInteger(n) || n < 1 || n > ctx.total) return textReply(`The lab has exercises 1 to ${ctx.total}.`);
  const exercise = ctx.exerciseOf(n);
  if (exercise.validation.kind !== 'azure') {
    return textReply(`Exercise ${n} (${exercise.title}) is about things Azure cannot see: press **Done** on its card when it is true.`);
  }
  return ctx.update(port.conversation.userId, async (p) => {
    const result = await runValidation(ctx, port, exercise, p.params);
    const validated = withValidation(p, n, result, ctx.now());
    const record = recordOf(validated, n).validation;
    if (record === undefined) return { progress: validated, reply: ctx.showExercise(validated) };
    // The result, with the exercise collapsed to its title: the steps are one click away.
    return { progress: validated, reply: cardReply(buildValidationCard(exercise, record, validated.current, ctx.total)) };
  });
}
