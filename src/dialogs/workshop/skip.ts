/** "skip" and the Skip button: the next prompt, this one recorded as skipped when nobody answered it. */
import type { TurnPort } from '../port';
import type { WorkshopContext } from './context';
import { movePrompt } from './move';

export function skipPrompt(ctx: WorkshopContext, port: TurnPort): Promise<void> {
  return movePrompt(ctx, port, 1, true);
}
