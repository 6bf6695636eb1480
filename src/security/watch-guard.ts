/**
 * The scan guard applied to watches. A watch reads Azure on a schedule, with nobody in the loop, so it passes the
 * same guard as a scan twice over: when it is set up (the target as typed, then the workspace it resolves to,
 * charged to the user's budget like a scan) and before every scheduled run, for the conversation and user that set
 * it up. A run that is no longer authorised (the tenant left the allow-list, the team was linked elsewhere, the
 * scope was removed) revokes the watch; a run over budget is skipped and tried again later.
 */
import type { GuardDecision, ScanGuard } from './scan-guard';
import type { ConversationInfo } from '../shared/conversation';
import type { Resolution } from '../scan/scan-service';
import { boundResolution } from './bounded-resolution';

/** Who a watch acts for: the conversation and the user that set it up, as the scan guard sees them. */
export type WatchPrincipal = ConversationInfo;

export type WatchRunDecision =
  | { readonly kind: 'run' }
  | { readonly kind: 'revoke'; readonly reason: string }
  | { readonly kind: 'skip'; readonly reason: string };

export interface WatchGuard {
  /** The target as typed, before anything is resolved (a name lookup is already an Azure read). */
  authorizeTarget(target: string, principal: WatchPrincipal): Promise<GuardDecision>;
  /** A name lookup narrowed to what the principal may scan: nothing outside it is named in the reply. */
  boundResolution(target: string, resolution: Resolution, principal: WatchPrincipal): Promise<Resolution>;
  /** The resolved workspace at subscribe time: authorised, and one scan taken from the budgets. */
  admitSubscribe(workspaceId: string, principal: WatchPrincipal): Promise<GuardDecision>;
  /** Before each scheduled scan. */
  admitRun(workspaceId: string, principal: WatchPrincipal | undefined): Promise<WatchRunDecision>;
}

/** A watch saved before watches carried who set them up cannot be authorised again: it is revoked. */
export const UNKNOWN_PRINCIPAL = 'This watch was set up before watches were authorised like scans. Say "watch <workspace>" again to renew it.';

export function createWatchGuard(guard: ScanGuard): WatchGuard {
  return {
    authorizeTarget: (target, principal) => guard.authorize(target, principal),
    boundResolution: (target, resolution, principal) => boundResolution(guard, principal, target, resolution),
    async admitSubscribe(workspaceId, principal) {
      const decision = await guard.authorizeResolved(workspaceId, principal);
      return decision.allowed ? guard.takeScan(principal, workspaceId) : decision;
    },
    async admitRun(workspaceId, principal) {
      if (principal === undefined) return { kind: 'revoke', reason: UNKNOWN_PRINCIPAL };
      const decision = await guard.authorizeResolved(workspaceId, principal);
      if (!decision.allowed) return { kind: 'revoke', reason: decision.reason };
      const budget = await guard.takeScan(principal, workspaceId);
      return budget.allowed ? { kind: 'run' } : { kind: 'skip', reason: budget.reason };
    },
  };
}
