/** "lab reset" asks first (a card with a confirm button); only the confirmed button clears the progress. */
import type { CardAction } from '../feature';
import type { TurnPort } from '../port';
import { buildResetCard } from './cards';
import type { LabContext } from './context';
import { cardReply, textReply, type Reply } from './reply';

export function offerLabReset(): Reply {
  return cardReply(buildResetCard());
}

export async function confirmLabReset(ctx: LabContext, port: TurnPort, action: CardAction): Promise<Reply> {
  if (action.data.confirm !== true) return textReply('Nothing was reset.');
  await ctx.progressStore.remove(port.conversation.userId);
  return textReply('Your lab progress is cleared. Type **start lab** to begin again.');
}
