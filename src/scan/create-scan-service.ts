/**
 * The scan service: target → workspace id → snapshot (collectors) → findings (check runner) → report.
 * The same service runs over real Azure or over the sample ARM server; only the clients and the sample
 * names differ. A full scan collects everything; a narrower selection (a re-check, an area, a category) collects
 * only the reads its checks need (checks/check-reads.ts), and proves afterwards that the checks stayed within them.
 */
import { isRestError } from '@azure/core-rest-pipeline';
import type { ArmClients } from '../azure/clients';
import { collectWorkspaceSnapshot, fieldsToRead } from '../azure/collect';
import { describeCredentialError, isCredentialError } from '../azure/credentials';
import { graphScope } from '../azure/graph-scope';
import { listWorkspaces, parseWorkspaceTarget, resolveWorkspace, WorkspaceTargetError } from '../azure/resolve';
import type { ReadError, WorkspaceSnapshot } from '../azure/snapshot';
import { recordReads, type SnapshotField } from '../azure/snapshot-fields';
import { readsOfChecks } from '../checks/check-reads';
import { checksFor } from '../checks/registry';
import { buildReport, runChecks } from '../checks/runner';
import type { CheckDefinition, Finding, ScanReport } from '../checks/types';
import { isSubscriptionGuid } from '../azure/subscription-defender';
import { isWithinScope, parseResourceId } from '../shared/resource-id';
import { readDefenderStatus } from './defender-status';
import { ScanError, type DefenderStatusReport, type Resolution, type ScanRequest, type ScanService, type WorkspaceRef } from './scan-service';
import type { SnapshotSource } from './snapshot-source';

export interface ScanServiceDeps {
  readonly clients: ArmClients;
  /** Deadline of one scan's collection (config.azure.scanTimeoutMs). */
  readonly timeoutMs: number;
  /** ARM reads in flight at once (config.azure.armConcurrency). */
  readonly concurrency: number;
  /** Sample name → workspace id when the service runs over the sample server (`sample`, `sample:hardened`). */
  readonly samples?: Readonly<Record<string, string>>;
  /** The sample that plain `sample` means. */
  readonly defaultSample?: string;
  /** When set, only workspaces within these scopes may be scanned (checked before the workspace is read). */
  readonly allowedScopes?: readonly string[];
  readonly now?: () => Date;
  /** The reads a set of checks needs (default: the generated table); undefined means all. Injectable for tests. */
  readonly readsOf?: (checks: readonly CheckDefinition[]) => ReadonlySet<SnapshotField> | undefined;
}

export type GuardianScanService = ScanService & SnapshotSource;

const OUTSIDE_SCOPES = "That workspace is outside the scopes allowed here; ask the bot's administrator to add its subscription or resource group.";
/** For whoever runs the bot or the CLI (ScanError.operatorHint): chat never shows it. */
const OUTSIDE_SCOPES_HINT = 'The allowed scopes are GUARDIAN_ALLOWED_SCOPES.';

