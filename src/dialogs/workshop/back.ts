/** "back": the previous prompt again. */
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { movePrompt } from './move';

export function previousPrompt(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  return movePrompt(ctx, port, -1, false);
}
