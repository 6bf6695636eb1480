/** "next": the facilitator moves on to the following prompt (answered or not). */
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { movePrompt } from './move';

export function nextPrompt(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  return movePrompt(ctx, port, 1, false);
}