export function createScanService(deps: ScanServiceDeps): GuardianScanService {
  const now = deps.now ?? ((): Date => new Date());
  const readsOf = deps.readsOf ?? readsOfChecks;

  const sampleId = (target: string): string | undefined => {
    const match = /^sample(?::(.*))?$/i.exec(target.trim());
    if (match === null) return undefined;
    if (deps.samples === undefined) {
      throw new ScanError('usage', 'The sample environment is not available here: start with --sample (CLI) or ask for "scan sample" in the sample bot.');
    }
    const name = (match[1] ?? deps.defaultSample ?? 'lab-default').trim().toLowerCase();
    const id = deps.samples[name];
    if (id === undefined) throw new ScanError('usage', `There is no sample named "${name}"; try ${Object.keys(deps.samples).map((n) => `sample:${n}`).join(' or ')}.`);
    return id;
  };

  // Resource Graph looks only inside the scopes: a name outside them is never found, nor listed as a candidate.
  const scope = graphScope(deps.allowedScopes);
  const assertAllowed = (resourceId: string, refusal = OUTSIDE_SCOPES): void => {
    if (deps.allowedScopes === undefined) return;
    if (!deps.allowedScopes.some((scope) => isWithinScope(resourceId, scope))) throw new ScanError('forbidden', refusal, OUTSIDE_SCOPES_HINT);
  };

  /** Over the sample server only the sample subscriptions exist; it would answer any other with empty lists. */
  const sampleSubscriptions = deps.samples === undefined ? undefined : new Set(Object.values(deps.samples).map((id) => parseResourceId(id).subscriptionId.toLowerCase()));

  const defenderStatus = async (subscriptionId: string, signal?: AbortSignal): Promise<DefenderStatusReport> => {
    const id = subscriptionId.trim().toLowerCase();
    if (!isSubscriptionGuid(id)) throw new ScanError('usage', 'A subscription id is a GUID such as 1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001.');
    // A subscription is allowed only when the subscription itself is (an allowed resource group does not open
    // the subscription's settings).
    assertAllowed(`/subscriptions/${id}`, `The subscription ${id} is outside the scopes this bot may read; Defender plans are set per subscription, so an administrator must allow the whole subscription.`);
    if (sampleSubscriptions !== undefined && !sampleSubscriptions.has(id)) throw new ScanError('not_found', `The sample environment has no subscription ${id}.`);
    const { collected, report } = await readDefenderStatus(deps.clients, id, { timeoutMs: deps.timeoutMs, concurrency: deps.concurrency, ...(signal !== undefined ? { signal } : {}), now });
    if (!collected.defenderPlans.ok) {
      const failure = subscriptionFailure(collected.defenderPlans.error);
      if (failure !== undefined) throw failure;
    }
    return report;
  };

  const resolve = async (target: string, signal?: AbortSignal): Promise<Resolution> => {
    const sample = sampleId(target);
    try {
      const parsed = parseWorkspaceTarget(sample ?? target);
      // Refused before any read, and without repeating the id: the refusal says nothing about what exists there.
      if (parsed.kind === 'id') assertAllowed(parsed.id);
      return await resolveWorkspace(deps.clients, sample ?? target, { ...(signal !== undefined ? { signal } : {}), ...(scope !== undefined ? { scope } : {}) });
    } catch (error) {
      throw toScanError(error);
    }
  };

  /** The id to collect: samples and ids directly (no extra read), names through Resource Graph. */
  const workspaceIdFor = async (target: string, signal?: AbortSignal): Promise<string> => {
    const sample = sampleId(target);
    if (sample !== undefined) return sample;
    let parsed;
    try {
      parsed = parseWorkspaceTarget(target);
    } catch (error) {
      throw toScanError(error);
    }
    if (parsed.kind === 'id') return parsed.id;
    const resolution = await resolve(target, signal);
    switch (resolution.kind) {
      case 'found':
        return resolution.workspace.id;
      case 'ambiguous':
        throw new ScanError(
          'usage',
          `Several workspaces are named "${parsed.name}": ${resolution.candidates.map((c) => `${c.resourceGroup} (subscription ${c.subscriptionId})`).join(', ')}. Give the full resource id.`,
        );
      case 'not_found':
        throw new ScanError('not_found', resolution.message);
    }
  };

  const collect = async (workspaceId: string, request: Pick<ScanRequest, 'onProgress' | 'signal'>, only?: ReadonlySet<SnapshotField>): Promise<WorkspaceSnapshot> => {
    assertAllowed(workspaceId);
    const snapshot = await collectWorkspaceSnapshot(deps.clients, workspaceId, {
      timeoutMs: deps.timeoutMs,
      concurrency: deps.concurrency,
      ...(request.signal !== undefined ? { signal: request.signal } : {}),
      ...(request.onProgress !== undefined ? { onProgress: request.onProgress } : {}),
      ...(only !== undefined ? { only } : {}),
      now,
    });
    if (!snapshot.workspace.ok) {
      const failure = workspaceFailure(snapshot.workspace.error);
      if (failure !== undefined) throw failure;
    }
    return snapshot;
  };

  return {
    async scan(request: ScanRequest): Promise<ScanReport> {
      const workspaceId = await workspaceIdFor(request.target, request.signal);
      const checks = checksFor(request.selection);
      const only = request.selection.kind === 'all' ? undefined : readsOf(checks);
      const snapshot = await collect(workspaceId, request, only);
      if (only === undefined) return buildReport(snapshot, runChecks(snapshot, checks), now());
      const findings = runWithinReads(snapshot, checks, fieldsToRead(only));
      if (findings !== undefined) return buildReport(snapshot, findings, now());
      // A check touched a read this scan skipped (the generated table is stale): its result could be wrong,
      // so the scan reads everything and evaluates again rather than report it.
      const full = await collect(workspaceId, request);
      return buildReport(full, runChecks(full, checks), now());
    },
    resolve,
    async listWorkspaces(signal?: AbortSignal): Promise<readonly WorkspaceRef[]> {
      try {
        return await listWorkspaces(deps.clients, { ...(signal !== undefined ? { signal } : {}), ...(scope !== undefined ? { scope } : {}) });
      } catch (error) {
        throw toScanError(error);
      }
    },
    async snapshot(target: string, signal?: AbortSignal) {
      const resolution = await resolve(target, signal);
      if (resolution.kind !== 'found') return { resolution };
      return { resolution, snapshot: await collect(resolution.workspace.id, signal !== undefined ? { signal } : {}) };
    },
    defenderStatus,
  };
}

