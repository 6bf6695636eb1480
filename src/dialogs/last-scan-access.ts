/**
 * Who may see a stored scan again — paging, details and summaries of the scan feature, and the findings in the
 * baseline document. Nothing is read from Azure, so no budget is spent; but a stored report is what Azure showed
 * one person at one time, so it is shown only while the target is still authorised for this conversation (a team
 * linked elsewhere or a tenant removed since then sees no more of it) and, in user-delegated mode, only to the user
 * whose Azure rights ran the scan.
 */
import { authorizeTarget } from '../security/guarded-scans';
import type { ConversationInfo } from './port';
import type { ScanGuard } from '../security/scan-guard';
import type { LastScan } from './scan-state';

export const SOMEONE_ELSES_SCAN = 'Those results come from another person\'s scan, run with their Azure rights. Say "scan <workspace>" to see what yours can read.';

export interface LastScanAccess {
  readonly guard: Pick<ScanGuard, 'authorize' | 'authorizeResolved'>;
  /** User-delegated mode: only the user who scanned may see the results. */
  readonly userScopedResults: boolean;
}

/** Whether this user may see `last`: always in bot mode; in user-delegated mode only the user who scanned. */
export function isOwnScan(access: LastScanAccess, last: LastScan, conversation: ConversationInfo): boolean {
  return !access.userScopedResults || last.scannedBy === conversation.userId;
}

/** Why `last` may not be shown in this conversation now, or undefined when it may. */
export async function lastScanRefusal(access: LastScanAccess, last: LastScan, conversation: ConversationInfo): Promise<string | undefined> {
  if (!isOwnScan(access, last, conversation)) return SOMEONE_ELSES_SCAN;
  const decision = await authorizeTarget(access.guard, last.target, conversation);
  return decision.allowed ? undefined : decision.reason;
}
