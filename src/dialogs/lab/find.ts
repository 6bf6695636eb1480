/**
 * "lab find <workspace>" and the Find button: resolves the learner's workspace in Azure and takes the lab
 * parameters from it. No name asks for one (and waits for the typed reply); several matches offer a choice.
 */
import { markdownText } from '../../cards/escape';
import { awaiting, withCandidates, withParams } from '../../lab/progress';
import type { CardAction } from '../feature';
import type { TurnPort } from '../port';
import { WORKSPACE_INPUT, buildCandidatesCard } from './cards';
import type { LabContext } from './context';
import { cardReply, textReply, type Reply } from './reply';
import { WORKSPACE_TARGET, paramsFromWorkspace } from './workspace';

const MAX_CANDIDATES = 5;

export async function findWorkspace(ctx: LabContext, port: TurnPort, target: string): Promise<Reply> {
  const userId = port.conversation.userId;
  const trimmed = target.trim();
  if (trimmed === '') {
    return ctx.update(userId, (p) => ({ progress: awaiting(p, 'workspace', ctx.now()), reply: textReply('Which workspace did your pipeline deploy? Type its name (for example mlw-mlops-0001prod) or its resource id.') }));
  }
  if (!WORKSPACE_TARGET.test(trimmed)) return textReply('That does not look like a workspace name or resource id.');
  await port.typing();
  const resolution = await ctx.validationFor(port).find(trimmed);
  return ctx.update(userId, (p) => {
    switch (resolution.kind) {
      case 'found': {
        const saved = withParams(p, paramsFromWorkspace(resolution.workspace, p.params), ctx.now());
        return { progress: saved, reply: ctx.showExercise(saved, `Found workspace ${resolution.workspace.name} in ${resolution.workspace.resourceGroup}; I validate against it from now on.`) };
      }
      case 'ambiguous': {
        const candidates = resolution.candidates.slice(0, MAX_CANDIDATES);
        return { progress: withCandidates(awaiting(p, undefined, ctx.now()), candidates, ctx.now()), reply: cardReply(buildCandidatesCard(candidates)) };
      }
      case 'not_found':
        return { progress: p, reply: textReply(`I could not find the workspace ${markdownText(trimmed, 100)}: ${markdownText(resolution.message, 300)}`) };
    }
  });
}

/** The Find button: the name typed in the card's field. */
export function findWorkspaceFromForm(ctx: LabContext, port: TurnPort, action: CardAction): Promise<Reply> {
  const target = action.data[WORKSPACE_INPUT];
  if (typeof target !== 'string' || target.trim() === '') return Promise.resolve(textReply('Type the workspace name or resource id in the field, then press **Find my workspace**.'));
  return findWorkspace(ctx, port, target);
}
