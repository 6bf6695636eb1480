/**
 * A feature may wait for one typed reply (the lab's parameters, the workspace to find). Any turn that answers no
 * pending prompt — a command, a button, free text nobody took — ends those waits before it runs, so that the most
 * recent prompt wins and an old question does not catch a later message.
 */
import type { Feature } from './feature';
import type { TurnPort } from './port';

export async function forgetAwaitedReplies(features: readonly Feature[], port: TurnPort): Promise<void> {
  for (const feature of features) await feature.forgetAwaitedReply?.(port);
}
