/**
 * The one text reply the lab asked for — parameters after "lab params", a workspace name after "lab find" — read
 * as the lab command it answers. Anything else, and any command, is not the lab's.
 */
import type { LabCommand } from '../../lab/commands';
import { looksLikeParameters } from '../../lab/parameters';
import type { IncomingMessage } from '../feature';
import type { TurnPort } from '../port';
import type { LabContext } from './context';
import { WORKSPACE_TARGET } from './workspace';

export async function labAwaitedReply(ctx: LabContext, port: TurnPort, message: IncomingMessage): Promise<LabCommand | undefined> {
  if (message.route.intent === 'command') return undefined;
  const { progress } = await ctx.progressStore.load(port.conversation.userId);
  const text = message.text.trim();
  if (progress?.awaiting === 'parameters' && looksLikeParameters(text)) return { kind: 'params', text };
  if (progress?.awaiting === 'workspace' && WORKSPACE_TARGET.test(text) && (/[-\d]/.test(text) || text.startsWith('/'))) return { kind: 'find', target: text };
  return undefined;
}
