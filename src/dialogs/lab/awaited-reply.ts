/**
 * The text replies the lab takes: the one it asked for — parameters after "lab params", a workspace name after
 * "lab find" — read as the lab command it answers, and a message that is unmistakably lab parameters (nothing but
 * `key=value` pairs of parameter names), which is the lab's whatever else waits for an answer.
 *
 * The lab waits for one reply only: anything else the user does — a command, a button, free text it does not take —
 * ends the wait (`forgetAwaitedReply`), so that a later "AML-NET-010" is not taken for a workspace name asked for
 * three turns ago. The most recent prompt wins.
 */
import type { LabCommand } from '../../lab/commands';
import { isOnlyParameters, looksLikeParameters } from '../../lab/parameters';
import { LabProgressConflictError, awaiting } from '../../lab/progress';
import type { IncomingMessage } from '../feature';
import type { TurnPort } from '../port';
import type { LabContext } from './context';
import { WORKSPACE_TARGET } from './workspace';

export async function labAwaitedReply(ctx: LabContext, port: TurnPort, message: IncomingMessage): Promise<LabCommand | undefined> {
  const text = message.text.trim();
  if (isOnlyParameters(text)) return { kind: 'params', text };
  if (message.route.intent === 'command') return undefined;
  const { progress } = await ctx.progressStore.load(port.conversation.userId);
  if (progress?.awaiting === 'parameters' && looksLikeParameters(text)) return { kind: 'params', text };
  if (progress?.awaiting === 'workspace' && WORKSPACE_TARGET.test(text) && (/[-\d]/.test(text) || text.startsWith('/'))) return { kind: 'find', target: text };
  return undefined;
}

/** The user did something else than the reply the lab waits for: the lab stops waiting. */
export async function forgetAwaitedReply(ctx: LabContext, port: TurnPort): Promise<void> {
  const userId = port.conversation.userId;
  const { progress, eTag } = await ctx.progressStore.load(userId);
  if (progress?.awaiting === undefined) return;
  try {
    await ctx.progressStore.save(userId, awaiting(progress, undefined, ctx.now()), eTag);
  } catch (error) {
    // Changed at the same moment: whatever changed it has set the state it wants.
    if (!(error instanceof LabProgressConflictError)) throw error;
  }
}
