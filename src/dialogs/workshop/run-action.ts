/** The workshop's typed commands: "workshop <action> [categories]" and the handler of each action. */
import type { Category } from '../../checks/types';
import type { TurnPort } from '../port';
import { previousPrompt } from './back';
import { parseCategories } from './categories';
import type { WorkshopContext } from './context';
import { continueWorkshop } from './continue';
import { nextPrompt } from './next';
import { pauseWorkshop } from './pause';
import { skipPrompt } from './skip';
import { startWorkshop } from './start';
import { showWorkshopStatus } from './status';
import { stopWorkshop } from './stop';

const ACTION_LIST = ['start', 'continue', 'skip', 'next', 'back', 'repeat', 'pause', 'stop', 'status'] as const;
export type WorkshopAction = (typeof ACTION_LIST)[number];
const ACTIONS: ReadonlySet<string> = new Set<string>(ACTION_LIST);

/** The words after "workshop": an action (start when none is named) and the categories named for a start. */
export function workshopCommandOf(args: string | undefined): { readonly action: WorkshopAction; readonly categories: Category[] } {
  const [first = 'start', ...rest] = (args ?? '').trim().split(/\s+/).filter((w) => w.length > 0);
  const action: WorkshopAction = ACTION_LIST.find((a) => a === first) ?? 'start';
  return { action, categories: parseCategories(ACTIONS.has(first) ? rest : [first, ...rest]) };
}

export async function runWorkshopAction(ctx: WorkshopContext, port: TurnPort, action: WorkshopAction, categories: readonly Category[]): Promise<void> {
  switch (action) {
    case 'start':
      return startWorkshop(ctx, port, categories);
    case 'skip':
      return skipPrompt(ctx, port);
    case 'next':
      return nextPrompt(ctx, port);
    case 'back':
      return previousPrompt(ctx, port);
    // Repeating the prompt is resuming at it: the same card again, the session active.
    case 'repeat':
    case 'continue':
      return continueWorkshop(ctx, port);
    case 'pause':
      return pauseWorkshop(ctx, port);
    case 'stop':
      return stopWorkshop(ctx, port);
    case 'status':
      return showWorkshopStatus(ctx, port);
  }
}
