/**
 * Azure reached through the scan guard only. A feature that reads Azure gets a handle bound to the conversation
 * and user it acts for, never the scan service itself, so a new path cannot forget the guard: every target is
 * authorised (tenant, allowed scopes, team binding) before its first read, name lookups answer only with what
 * the conversation may scan (bounded-resolution.ts), and a collection takes one scan from the user's,
 * conversation's and tenant's budgets first (for an id, before any read at all). A refusal is a
 * ScanError('forbidden') with the guard's sentence.
 *
 * A handle serves one operation (one lab validation, one find): it takes one scan per subscription it reads, so
 * trying a workspace's naming variants in turn costs one scan, not one per variant.
 */
import type { ConversationInfo } from '../shared/conversation';
import type { GuardDecision, ScanGuard } from './scan-guard';
import { ScanError, type Resolution, type ScanService } from '../scan/scan-service';
import type { SnapshotSource } from '../scan/snapshot-source';
import { parseWorkspaceId } from '../shared/resource-id';
import { authorizedLookup } from './guarded-scans';

export interface GuardedAzureHandle extends SnapshotSource {
  /** A name or id, resolved within what this conversation may scan. Costs no budget: it collects nothing. */
  resolve(target: string, signal?: AbortSignal): Promise<Resolution>;
}

export interface GuardedAzure {
  /** A handle for one operation on behalf of `principal`. */
  for(principal: ConversationInfo): GuardedAzureHandle;
}

export type GuardedSource = Pick<ScanService, 'resolve'> & SnapshotSource;

export function createGuardedAzure(source: GuardedSource, guard: ScanGuard): GuardedAzure {
  const refuseUnless = (decision: GuardDecision): void => {
    if (!decision.allowed) throw new ScanError('forbidden', decision.reason);
  };
  return {
    for(principal) {
      const budgets = new Map<string, Promise<GuardDecision>>();
      const takeScan = (workspaceId: string): Promise<GuardDecision> => {
        const subscription = parseWorkspaceId(workspaceId).subscriptionId.toLowerCase();
        const taken = budgets.get(subscription) ?? guard.takeScan(principal, workspaceId);
        budgets.set(subscription, taken);
        return taken;
      };
      const resolve = async (target: string, signal?: AbortSignal): Promise<Resolution> => {
        const lookup = await authorizedLookup(guard, source, principal, target);
        if (!lookup.allowed) throw new ScanError('forbidden', lookup.reason);
        return lookup.resolve(signal);
      };
      return {
        resolve,
        async snapshot(target, signal) {
          // A name is resolved first (one Resource Graph query, within the scopes, as a scan does) so that the
          // budget is charged for the workspace it names: the sample environment's cost nothing.
          const resolution = target.trim().startsWith('/') ? undefined : await resolve(target, signal);
          if (resolution !== undefined && resolution.kind !== 'found') return { resolution };
          const id = resolution?.workspace.id ?? target.trim();
          if (resolution === undefined) refuseUnless(await guard.authorizeResolved(id, principal));
          refuseUnless(await takeScan(id));
          return source.snapshot(id, signal);
        },
      };
    },
  };
}
