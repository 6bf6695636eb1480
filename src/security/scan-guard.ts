/**
 * The scan guard: what every path to Azure asks first — may this conversation scan that target (tenant, allowed
 * scopes, team binding), and is it within its rate limit — and the product's guard, made of the authorizer (who may
 * scan what) and the rate limiter (how often). Card data is re-authorised on every action: nothing a client sends is
 * trusted because an earlier scan was.
 *
 * Scans of the built-in sample environment are not rate-limited: they read only the local sample server and cost
 * no Azure Resource Manager request, which is what the limit protects (ARM throttling, the bot identity's quota).
 */
import type { ConversationInfo } from '../shared/conversation';
import type { WorkspaceRef } from '../shared/workspace';
import type { RateLimiter } from './rate-limit';
import type { ScanAuthorizer } from './scan-authorization';

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

export function createScanGuard(authorizer: ScanAuthorizer, rateLimiter: RateLimiter): ScanGuard {
  return {
    async authorize(target, conversation) {
      const decision = await authorizer.authorize({ target, conversation });
      return decision.allowed ? { allowed: true } : decision;
    },
    async authorizeResolved(workspaceId, conversation) {
      const decision = await authorizer.authorizeResolved(workspaceId, conversation);
      return decision.allowed ? { allowed: true } : decision;
    },
    async authorizeSubscription(subscription, conversation) {
      const decision = await authorizer.authorizeSubscription(subscription, conversation);
      return decision.allowed ? { allowed: true } : decision;
    },
    authorizeListing: (conversation) => Promise.resolve(authorizer.authorizeTenant(conversation)),
    filterVisible: (workspaces, conversation) => authorizer.filterVisible(workspaces, conversation),
    async takeScan(conversation, target) {
      if (target !== undefined && authorizer.isSample(target)) return { allowed: true };
      const decision = await rateLimiter.take({ userId: conversation.userId, conversationId: conversation.conversationId, tenantId: conversation.tenantId });
      return decision.allowed ? { allowed: true } : { allowed: false, reason: decision.reason };
    },
  };
}
