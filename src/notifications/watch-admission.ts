/**
 * One watch run admitted through the scan guard, for scheduled scans and change-event re-checks alike: both read
 * Azure for the conversation and user that set the watch up. A run no longer authorised disables the watch with
 * a log line; a run over budget is skipped (the watch stays, the next run tries again).
 */
import type { Logger } from '../logging';
import type { WatchGuard } from '../security/watch-guard';
import type { Subscription, SubscriptionRepository } from './subscriptions';

export type WatchAdmission = 'run' | 'revoked' | 'over-budget';

export interface WatchAdmissionDeps {
  readonly guard: WatchGuard;
  readonly subscriptions: SubscriptionRepository;
  readonly logger: Logger;
}

export async function admitWatchRun(deps: WatchAdmissionDeps, subscription: Subscription): Promise<WatchAdmission> {
  const admitted = await deps.guard.admitRun(subscription.workspace.id, subscription.principal);
  if (admitted.kind === 'revoke') {
    await deps.subscriptions.disable(subscription.id, admitted.reason);
    deps.logger.warn({ subscriptionId: subscription.id, workspaceId: subscription.workspace.id, reason: admitted.reason }, 'watch revoked: its scan is no longer authorised');
    return 'revoked';
  }
  if (admitted.kind === 'skip') {
    deps.logger.info({ subscriptionId: subscription.id, reason: admitted.reason }, 'watch run skipped: over the scan budget');
    return 'over-budget';
  }
  return 'run';
}
