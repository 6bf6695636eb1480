/**
 * The Entra group id of the team a turn happens in, asked of Teams (TeamsInfo.getTeamDetails: the Bot Connector's
 * GET /v3/teams/{teamId}) rather than read from the activity's channelData, which the owner check must not trust.
 * The bot runs each turn inside `runInTurn` (AsyncLocalStorage), so the team-owner check — which knows nothing
 * of the bot — can ask for the group of the team the sender is talking in, and of no other.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConversationInfo } from '../dialogs/port';
import { isGuid } from '../shared/resource-id';

const turn = new AsyncLocalStorage<TurnContext>();

export function runInTurn<T>(context: TurnContext, fn: () => Promise<T>): Promise<T> {
  return turn.run(context, fn);
}

/** undefined outside a turn, outside a team, or when Teams names no group. */
export async function teamGroupIdFromTeams(conversation: Pick<ConversationInfo, 'teamId'>): Promise<string | undefined> {
  const context = turn.getStore();
  if (context === undefined || conversation.teamId === undefined) return undefined;
  const details = await TeamsInfo.getTeamDetails(context, conversation.teamId);
  return typeof details.aadGroupId === 'string' && isGuid(details.aadGroupId) ? details.aadGroupId : undefined;
}
