/** One exercise checked against Azure with the learner's parameters (validate, and done on a blocking exercise). */
import type { LabExercise } from '../../knowledge/lab-content';
import type { LabParameters } from '../../lab/parameters';
import { cannotValidate, type LabValidationResult } from '../../lab/result';
import { errorMessage } from '../../shared/error-message';
import type { TurnPort } from '../port';
import { parametersButtonTitle } from './cards';
import type { LabContext } from './context';

export async function runValidation(ctx: LabContext, port: TurnPort, exercise: LabExercise, params: LabParameters | undefined): Promise<LabValidationResult> {
  if (exercise.validation.kind !== 'azure') return cannotValidate('this exercise is not validated against Azure.');
  if (params === undefined) {
    return cannotValidate('I do not know your lab parameters yet.', `Press "${parametersButtonTitle(params)}" on the overview (lab status), type "lab params subscription=… namespace=… postfix=… location=… environment=…", or "lab find <workspace name>".`);
  }
  await port.typing();
  try {
    return await ctx.validationFor(port).validate(exercise.validation.validator, params);
  } catch (error) {
    // The service promises not to throw; a broken one still must not crash the conversation.
    return cannotValidate(errorMessage(error));
  }
}
