/**
 * Who may accept, renew or revoke a risk (GUARDIAN_EXCEPTION_APPROVERS): team owners (default — through the same
 * roster port that guards "link this channel"), anyone in the conversation, or people holding a named Azure role on
 * the resource (user-delegated mode, through a role port the bot implements with the user's own token).
 * In a personal chat there is no team: the person is the only member, and the exception applies to their own
 * scans, so they may accept there.
 */
import type { ExceptionApprovers } from '../config';
import type { TeamRosterCheck } from './link';
import type { ConversationInfo } from './port';

/** The user-delegated check: does the sender hold `roleName` on `resourceId` (directly, by group or inherited)? */
export interface AzureRoleCheck {
  hasRole(conversation: ConversationInfo, resourceId: string, roleName: string): Promise<boolean>;
}

export interface ApproverCheck {
  /** undefined when the sender may decide; otherwise the refusal to show. */
  refusal(conversation: ConversationInfo, resourceId: string): Promise<string | undefined>;
}

export const APPROVER_TEXT = {
  notOwner: 'Only an owner of this team can accept a risk here (GUARDIAN_EXCEPTION_APPROVERS=team-owners). Ask a team owner.',
  groupChat: 'Accepting a risk needs a team owner, and a group chat has no team. Accept it in the team channel, or in a personal chat for your own scans.',
  rosterFailed: 'I could not check the team roster just now, so I saved nothing. Please try again in a minute.',
  noRole: (role: string) => `Only people holding the Azure role "${role}" on the resource can accept this risk, and I could not find it among yours.`,
  noRoleCheck: (role: string) => `Accepting a risk needs the Azure role "${role}", which I can check only in user-delegated mode (GUARDIAN_AUTH_MODE=user).`,
} as const;

export function createApproverCheck(policy: ExceptionApprovers, ports: { readonly roster: TeamRosterCheck; readonly roles?: AzureRoleCheck }): ApproverCheck {
  return {
    async refusal(conversation, resourceId) {
      switch (policy.kind) {
        case 'anyone':
          return undefined;
        case 'team-owners': {
          if (conversation.conversationType === 'personal') return undefined;
          if (conversation.teamId === undefined) return APPROVER_TEXT.groupChat;
          try {
            return (await ports.roster.isTeamOwner(conversation)) ? undefined : APPROVER_TEXT.notOwner;
          } catch {
            return APPROVER_TEXT.rosterFailed;
          }
        }
        case 'azure-role': {
          if (ports.roles === undefined) return APPROVER_TEXT.noRoleCheck(policy.role);
          return (await ports.roles.hasRole(conversation, resourceId, policy.role)) ? undefined : APPROVER_TEXT.noRole(policy.role);
        }
      }
    },
  };
}
