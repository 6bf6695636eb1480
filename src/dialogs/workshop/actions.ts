/** One handler per button of the workshop cards (src/routing/actions/workshop.ts). */
import { WORKSHOP_ACTIONS } from '../../routing/actions/workshop';
import type { ActionHandlers } from '../action-handlers';
import { previousPrompt } from './back';
import { currentQuestionButton } from './card-question';
import type { WorkshopContext } from './context';
import { continueWorkshop } from './continue';
import { nextPrompt } from './next';
import { pauseWorkshop } from './pause';
import { skipPrompt } from './skip';
import { startWorkshopFromCard } from './start';

export function workshopActions(ctx: WorkshopContext): ActionHandlers<typeof WORKSHOP_ACTIONS> {
  return {
    [WORKSHOP_ACTIONS.start]: (port, action) => startWorkshopFromCard(ctx, port, action),
    // The buttons of a question (or its feedback) act only while that question is the current one.
    [WORKSHOP_ACTIONS.skip]: currentQuestionButton(ctx, skipPrompt),
    [WORKSHOP_ACTIONS.next]: currentQuestionButton(ctx, nextPrompt),
    [WORKSHOP_ACTIONS.back]: currentQuestionButton(ctx, previousPrompt),
    [WORKSHOP_ACTIONS.repeat]: currentQuestionButton(ctx, continueWorkshop),
    [WORKSHOP_ACTIONS.pause]: currentQuestionButton(ctx, pauseWorkshop),
    // Continue is offered by no question card: it resumes wherever the session is.
    [WORKSHOP_ACTIONS.continue]: async (port) => {
      await continueWorkshop(ctx, port);
      return { kind: 'handled' };
    },
  };
}
