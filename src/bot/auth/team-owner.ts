/**
 * Is the sender an owner of this team? The Bot Framework roster cannot say: TeamsInfo.getMember /
 * getPagedMembers return `userRole` 'user', 'guest' or 'anonymous' (msteams-docs get-teams-context.md), never
 * 'owner' (botbuilder-js #2706, msteams-docs #1990). Microsoft Graph can: GET /teams/{groupId}/members returns
 * `roles: ['owner']` for owners. The bot reads it with its own identity and the resource-specific consent
 * permission `TeamMember.Read.Group`, which a team owner grants for that team alone when installing the app
 * (manifest `authorization.permissions.resourceSpecific`), so no tenant-wide Graph permission is needed.
 *
 * `teamGroupId` maps the conversation to the team's Entra group id: the bot implements it with
 * `TeamsInfo.getTeamDetails(context).aadGroupId` (the Teams thread id in channelData is not the group id).
 */
import type { TokenCredential } from '@azure/identity';
import type { TeamRosterCheck } from '../../dialogs/link';
import type { ConversationInfo } from '../../dialogs/port';
import { isGuid } from '../../shared/resource-id';
import { isRecord } from '../../shared/is-record';

export interface GraphTeamOwnerCheckOptions {
  /** The bot's own identity (managed identity or app credential); asked for `${graphEndpoint}/.default`. */
  readonly credential: TokenCredential;
  readonly teamGroupId: (conversation: ConversationInfo) => Promise<string | undefined>;
  /** Sovereign clouds differ; https://graph.microsoft.com by default. */
  readonly graphEndpoint?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export class RosterCheckError extends Error {
  override readonly name = 'RosterCheckError';
}

export function createGraphTeamOwnerCheck(options: GraphTeamOwnerCheckOptions): TeamRosterCheck {
  const graph = (options.graphEndpoint ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return {
    async isTeamOwner(conversation) {
      // Only AAD users can own a team; ids are validated because they go into an OData filter.
      if (!isGuid(conversation.userId) || conversation.teamId === undefined) return false;
      const groupId = await options.teamGroupId(conversation);
      if (groupId === undefined || !isGuid(groupId)) return false;
      const token = await options.credential.getToken(`${graph}/.default`);
      if (token === null) throw new RosterCheckError('No token for Microsoft Graph.');
      const filter = encodeURIComponent(`(microsoft.graph.aadUserConversationMember/userId eq '${conversation.userId}')`);
      const response = await doFetch(`${graph}/v1.0/teams/${groupId}/members?$filter=${filter}`, {
        headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      // 403: the team has not granted TeamMember.Read.Group; 404: not a team. Neither proves ownership.
      if (response.status === 403 || response.status === 404) return false;
      if (!response.ok) throw new RosterCheckError(`Microsoft Graph answered HTTP ${response.status} for the team roster.`);
      const body: unknown = await response.json();
      const members: readonly unknown[] = isRecord(body) && Array.isArray(body.value) ? body.value : [];
      return members.some(
        (m) => isRecord(m) && typeof m.userId === 'string' && m.userId.toLowerCase() === conversation.userId.toLowerCase() && Array.isArray(m.roles) && m.roles.includes('owner'),
      );
    },
  };
}
