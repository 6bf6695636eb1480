/**
 * The workshop dialog: "start workshop" (choose categories or all), then each scenario prompt in turn; the
 * participant answers in their own words and gets the reference answer with the key points covered and missed.
 * Skip, next, back, repeat, pause, continue, status and stop; progress is kept in the store per conversation —
 * a personal chat is one participant, a channel or group chat a facilitated session where several people answer
 * (each answer recorded per user) and the facilitator moves on with Next.
 *
 * While a prompt is pending (the workshop is active, not paused) free text is the answer; commands and buttons run
 * first (turn-precedence.ts, the one rule). Starting the lab pauses the workshop, and says so, so that the lab's
 * own inputs are not graded as answers.
 *
 * This file only assembles the feature: each action has its module (run-action.ts lists them), answering a prompt
 * is answer.ts, each card button has its handler (actions.ts), and they share one WorkshopContext (context.ts).
 */
import { dispatchAction, unknownButton } from '../action-handlers';
import type { Feature, TurnCommandHandlers } from '../feature';
import type { TurnPort } from '../port';
import { workshopActions } from './actions';
import { answerWorkshopPrompt } from './answer';
import { createWorkshopContext, type WorkshopDependencies } from './context';
import { pauseWorkshopForLab } from './pause';
import { promptPending } from './prompt';
import { runWorkshopAction, workshopCommandOf } from './run-action';

export type { WorkshopDependencies };
export { parseCategories } from './categories';

export interface WorkshopFeature extends Feature {
  readonly commands: Pick<TurnCommandHandlers, 'workshop'>;
  /** When a workshop question waits for an answer: pause the workshop, visibly, before another guided activity runs. */
  pauseForAnotherActivity(port: TurnPort): Promise<void>;
  /** Whether a workshop question waits for an answer here. */
  promptPending(port: TurnPort): Promise<boolean>;
}

export function createWorkshopFeature(dependencies: WorkshopDependencies): WorkshopFeature {
  const ctx = createWorkshopContext(dependencies);
  return {
    name: 'workshop',
    onFreeText: (port, message) => answerWorkshopPrompt(ctx, port, message),
    pauseForAnotherActivity: (port) => pauseWorkshopForLab(ctx, port),
    promptPending: (port) => promptPending(ctx, port),
    commands: {
      workshop: async ({ args }, { port }) => {
        const { action, categories } = workshopCommandOf(args);
        await runWorkshopAction(ctx, port, action, categories);
      },
    },
    onAction: dispatchAction(workshopActions(ctx), unknownButton),
  };
}
