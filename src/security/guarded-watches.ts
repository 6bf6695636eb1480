/**
 * Azure reached by watches through the watch guard only. Notifications and change re-checks get this handle,
 * never the scan service nor the guard, so a new watch path cannot forget the guard: the only way to a scan is an
 * admission — at subscribe (the target as typed, then the workspace it resolves to, one scan from the budgets) or
 * before a run (the stored principal authorised again, one scan from the budgets) — and an admission reads once,
 * the workspace it admitted, by its id.
 */
import type { ScanReport } from '../checks/types';
import type { Resolution, ScanSelection, ScanService, WorkspaceRef } from '../scan/scan-service';
import type { WatchGuard, WatchPrincipal } from './watch-guard';
import { oneUse } from './one-use';

export type { WatchPrincipal } from './watch-guard';

/** The one scan an admission allows, of the workspace it admitted. */
export type AdmittedScan = (selection: ScanSelection) => Promise<ScanReport>;

export type SubscribeAdmission =
  | { readonly kind: 'admitted'; readonly workspace: WorkspaceRef; readonly scan: AdmittedScan }
  | { readonly kind: 'refused'; readonly reason: string }
  /** The name matched several workspaces the principal may scan, or none: nothing was charged. */
  | Exclude<Resolution, { readonly kind: 'found' }>;

export type RunAdmission =
  | { readonly kind: 'run'; readonly scan: AdmittedScan }
  /** No longer authorised (binding, tenant or scope changed; or nobody known to authorise): the watch stops. */
  | { readonly kind: 'revoke'; readonly reason: string }
  /** Over the scan budget: the watch stays, a later run tries again. */
  | { readonly kind: 'skip'; readonly reason: string };

export interface GuardedWatches {
  /** "watch <target>" on behalf of `principal`. A ScanError from the name lookup is thrown as the scan service's. */
  admitSubscribe(target: string, principal: WatchPrincipal): Promise<SubscribeAdmission>;
  /** A scheduled run or a change re-check of a stored watch, for who set it up (undefined: saved before watches had one). */
  admitRun(workspaceId: string, principal: WatchPrincipal | undefined): Promise<RunAdmission>;
}

export type WatchScanSource = Pick<ScanService, 'scan' | 'resolve'>;

export function createGuardedWatches(source: WatchScanSource, guard: WatchGuard): GuardedWatches {
  /** One scan per admission: a second would spend Azure reads the budget was not charged for. */
  const scanOnce = (workspaceId: string): AdmittedScan =>
    oneUse((selection) => source.scan({ target: workspaceId, selection }), 'A watch admission allows one scan; admit the watch again for another.');
  return {
    async admitSubscribe(target, principal) {
      const typed = await guard.authorizeTarget(target, principal);
      if (!typed.allowed) return { kind: 'refused', reason: typed.reason };
      const resolution = await guard.boundResolution(target, await source.resolve(target), principal);
      if (resolution.kind !== 'found') return resolution;
      const admitted = await guard.admitSubscribe(resolution.workspace.id, principal);
      if (!admitted.allowed) return { kind: 'refused', reason: admitted.reason };
      return { kind: 'admitted', workspace: resolution.workspace, scan: scanOnce(resolution.workspace.id) };
    },
    async admitRun(workspaceId, principal) {
      const decision = await guard.admitRun(workspaceId, principal);
      return decision.kind === 'run' ? { kind: 'run', scan: scanOnce(workspaceId) } : decision;
    },
  };
}
