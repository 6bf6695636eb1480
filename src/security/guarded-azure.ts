/**
 * Azure reached through the scan guard only. A feature that reads Azure gets a handle bound to the conversation
 * and user it acts for, never the scan service itself, so a new path cannot forget the guard: every target is
 * authorised (tenant, allowed scopes, team binding) before its first read, name lookups answer only with what
 * the conversation may scan (bounded-resolution.ts), and a collection takes one scan from the user's,
 * conversation's and tenant's budgets first. A refusal is a ScanError('forbidden') with the guard's sentence.
 *
 * A handle serves one operation (one lab validation, one find): its budget is taken once, before its first
 * snapshot, so trying a workspace's naming variants in turn costs one scan, not one per variant.
 */
import type { ConversationInfo } from '../dialogs/port';
import type { GuardDecision, ScanGuard } from '../dialogs/scan-guard';
import { ScanError, type Resolution, type ScanService } from '../scan/scan-service';
import type { SnapshotSource } from '../scan/snapshot-source';
import { boundResolution } from './bounded-resolution';

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
      let budget: Promise<GuardDecision> | undefined;
      const resolve = async (target: string, signal?: AbortSignal): Promise<Resolution> => {
        refuseUnless(await guard.authorize(target, principal));
        return boundResolution(guard, principal, target, await source.resolve(target, signal));
      };
      return {
        resolve,
        async snapshot(target, signal) {
          refuseUnless(await guard.authorize(target, principal));
          // Before any read, even the name lookup: a refused request costs Azure nothing.
          budget ??= guard.takeScan(principal, target.trim());
          refuseUnless(await budget);
          // An id was authorised itself just now; a name only once it resolves within what this conversation may scan.
          if (target.trim().startsWith('/')) return source.snapshot(target, signal);
          const resolution = await boundResolution(guard, principal, target, await source.resolve(target, signal));
          if (resolution.kind !== 'found') return { resolution };
          return source.snapshot(resolution.workspace.id, signal);
        },
      };
    },
  };
}
