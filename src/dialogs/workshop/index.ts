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
import type { Feature } from '../feature';
import { workshopActions } from './actions';
import { answerWorkshopPrompt } from './answer';
import { createWorkshopContext, type WorkshopDependencies } from './context';
import { pauseWorkshopForLab } from './pause';
import { runWorkshopAction, workshopCommandOf } from './run-action';

export type { WorkshopDependencies };
export { parseCategories } from './categories';

export function createWorkshopFeature(dependencies: WorkshopDependencies): Feature {
  const ctx = createWorkshopContext(dependencies);
  return {
    name: 'workshop',
    onFreeText: (port, message) => answerWorkshopPrompt(ctx, port, message),
    async onMessage(port, message) {
      const { route } = message;
      if (route.intent !== 'command') return false;
      // Another guided activity takes over the conversation: pause here first, visibly, and let it run.
      if (route.command === 'lab') {
        await pauseWorkshopForLab(ctx, port);
        return false;
      }
      if (route.command !== 'workshop') return false;
      const { action, categories } = workshopCommandOf(route.args);
      await runWorkshopAction(ctx, port, action, categories);
      return true;
    },
    onAction: dispatchAction(workshopActions(ctx), unknownButton),
  };
}
