/** One handler per button of the workshop cards (src/routing/actions/workshop.ts). */
import { WORKSHOP_ACTIONS } from '../../routing/actions/workshop';
import type { ActionHandler, ActionHandlers } from '../action-handlers';
import type { TurnPort } from '../port';
import { previousPrompt } from './back';
import type { WorkshopContext } from './context';
import { continueWorkshop } from './continue';
import { nextPrompt } from './next';
import { pauseWorkshop } from './pause';
import { skipPromptFromCard } from './skip';
import { startWorkshopFromCard } from './start';

/** A button that moves the session the way the typed command of the same name does; the step replies itself. */
const step =
  (ctx: WorkshopContext, run: (ctx: WorkshopContext, port: TurnPort) => Promise<void>): ActionHandler =>
  async (port) => {
    await run(ctx, port);
    return { kind: 'handled' };
  };

export function workshopActions(ctx: WorkshopContext): ActionHandlers<typeof WORKSHOP_ACTIONS> {
  return {
    [WORKSHOP_ACTIONS.start]: (port, action) => startWorkshopFromCard(ctx, port, action),
    [WORKSHOP_ACTIONS.skip]: (port, action) => skipPromptFromCard(ctx, port, action),
    [WORKSHOP_ACTIONS.next]: step(ctx, nextPrompt),
    [WORKSHOP_ACTIONS.back]: step(ctx, previousPrompt),
    [WORKSHOP_ACTIONS.repeat]: step(ctx, continueWorkshop),
    [WORKSHOP_ACTIONS.pause]: step(ctx, pauseWorkshop),
    [WORKSHOP_ACTIONS.continue]: step(ctx, continueWorkshop),
  };
}
