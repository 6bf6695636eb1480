/**
 * The scan feature's guard, made of the authorizer (who may scan what) and the rate limiter (how often).
 * Scans of the built-in sample environment are not rate-limited: they read only the local sample server and cost
 * no Azure Resource Manager request, which is what the limit protects (ARM throttling, the bot identity's quota).
 */
import type { ScanGuard } from '../dialogs/scan-guard';
import type { RateLimiter } from './rate-limit';
import type { ScanAuthorizer } from './scan-authorization';

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
