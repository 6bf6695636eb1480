/** What one lab operation answers: the message path sends it, the card-action path returns it. */
import type { ActionResult } from '../feature';
import type { AdaptiveCard, TurnPort } from '../port';

export type Reply = { readonly kind: 'card'; readonly card: AdaptiveCard } | { readonly kind: 'text'; readonly text: string };

export const cardReply = (card: AdaptiveCard): Reply => ({ kind: 'card', card });
export const textReply = (text: string): Reply => ({ kind: 'text', text });

export async function sendReply(port: TurnPort, reply: Reply): Promise<void> {
  if (reply.kind === 'card') await port.sendCard(reply.card);
  else await port.sendText(reply.text);
}

export function toActionResult(reply: Reply): ActionResult {
  return reply.kind === 'card' ? { kind: 'card', card: reply.card } : { kind: 'text', text: reply.text };
}
