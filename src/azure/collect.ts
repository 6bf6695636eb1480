/**
 * Builds a WorkspaceSnapshot from Azure. The workspace is read first (everything else hangs off its properties),
 * then every other read starts at once, at most `concurrency` in flight, all under one AbortSignal that carries
 * the scan's deadline. Each read becomes a Collected<T>: a failed read is an error with the missing RBAC action,
 * never a gap and never a throw. Each resource is read once. With `only`, just those reads are made (the
 * workspace always, linked reads still only when the workspace names the resource); the others are `skipped`.
 */
import type { ArmClients } from './clients';
import { dependentError, toReadError, type ReadTarget } from './errors';
import { createLimiter } from './limiter';
import { collectionSignal } from './scan-signal';
import * as reads from './reads';
import { parseResourceId, parseWorkspaceId } from '../shared/resource-id';
import type { Collected, DiagnosticSetting, Linked, OnlineDeployment, ReadError, WorkspaceSnapshot } from './snapshot';
import { keepOnlyReads, SNAPSHOT_FIELD_LABELS, SNAPSHOT_FIELDS, skippedRead, type SnapshotField } from './snapshot-fields';

export interface CollectProgress {
  readonly done: number;
  readonly total: number;
  /** Short label of the read that just finished, e.g. "role assignments on the workspace". */
  readonly label: string;
}

export interface CollectOptions {
  /** The whole scan's deadline (config.azure.scanTimeoutMs). */
  readonly timeoutMs: number;
  /** ARM operations in flight at once (config.azure.armConcurrency). */
  readonly concurrency: number;
  /** The caller's cancellation, combined with the deadline. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CollectProgress) => void;
  readonly now?: () => Date;
  /** The reads to make (the workspace is always read); absent means all of them. */
  readonly only?: ReadonlySet<SnapshotField>;
}

/** The number of snapshot fields reported through onProgress by a full collection. */
export const SNAPSHOT_READ_COUNT = SNAPSHOT_FIELDS.length;

/** The fields a collection with `only` reads: the workspace plus `only`. */
export function fieldsToRead(only: ReadonlySet<SnapshotField> | undefined): ReadonlySet<SnapshotField> {
  return only === undefined ? new Set(SNAPSHOT_FIELDS) : new Set(SNAPSHOT_FIELDS.filter((f) => f === 'workspace' || only.has(f)));
}

type Fn<T> = (signal: AbortSignal) => Promise<T>;

