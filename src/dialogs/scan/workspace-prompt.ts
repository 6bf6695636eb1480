/** "Which workspace?": the workspaces this conversation may scan (or the candidates of an ambiguous name), and the sample. */
import { workspaceChoiceCard } from '../../cards/workspace-choice-card';
import type { ScanSelection } from '../../scan/scan-service';
import type { TurnPort } from '../port';
import type { CheckScope } from '../scan-action-data';
import type { ScanContext } from './context';

type Workspaces = Parameters<typeof workspaceChoiceCard>[0]['workspaces'];

/** What a "Which workspace?" card passes back: a scope by name, or the exact checks a related-checks button named. */
function choiceScope(scope: CheckScope | ScanSelection): { readonly check: string; readonly checkIds?: readonly string[] } {
  if (typeof scope === 'string') return { check: scope };
  return scope.kind === 'checks' ? { check: 'all', checkIds: scope.checkIds } : { check: 'all' };
}

/** The workspaces to offer, listed only for a conversation the guard lets list (a listing is an Azure read too). */
export async function listWorkspaces(ctx: ScanContext, port: TurnPort): Promise<Workspaces> {
  try {
    return await ctx.scansFor(port).listWorkspaces();
  } catch (error) {
    ctx.options.logger?.warn({ err: error }, 'could not list workspaces');
    return [];
  }
}

export async function promptForWorkspace(ctx: ScanContext, port: TurnPort, scope: CheckScope | ScanSelection, candidates?: Workspaces, name?: string, notice?: string): Promise<void> {
  const workspaces = await ctx.scansFor(port).filterVisible(candidates ?? (await listWorkspaces(ctx, port)));
  const prompt =
    name !== undefined
      ? `Several workspaces are called "${name}". Which one should I scan?`
      : workspaces.length > 0
        ? 'Which Azure Machine Learning workspace should I scan? Choose one, or try the sample workspace.'
        : 'I cannot see any Azure Machine Learning workspace. Try the sample workspace, or name a workspace by its resource id.';
  const text = notice === undefined ? prompt : `${notice} ${prompt}`;
  await port.sendCard(workspaceChoiceCard({ title: 'Which workspace?', prompt: text, workspaces, includeSample: true, ...choiceScope(scope) }), 'Which workspace?');
}

/** Before a request that named no workspace re-scans the last one: says so, and keeps the choice of another at hand. */
export async function announceLastWorkspace(ctx: ScanContext, port: TurnPort, scope: CheckScope | ScanSelection, workspaceName: string): Promise<void> {
  const workspaces = await ctx.scansFor(port).filterVisible(await listWorkspaces(ctx, port));
  const title = `Your last scan of ${workspaceName}`;
  const prompt = `You named no workspace, so I am checking ${workspaceName} again, the workspace of your last scan here. To check another workspace, choose it and press Scan.`;
  await port.sendCard(workspaceChoiceCard({ title, prompt, workspaces, includeSample: true, ...choiceScope(scope) }), title);
}