/** The checks' findings, or undefined when a check touched a read outside `read` (a skipped one). */
function runWithinReads(snapshot: WorkspaceSnapshot, checks: readonly CheckDefinition[], read: ReadonlySet<SnapshotField>): Finding[] | undefined {
  const { view, touched } = recordReads(snapshot);
  const findings = runChecks(view, checks);
  return [...touched].every((f) => read.has(f)) ? findings : undefined;
}

/**
 * A read that everything else depends on (the workspace, a subscription's Defender plans): when it fails, say why
 * instead of returning a report made only of errors, which a pipeline would take for a scan that found nothing.
 * Only a refusal names a permission; a throttle, an outage or a network failure names itself.
 */
function blockingReadFailure(error: ReadError, notFound: string, role: string): ScanError | undefined {
  const cause = { cause: error };
  switch (error.kind) {
    case 'not_found':
      return new ScanError('not_found', notFound, undefined, cause);
    case 'forbidden': {
      const action = error.requiredAction === undefined ? '' : ` (${error.requiredAction})`;
      return new ScanError('forbidden', `${error.message} It needs the ${role} role${action} on ${error.resourceId}.`, undefined, cause);
    }
    case 'unauthenticated':
      return new ScanError('auth', error.message, undefined, cause);
    case 'timeout':
      return new ScanError('timeout', error.message, undefined, cause);
    case 'throttled':
      return new ScanError('unavailable', `${error.message} Nothing was assessed; scan again after that wait.`, undefined, cause);
    case 'server':
      return new ScanError('unavailable', `${error.message} Nothing was assessed; scan again once Azure recovers (https://azure.status.microsoft).`, undefined, cause);
    case 'network':
      return new ScanError('unavailable', `${error.message} This is a network failure, not a missing permission; nothing was assessed.`, undefined, cause);
    case 'invalid':
      return new ScanError('unavailable', `${error.message} Nothing was assessed.`, undefined, cause);
    case 'skipped':
      return undefined;
  }
}

function subscriptionFailure(error: ReadError): ScanError | undefined {
  return blockingReadFailure(error, `The subscription ${error.resourceId} does not exist, or Defender for Cloud is not registered in it.`, 'Security Reader');
}

function workspaceFailure(error: ReadError): ScanError | undefined {
  return blockingReadFailure(error, `The workspace ${error.resourceId} does not exist (or was deleted).`, 'Reader');
}

function toScanError(error: unknown): unknown {
  if (error instanceof ScanError) return error;
  if (error instanceof WorkspaceTargetError) return new ScanError('usage', error.message);
  if (isCredentialError(error)) return new ScanError('auth', describeCredentialError(error) ?? 'No usable Azure credential.', undefined, { cause: error });
  if (error instanceof Error && error.name === 'AbortError') return new ScanError('timeout', 'The workspace lookup was cancelled or ran out of time.');
  if (isRestError(error)) {
    if (error.statusCode === 401) return new ScanError('auth', 'Azure rejected the credential; sign in again.');
    if (error.statusCode === 403) return new ScanError('forbidden', 'The identity may not query Azure Resource Graph for workspaces (needs Reader on the subscriptions).');
  }
  return error;
}
