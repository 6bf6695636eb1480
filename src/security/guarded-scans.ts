/**
 * The scan feature's only way to Azure: the scan service behind the scan guard. The feature holds this handle,
 * never the service or the guard, and what a refusal must prevent — a name lookup, a collection, a Defender read
 * — is a method of the admission that only an allowed decision returns. A new path in the feature therefore cannot
 * read Azure without asking first.
 *
 * Each step decides what the feature decided before it held this handle, in the same order and with the same
 * sentences: a raw target is authorised before it is resolved, and a lookup answers only with what the
 * conversation may scan (bounded-resolution.ts); a sample or workspace id is authorised, then one scan is taken
 * from the budgets (the guard exempts the sample), before its collection; a subscription likewise before its
 * Defender plans are read. Decisions come back as values, so the feature can answer a refusal in its own words
 * before it shows any progress. The cap on scans in flight stays on the service the handle wraps.
 */
import type { ConversationInfo } from '../shared/conversation';
import type { GuardDecision, ScanGuard } from './scan-guard';
import type { ScanReport } from '../checks/types';
import type { DefenderStatusReport, Resolution, ScanRequest, ScanService, WorkspaceRef } from '../scan/scan-service';
import { boundResolution } from './bounded-resolution';
import { oneUse } from './one-use';
import { isSampleTarget } from '../shared/scan-target';

export type Refusal = Extract<GuardDecision, { readonly allowed: false }>;

/** A raw target this conversation may name: its lookup answers only with workspaces the conversation may scan. */
export interface AllowedLookup {
  readonly allowed: true;
  resolve(signal?: AbortSignal): Promise<Resolution>;
}

/** One scan of one target, authorised and paid for: it serves one collection. */
export interface ScanAdmission {
  readonly allowed: true;
  scan(request: Omit<ScanRequest, 'target'>): Promise<ScanReport>;
}

/** One read of a subscription's Defender plans, authorised and paid for. */
export interface DefenderAdmission {
  readonly allowed: true;
  defenderStatus(signal?: AbortSignal): Promise<DefenderStatusReport>;
}

/** Scans on behalf of one conversation and user. */
export interface GuardedScanHandle {
  /** A name, id or sample as typed, authorised before anything is resolved or read. */
  lookup(target: string): Promise<AllowedLookup | Refusal>;
  /** A sample or workspace id, authorised for this conversation as it stands now, then one scan from its budget. */
  admit(target: string): Promise<ScanAdmission | Refusal>;
  /** A subscription (its GUID), authorised, then one scan from its budget. */
  admitSubscription(subscriptionId: string): Promise<DefenderAdmission | Refusal>;
  /** The workspaces to offer, listed only when the conversation may list (a Resource Graph read); else none. */
  listWorkspaces(): Promise<readonly WorkspaceRef[]>;
  /** The workspaces this conversation may choose from. */
  filterVisible<T extends Pick<WorkspaceRef, 'id'>>(workspaces: readonly T[]): Promise<readonly T[]>;
}

/**
 * Scans behind the guard. `authorize` and `authorizeResolved` are the guard's decisions alone (they read nothing):
 * a stored scan is shown again only while its target is still authorised (src/dialogs/last-scan-access.ts).
 */
export interface GuardedScans extends Pick<ScanGuard, 'authorize' | 'authorizeResolved'> {
  for(principal: ConversationInfo): GuardedScanHandle;
}

const ONE_SCAN = 'An admission serves one scan; ask the guard again for another.';
const NO_SUBSCRIPTION_GUARD = 'This bot is not set up to read the Defender plans of a subscription.';
const NO_DEFENDER_READS = 'This scan service cannot read the Defender plans of a subscription; name a workspace in it instead.';

/** A sample target or a workspace id, authorised for `conversation` as it stands now. */
export function authorizeTarget(guard: Pick<ScanGuard, 'authorize' | 'authorizeResolved'>, target: string, conversation: ConversationInfo): Promise<GuardDecision> {
  return isSampleTarget(target) ? guard.authorize(target, conversation) : guard.authorizeResolved(target, conversation);
}

/**
 * A name, id or sample as typed, authorised for `principal` before anything is resolved; the resolution then answers
 * only with what this conversation may scan (a match outside it is not named, not even in a refusal). The one
 * lookup of every guarded handle: scans here, lab validation and exceptions in guarded-azure.ts.
 */
export async function authorizedLookup(
  guard: ScanGuard,
  resolver: Pick<ScanService, 'resolve'>,
  principal: ConversationInfo,
  target: string,
): Promise<AllowedLookup | Refusal> {
  const decision = await guard.authorize(target, principal);
  if (!decision.allowed) return decision;
  return { allowed: true, resolve: async (signal) => boundResolution(guard, principal, target, await resolver.resolve(target, signal)) };
}

export function createGuardedScans(service: ScanService, guard: ScanGuard): GuardedScans {
  return {
    authorize: (target, conversation) => guard.authorize(target, conversation),
    authorizeResolved: (workspaceId, conversation) => guard.authorizeResolved(workspaceId, conversation),
    for(principal) {
      return {
        lookup: (target) => authorizedLookup(guard, service, principal, target),
        async admit(target) {
          const decision = await authorizeTarget(guard, target, principal);
          if (!decision.allowed) return decision;
          const budget = await guard.takeScan(principal, target);
          if (!budget.allowed) return budget;
          return { allowed: true, scan: oneUse((request: Omit<ScanRequest, 'target'>) => service.scan({ ...request, target }), ONE_SCAN) };
        },
        async admitSubscription(subscriptionId) {
          const scope = `/subscriptions/${subscriptionId}`;
          const decision = guard.authorizeSubscription === undefined ? { allowed: false as const, reason: NO_SUBSCRIPTION_GUARD } : await guard.authorizeSubscription(scope, principal);
          if (!decision.allowed) return decision;
          const budget = await guard.takeScan(principal, scope);
          if (!budget.allowed) return budget;
          const read = service.defenderStatus?.bind(service);
          if (read === undefined) return { allowed: false, reason: NO_DEFENDER_READS };
          return { allowed: true, defenderStatus: oneUse((signal?: AbortSignal) => read(subscriptionId, signal), ONE_SCAN) };
        },
        async listWorkspaces() {
          if (!(await guard.authorizeListing(principal)).allowed) return [];
          return service.listWorkspaces();
        },
        filterVisible: (workspaces) => guard.filterVisible(workspaces, principal),
      };
    },
  };
}
