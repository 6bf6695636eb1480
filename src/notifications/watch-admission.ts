/**
 * One watch run admitted through the guarded watches handle, for scheduled scans and change-event re-checks alike:
 * both read Azure for the conversation and user that set the watch up. A run no longer authorised disables the
 * watch with a log line; a run over budget is skipped (the watch stays, the next run tries again). Only an
 * admitted run carries a scan.
 */
import type { Logger } from '../logging';
import type { AdmittedScan, GuardedWatches } from '../security/guarded-watches';
import type { Subscription, SubscriptionRepository } from './subscriptions';

export type WatchAdmission = { readonly kind: 'run'; readonly scan: AdmittedScan } | { readonly kind: 'revoked' | 'over-budget' };

export interface WatchAdmissionDeps {
  readonly watches: GuardedWatches;
  readonly subscriptions: SubscriptionRepository;
  readonly logger: Logger;
}

export async function admitWatchRun(deps: WatchAdmissionDeps, subscription: Subscription): Promise<WatchAdmission> {
  const admitted = await deps.watches.admitRun(subscription.workspace.id, subscription.principal);
  switch (admitted.kind) {
    case 'revoke':
      await deps.subscriptions.disable(subscription.id, admitted.reason);
      deps.logger.warn({ subscriptionId: subscription.id, workspaceId: subscription.workspace.id, reason: admitted.reason }, 'watch revoked: its scan is no longer authorised');
      return { kind: 'revoked' };
    case 'skip':
      deps.logger.info({ subscriptionId: subscription.id, reason: admitted.reason }, 'watch run skipped: over the scan budget');
      return { kind: 'over-budget' };
    case 'run':
      return admitted;
  }
}
