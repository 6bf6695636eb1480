/**
 * What the scan feature asks before any ARM read: may this conversation scan that target (tenant, allowed
 * scopes, team binding), and is it within its rate limit. src/security implements it; tests may omit it.
 * Card data is re-authorised on every action: nothing a client sends is trusted because an earlier scan was.
 */
import type { WorkspaceRef } from '../shared/workspace';
import type { ConversationInfo } from './port';

export type GuardDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export interface ScanGuard {
  /** The raw target (sample, id or name) before anything is resolved or read. */
  authorize(target: string, conversation: ConversationInfo): Promise<GuardDecision>;
  /** A resolved workspace id (or one a card carried) before anything is collected. */
  authorizeResolved(workspaceId: string, conversation: ConversationInfo): Promise<GuardDecision>;
  /** A subscription (GUID or `/subscriptions/<guid>`) before its Defender settings are read. Optional: absent means refuse. */
  authorizeSubscription?(subscription: string, conversation: ConversationInfo): Promise<GuardDecision>;
  /** Before workspaces are listed for this conversation (a Resource Graph read): the tenant gate alone. */
  authorizeListing(conversation: ConversationInfo): Promise<GuardDecision>;
  /** The workspaces this conversation may choose from. */
  filterVisible<T extends Pick<WorkspaceRef, 'id'>>(workspaces: readonly T[], conversation: ConversationInfo): Promise<readonly T[]>;
  /**
   * Takes one scan from the user's and the conversation's budget. `target` (the sample, a workspace id or a
   * subscription) lets the guard exempt what costs no Azure request: the built-in sample environment.
   */
  takeScan(conversation: ConversationInfo, target?: string): Promise<GuardDecision>;
}
