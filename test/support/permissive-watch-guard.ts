/**
 * A watch guard that admits everything, for tests about scheduling, diffs and delivery rather than authorisation
 * (test/security/watch-guard.test.ts tests the real one), inside the product's guarded watches handle. The product has
 * no such guard: the notification service and the change re-checks require the handle, and wiring builds it over
 * the scan guard's.
 */
import type { ConversationInfo } from '../../src/dialogs/port';
import { createGuardedWatches, type GuardedWatches, type WatchScanSource } from '../../src/security/guarded-watches';
import type { WatchGuard } from '../../src/security/watch-guard';

export const permissiveWatchGuard: WatchGuard = {
  authorizeTarget: () => Promise.resolve({ allowed: true }),
  boundResolution: (_target, resolution) => Promise.resolve(resolution),
  admitSubscribe: () => Promise.resolve({ allowed: true }),
  admitRun: () => Promise.resolve({ kind: 'run' }),
};

/** Watches over `source` that admit everything (the handle is the product's; only the guard is permissive). */
export function permissiveWatches(source: WatchScanSource): GuardedWatches {
  return createGuardedWatches(source, permissiveWatchGuard);
}

/** Who sets a watch up in such tests: a personal chat of one user. */
export function watchPrincipal(conversationId: string, userId: string): ConversationInfo {
  return { conversationId, conversationType: 'personal', tenantId: 'tenant-1', userId, userName: userId, teamId: undefined, channelId: undefined };
}