export async function collectWorkspaceSnapshot(clients: ArmClients, workspaceId: string, options: CollectOptions): Promise<WorkspaceSnapshot> {
  const collectedAt = (options.now?.() ?? new Date()).toISOString();
  const { signal, deadline } = collectionSignal(options);
  const limit = createLimiter(options.concurrency);
  const wanted = fieldsToRead(options.only);
  let done = 0;
  const report = (label: string): void => {
    done += 1;
    try {
      options.onProgress?.({ done, total: wanted.size, label });
    } catch {
      // a progress card failing must not fail the scan
    }
  };

  /** One ARM operation under the limiter and the shared signal, as a Collected. */
  const run = async <T>(target: ReadTarget, fn: Fn<T>): Promise<Collected<T>> => {
    try {
      const value = await limit(() => {
        signal.throwIfAborted();
        return fn(signal);
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toReadError(error, target, { deadlineExpired: deadline.aborted, timeoutMs: options.timeoutMs }) };
    }
  };
  /** A snapshot field: started now when wanted (reporting progress when it settles), else skipped unread. */
  const field = async <T>(name: SnapshotField, start: () => Promise<Collected<T>>): Promise<Collected<T>> => {
    if (!wanted.has(name)) return skippedRead(name, workspaceId);
    const result = await start();
    report(SNAPSHOT_FIELD_LABELS[name]);
    return result;
  };

  const workspaceTarget = reads.workspaceTarget(workspaceId);
  const workspace = await field('workspace', () =>
    run(workspaceTarget, (s) => {
      parseWorkspaceId(workspaceId);
      return reads.readWorkspace(clients, workspaceId, s);
    }),
  );

  if (!workspace.ok) {
    const failed = failedSnapshot(collectedAt, workspaceId, workspace.error);
    for (let i = 1; i < wanted.size; i += 1) report('skipped: the workspace could not be read');
    return options.only === undefined ? failed : keepOnlyReads(failed, wanted);
  }
  const ws = workspace.value;
  const sub = clients.forSubscription(ws.subscriptionId);
  const rgId = `/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}`;
  const subscriptionId = `/subscriptions/${ws.subscriptionId}`;

  /** A read of a resource the workspace links to: null when it links none; the id is checked before use. */
  const linked = async <T>(id: string | undefined, target: (id: string) => ReadTarget, fn: (id: string, s: AbortSignal) => Promise<T>): Promise<Linked<T>> => {
    if (id === undefined) return { ok: true, value: null };
    return run(target(id), (s) => {
      parseResourceId(id);
      return fn(id, s);
    });
  };

  // Reads start in the order they are created, so the ones that head the longest chains go first: the endpoint
  // list (deployments and endpoint diagnostics wait for it), then the lists that usually span several pages
  // (role assignments and definitions, Defender, policy), then single reads. With a concurrency of 16 the wall
  // time stays close to the critical path (workspace → a linked resource's role assignments, page by page).
  // The endpoint list is read once, when any of the three fields built from it is wanted.
  let endpointList: Promise<Collected<Awaited<ReturnType<typeof reads.readOnlineEndpoints>>>> | undefined;
  const endpoints = (): NonNullable<typeof endpointList> =>
    (endpointList ??= run(reads.childTarget(ws.id, 'onlineEndpoints'), (s) => reads.readOnlineEndpoints(clients, ws, s)));
  if (wanted.has('onlineEndpoints') || wanted.has('onlineDeployments') || wanted.has('diagnostics.onlineEndpoints')) void endpoints();
  const cmk = reads.cmkKeyRef(ws);

  const raWorkspace = field('roleAssignments.workspace', () => run(reads.roleAssignmentsTarget(ws.id, 'the workspace'), (s) => reads.readRoleAssignments(sub, ws.id, s)));
  const raStorage = field('roleAssignments.storageAccount', () =>
    linked(ws.storageAccountId, (id) => reads.roleAssignmentsTarget(id, 'the storage account'), (id, s) => reads.readRoleAssignments(sub, id, s)),
  );
  const raKeyVault = field('roleAssignments.keyVault', () => linked(ws.keyVaultId, (id) => reads.roleAssignmentsTarget(id, 'the key vault'), (id, s) => reads.readRoleAssignments(sub, id, s)));
  const raRegistry = field('roleAssignments.containerRegistry', () =>
    linked(ws.containerRegistryId, (id) => reads.roleAssignmentsTarget(id, 'the container registry'), (id, s) => reads.readRoleAssignments(sub, id, s)),
  );
  const roleDefinitions = field('roleDefinitions', () => run(reads.roleDefinitionsTarget(subscriptionId), (s) => reads.readRoleDefinitions(sub, subscriptionId, s)));
  const defenderPlans = field('defenderPlans', () => run(reads.pricingsTarget(subscriptionId), (s) => reads.readDefenderPlans(clients, subscriptionId, s)));
  const assessments = field('assessments', () => run(reads.assessmentsTarget(subscriptionId), (s) => reads.readAssessments(clients, subscriptionId, s, reads.assessmentScopes(ws))));
  const policyAssignments = field('policyAssignments', () => run(reads.policyAssignmentsTarget(ws.id), (s) => reads.readPolicyAssignments(clients, ws.id, s)));
  const policyStates = field('policyStates', () => run(reads.policyStatesTarget(rgId), (s) => reads.readPolicyStates(clients, rgId, s)));

  const [
    computes,
    onlineEndpoints,
    onlineDeployments,
    datastores,
    connections,
    outboundRules,
    mlRegistries,
    storageAccount,
    blobService,
    keyVault,
    cmkKey,
    containerRegistry,
    applicationInsights,
    diagWorkspace,
    diagKeyVault,
    diagEndpoints,
    diagSubscription,
    securityConnectors,
  ] = await Promise.all([
    field('computes', () => run(reads.childTarget(ws.id, 'computes'), (s) => reads.readComputes(clients, ws, s))),
    field('onlineEndpoints', endpoints),
    field('onlineDeployments', () =>
      endpoints().then((eps): Promise<Collected<OnlineDeployment[]>> =>
        perEndpoint(eps, reads.childTarget(ws.id, 'onlineEndpoints/deployments'), (ep) =>
          run(reads.childTarget(ep.id, 'deployments'), (s) => reads.readOnlineDeployments(sub, ws, ep.name, s)),
        ).then((lists) => (lists.ok ? { ok: true as const, value: lists.value.flat() } : lists)),
      ),
    ),
    field('datastores', () => run(reads.childTarget(ws.id, 'datastores'), (s) => reads.readDatastores(sub, ws, s))),
    field('connections', () => run(reads.childTarget(ws.id, 'connections'), (s) => reads.readConnections(clients, ws, s))),
    field('outboundRules', () => run(reads.childTarget(ws.id, 'outboundRules'), (s) => reads.readOutboundRules(clients, ws, s))),
    field('mlRegistries', () => run(reads.registriesTarget(rgId), (s) => reads.readMlRegistries(clients, rgId, s))),
    field('storageAccount', () => linked(ws.storageAccountId, reads.storageTarget, (id, s) => reads.readStorageAccount(clients, id, s))),
    field('blobService', () => linked(ws.storageAccountId, reads.blobServiceTarget, (id, s) => reads.readBlobService(clients, id, s))),
    field('keyVault', () => linked(ws.keyVaultId, reads.keyVaultTarget, (id, s) => reads.readKeyVault(clients, id, s))),
    field('cmkKey', () => linked(cmk?.keyId, reads.cmkKeyTarget, (id, s) => reads.readCmkKey(clients, id, s))),
    field('containerRegistry', () => linked(ws.containerRegistryId, reads.containerRegistryTarget, (id, s) => reads.readContainerRegistry(clients, id, s))),
    field('applicationInsights', () => linked(ws.applicationInsightsId, reads.appInsightsTarget, (id, s) => reads.readApplicationInsights(clients, id, s))),
    field('diagnostics.workspace', () => run(reads.diagnosticsTarget(ws.id, 'the workspace'), (s) => reads.readDiagnosticSettings(sub, ws.id, s))),
    field('diagnostics.keyVault', () => linked(ws.keyVaultId, (id) => reads.diagnosticsTarget(id, 'the key vault'), (id, s) => reads.readDiagnosticSettings(sub, id, s))),
    field('diagnostics.onlineEndpoints', () =>
      endpoints().then(async (eps): Promise<Collected<Readonly<Record<string, readonly DiagnosticSetting[]>>>> => {
        const lists = await perEndpoint(eps, reads.diagnosticsTarget(`${ws.id}/onlineEndpoints`, 'the online endpoints'), (ep) =>
          run(reads.diagnosticsTarget(ep.id, `online endpoint ${ep.name}`), async (s): Promise<[string, DiagnosticSetting[]]> => [ep.id, await reads.readDiagnosticSettings(sub, ep.id, s)]),
        );
        return lists.ok ? { ok: true, value: Object.fromEntries(lists.value) } : lists;
      }),
    ),
    field('diagnostics.subscription', () => run(reads.diagnosticsTarget(subscriptionId, 'the subscription (activity log)'), (s) => reads.readDiagnosticSettings(sub, subscriptionId, s))),
    field('securityConnectors', () => run(reads.connectorsTarget(subscriptionId), (s) => reads.readSecurityConnectors(clients, subscriptionId, s))),
  ]);

  return {
    collectedAt,
    workspaceId: ws.id,
    workspace,
    computes,
    onlineEndpoints,
    onlineDeployments,
    datastores,
    connections,
    outboundRules,
    mlRegistries,
    storageAccount,
    blobService,
    keyVault,
    cmkKey,
    containerRegistry,
    applicationInsights,
    diagnostics: { workspace: diagWorkspace, keyVault: diagKeyVault, onlineEndpoints: diagEndpoints, subscription: diagSubscription },
    roleAssignments: { workspace: await raWorkspace, storageAccount: await raStorage, keyVault: await raKeyVault, containerRegistry: await raRegistry },
    roleDefinitions: await roleDefinitions,
    defenderPlans: await defenderPlans,
    securityConnectors,
    assessments: await assessments,
    policyAssignments: await policyAssignments,
    policyStates: await policyStates,
  };
}

/** Runs `read` for each endpoint; the first failure (or the endpoints' own) fails the whole field. */
async function perEndpoint<E extends { readonly id: string; readonly name: string }, T>(
  endpoints: Collected<readonly E[]>,
  blockedTarget: ReadTarget,
  read: (endpoint: E) => Promise<Collected<T>>,
): Promise<Collected<T[]>> {
  if (!endpoints.ok) return { ok: false, error: blocked(endpoints.error, blockedTarget) };
  const results = await Promise.all(endpoints.value.map(read));
  const failed = results.find((r) => !r.ok);
  if (failed !== undefined && !failed.ok) return failed;
  return { ok: true, value: results.flatMap((r) => (r.ok ? [r.value] : [])) };
}

/** A read that depends on the endpoint list fails with the list's reason. */
function blocked(cause: ReadError, target: ReadTarget): ReadError {
  return { ...cause, message: `Not read because the online endpoints could not be listed: ${cause.message}`, resourceId: target.resourceId };
}

/** When the workspace itself cannot be read, every other field says so (nothing else is attempted). */
function failedSnapshot(collectedAt: string, workspaceId: string, cause: ReadError): WorkspaceSnapshot {
  const fail = (target: ReadTarget): { readonly ok: false; readonly error: ReadError } => ({ ok: false, error: dependentError(cause, target) });
  const ws = workspaceId;
  const snapshot: WorkspaceSnapshot = {
    collectedAt,
    workspaceId,
    workspace: { ok: false, error: cause },
    computes: fail(reads.childTarget(ws, 'computes')),
    onlineEndpoints: fail(reads.childTarget(ws, 'onlineEndpoints')),
    onlineDeployments: fail(reads.childTarget(ws, 'onlineEndpoints/deployments')),
    datastores: fail(reads.childTarget(ws, 'datastores')),
    connections: fail(reads.childTarget(ws, 'connections')),
    outboundRules: fail(reads.childTarget(ws, 'outboundRules')),
    mlRegistries: fail(reads.registriesTarget(ws)),
    storageAccount: fail(reads.storageTarget(ws)),
    blobService: fail(reads.blobServiceTarget(ws)),
    keyVault: fail(reads.keyVaultTarget(ws)),
    cmkKey: fail(reads.cmkKeyTarget(ws)),
    containerRegistry: fail(reads.containerRegistryTarget(ws)),
    applicationInsights: fail(reads.appInsightsTarget(ws)),
    diagnostics: {
      workspace: fail(reads.diagnosticsTarget(ws, 'the workspace')),
      keyVault: fail(reads.diagnosticsTarget(ws, 'the key vault')),
      onlineEndpoints: fail(reads.diagnosticsTarget(ws, 'the online endpoints')),
      subscription: fail(reads.diagnosticsTarget(ws, 'the subscription (activity log)')),
    },
    roleAssignments: {
      workspace: fail(reads.roleAssignmentsTarget(ws, 'the workspace')),
      storageAccount: fail(reads.roleAssignmentsTarget(ws, 'the storage account')),
      keyVault: fail(reads.roleAssignmentsTarget(ws, 'the key vault')),
      containerRegistry: fail(reads.roleAssignmentsTarget(ws, 'the container registry')),
    },
    roleDefinitions: fail(reads.roleDefinitionsTarget(ws)),
    defenderPlans: fail(reads.pricingsTarget(ws)),
    securityConnectors: fail(reads.connectorsTarget(ws)),
    assessments: fail(reads.assessmentsTarget(ws)),
    policyAssignments: fail(reads.policyAssignmentsTarget(ws)),
    policyStates: fail(reads.policyStatesTarget(ws)),
  };
  return snapshot;
}

