/** One lab command (typed, or what a button stands for) to the handler of its kind. */
import type { LabCommand } from '../../lab/commands';
import type { TurnPort } from '../port';
import { previousExercise } from './back';
import { LAB_COMMANDS_TEXT } from './cards';
import type { LabContext } from './context';
import { continueLab } from './continue';
import { markExerciseDone } from './done';
import { findWorkspace } from './find';
import { gotoExercise } from './goto';
import { exerciseHint } from './hint';
import { nextExercise } from './next';
import { setParametersFromText } from './params';
import { pauseLab } from './pause';
import { textReply, type Reply } from './reply';
import { offerLabReset } from './reset';
import { skipExercise } from './skip';
import { startLab } from './start';
import { showLabStatus } from './status';
import { validateExerciseOrCurrent } from './validate';

export async function runLabCommand(ctx: LabContext, port: TurnPort, command: LabCommand): Promise<Reply> {
  switch (command.kind) {
    case 'start':
      return startLab(ctx, port);
    case 'status':
      return showLabStatus(ctx, port);
    case 'continue':
      return continueLab(ctx, port);
    case 'validate':
      return validateExerciseOrCurrent(ctx, port, command.exercise);
    case 'done':
      return markExerciseDone(ctx, port);
    case 'skip':
      return skipExercise(ctx, port);
    case 'next':
      return nextExercise(ctx, port);
    case 'back':
      return previousExercise(ctx, port);
    case 'help':
      return exerciseHint(ctx, port);
    case 'goto':
      return gotoExercise(ctx, port, command.exercise);
    case 'params':
      return setParametersFromText(ctx, port, command.text);
    case 'find':
      return findWorkspace(ctx, port, command.target);
    case 'pause':
      return pauseLab(ctx, port);
    case 'reset':
      return offerLabReset();
    case 'unknown':
      return textReply(LAB_COMMANDS_TEXT);
  }
}
