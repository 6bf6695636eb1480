/**
 * One scan service for the bot and the CLI: sample targets (and ids in the sample subscriptions) go to the
 * embedded sample environment, everything else to real Azure when Azure is configured. Without Azure the bot
 * still works on its embedded defaults, and says plainly why it will not scan a real workspace.
 */
import { isWithinScope } from '../shared/resource-id';
import { ScanError, type Resolution, type ScanRequest, type ScanService, type WorkspaceRef } from './scan-service';
import type { GuardianScanService } from './create-scan-service';
import type { SnapshotSource } from './snapshot-source';

export interface CombinedScanServiceOptions {
  readonly sample: GuardianScanService;
  /** Subscription ids that hold the sample workspaces. */
  readonly sampleSubscriptionIds: readonly string[];
  /** Absent when no Azure access is configured (GUARDIAN_ALLOWED_SCOPES empty). */
  readonly azure?: GuardianScanService;
}

export const NO_AZURE_MESSAGE =
  'This bot is not connected to Azure yet, so it can only scan the sample workspaces: try "scan sample" or "scan sample:hardened". Whoever runs the bot can connect it to your subscriptions.';

/** What the operator changes to connect the bot to Azure. */
export const NO_AZURE_HINT = 'Set GUARDIAN_ALLOWED_SCOPES to the subscriptions or resource groups the bot may read.';

export function createCombinedScanService(options: CombinedScanServiceOptions): ScanService & SnapshotSource {
  const { sample, azure } = options;
  const sampleScopes = options.sampleSubscriptionIds.map((id) => `/subscriptions/${id}`);

  const isSample = (target: string): boolean => {
    const text = target.trim();
    return /^sample(:|$)/i.test(text) || sampleScopes.some((scope) => isWithinScope(text, scope));
  };
  const isId = (target: string): boolean => target.trim().startsWith('/');

  /** Ids are routed by where they live; names are looked up in Azure first, then among the samples. */
  async function route(target: string, signal?: AbortSignal): Promise<GuardianScanService> {
    if (isSample(target)) return sample;
    if (azure === undefined) {
      if (isId(target)) throw new ScanError('forbidden', NO_AZURE_MESSAGE, NO_AZURE_HINT);
      const inSample = await sample.resolve(target, signal);
      if (inSample.kind !== 'not_found') return sample;
      throw new ScanError('not_found', `I found no sample workspace named "${target.trim()}". ${NO_AZURE_MESSAGE}`, NO_AZURE_HINT);
    }
    if (isId(target)) return azure;
    const inAzure = await azure.resolve(target, signal);
    if (inAzure.kind !== 'not_found') return azure;
    const inSample = await sample.resolve(target, signal);
    return inSample.kind !== 'not_found' ? sample : azure;
  }

  /** Subscriptions by where they live, like ids: the samples' own, else Azure when it is configured. */
  function routeSubscription(subscriptionId: string): GuardianScanService {
    if (sampleScopes.some((scope) => scope.toLowerCase() === `/subscriptions/${subscriptionId.trim().toLowerCase()}`)) return sample;
    if (azure === undefined) throw new ScanError('forbidden', NO_AZURE_MESSAGE, NO_AZURE_HINT);
    return azure;
  }

  return {
    async defenderStatus(subscriptionId: string, signal?: AbortSignal) {
      const service = routeSubscription(subscriptionId);
      if (service.defenderStatus === undefined) throw new ScanError('usage', 'This service cannot read the Defender plans of a subscription.');
      return service.defenderStatus(subscriptionId, signal);
    },
    async scan(request: ScanRequest) {
      return (await route(request.target, request.signal)).scan(request);
    },
    async resolve(target: string, signal?: AbortSignal): Promise<Resolution> {
      return (await route(target, signal)).resolve(target, signal);
    },
    async listWorkspaces(signal?: AbortSignal): Promise<readonly WorkspaceRef[]> {
      const fromAzure = azure === undefined ? [] : await azure.listWorkspaces(signal);
      return [...fromAzure, ...(await sample.listWorkspaces(signal))];
    },
    async snapshot(target: string, signal?: AbortSignal) {
      return (await route(target, signal)).snapshot(target, signal);
    },
  };
}
