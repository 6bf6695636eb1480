/**
 * Snapshots for a whole fleet of workspaces, built from Azure Resource Graph rows plus the few ARM reads that ARG
 * cannot answer. What comes from where:
 *
 * | snapshot field                                  | source                                                        |
 * |-------------------------------------------------|---------------------------------------------------------------|
 * | workspace, computes, online endpoints/deployments, ML registries, storage account, key vault, container registry, Application Insights | ARG `resources` |
 * | Defender plans, recommendations, security connectors | ARG `securityresources`                                   |
 * | role assignments (atScope: at and above), role definitions | ARG `authorizationresources`                        |
 * | policy assignments (at and above), policy compliance | ARG `policyresources`                                     |
 * | activity log export (subscription diagnostic settings) | ARM, once per subscription                              |
 * | datastores, connections, outbound rules, blob service, CMK key, diagnostic settings of the workspace, vault and endpoints | ARM, per workspace (`depth: 'full'`) — or not read (`depth: 'graph'`) |
 *
 * A linked resource ARG does not list (not visible to ARG yet, or gone) is read from ARM, as a single scan would.
 * Every ARM read and ARG page goes through one global limiter; throttled requests are retried by the SDK after
 * their Retry-After. Each resource is read at most once per fleet scan.
 */
import type { ArmClients } from './clients';
import { toReadError, type ReadTarget } from './errors';
import { keyVaultFromRow, onlineDeploymentFromRow, roleAssignmentFromRow, roleDefinitionFromRow, storageAccountFromRow } from './fleet-parse';
import { queryGraphTable, type GraphTable } from './fleet-graph';
import { isInGraphScope, type GraphScope } from './graph-scope';
import { createLimiter } from './limiter';
import { collectionSignal } from './scan-signal';
import { parseApplicationInsights, parseAssessment, parseDefenderPlan, parsePolicyAssignment, parsePolicyState, parseSecurityConnector } from './parse/governance';
import type { JsonReader } from './parse/json-reader';
import { parseCompute, parseMlRegistry, parseOnlineEndpoint } from './parse/ml';
import { parseContainerRegistry } from './parse/registry';
import { parseWorkspace } from './parse/workspace';
import * as reads from './reads';
import { parseResourceId } from '../shared/resource-id';
import type { Collected, DiagnosticSetting, Linked, ReadError, RoleAssignment, WorkspaceSnapshot } from './snapshot';

export type FleetDepth = 'graph' | 'full';

export interface FleetCollectOptions {
  /** Where to look (decided before any read, see scan/fleet-scan.ts); every subscription the identity can see when undefined. */
  readonly scope?: GraphScope;
  /** ARM and ARG requests in flight at once, across the whole fleet. */
  readonly concurrency: number;
  /** Deadline of the whole fleet collection. */
  readonly timeoutMs: number;
  /** `full` reads what ARG lacks from ARM per workspace; `graph` does not (those checks are left out). */
  readonly depth: FleetDepth;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

export interface FleetCollection {
  readonly snapshots: readonly WorkspaceSnapshot[];
  /** ARG pages fetched, and ARM reads made (pages of a list count once each). */
  readonly graphPages: number;
  readonly armReads: number;
}

/** Message prefix of the fields a graph-only fleet scan does not read; findings that carry it are left out. */
export const NOT_READ_IN_GRAPH_SCAN = 'Not read in a graph-only fleet scan';
export const NOT_READ_CODE = 'NotInResourceGraph';

const TABLES: readonly GraphTable[] = ['resources', 'securityresources', 'authorizationresources', 'policyresources'];
const WORKSPACE_TYPE = 'microsoft.machinelearningservices/workspaces';

/** Thrown when the fleet cannot be listed at all (ARG `resources` failed). */
export class FleetCollectError extends Error {
  override readonly name = 'FleetCollectError';
  constructor(readonly readError: ReadError) {
    super(readError.message);
  }
}

export async function collectFleetSnapshots(clients: ArmClients, options: FleetCollectOptions): Promise<FleetCollection> {
  const collectedAt = (options.now?.() ?? new Date()).toISOString();
  const { signal, deadline } = collectionSignal(options);
  const limit = createLimiter(options.concurrency);
  let armReads = 0;

  const run = async <T>(target: ReadTarget, fn: (s: AbortSignal) => Promise<T>): Promise<Collected<T>> => {
    try {
      const value = await limit(() => {
        signal.throwIfAborted();
        armReads += 1;
        return fn(signal);
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toReadError(error, target, { deadlineExpired: deadline.aborted, timeoutMs: options.timeoutMs }) };
    }
  };
  /** Parses rows already in hand; a malformed row is an `invalid` read, as in a single scan. */
  const parsed = <T>(target: ReadTarget, fn: () => T): Collected<T> => {
    try {
      return { ok: true, value: fn() };
    } catch (error) {
      return { ok: false, error: toReadError(error, target, { deadlineExpired: false, timeoutMs: options.timeoutMs }) };
    }
  };

  const tables = await Promise.all(
    TABLES.map(async (table) => {
      const target: ReadTarget = { label: `Azure Resource Graph (${table})`, resourceId: '/providers/Microsoft.ResourceGraph/resources', requiredAction: 'Microsoft.ResourceGraph/resources/read' };
      return [table, await run(target, (s) => queryGraphTable(clients, table, options.scope, limit, s))] as const;
    }),
  );
  // queryGraphTable takes the limiter per page: the `run` above only counts as one read.
  armReads -= TABLES.length;
  const graph = new Map(tables);
  const resources = graph.get('resources');
  if (resources === undefined || !resources.ok) throw new FleetCollectError(resources?.ok === false ? resources.error : graphError('resources'));
  const graphPages = [...graph.values()].reduce((n, t) => n + (t.ok ? t.value.pages : 0), 0);
  const index = new GraphIndex(resources.value.rows);
  const rowsOf = (table: GraphTable): Collected<readonly JsonReader[]> => {
    const t = graph.get(table);
    if (t === undefined) return { ok: false, error: graphError(table) };
    return t.ok ? { ok: true, value: t.value.rows } : t;
  };
  const security = rowsOf('securityresources');
  const authorization = rowsOf('authorizationresources');
  const policy = rowsOf('policyresources');
  const assignments = mapRows(authorization, 'microsoft.authorization/roleassignments', roleAssignmentFromRow);

  // Once per subscription: the activity log export.
  const activityLog = new Map<string, Promise<Collected<DiagnosticSetting[]>>>();
  const activityLogOf = (subscriptionId: string): Promise<Collected<DiagnosticSetting[]>> => {
    const key = subscriptionId.toLowerCase();
    let pending = activityLog.get(key);
    if (pending === undefined) {
      const scope = `/subscriptions/${subscriptionId}`;
      pending = run(reads.diagnosticsTarget(scope, 'the subscription (activity log)'), (s) => reads.readDiagnosticSettings(clients.forSubscription(subscriptionId), scope, s));
      activityLog.set(key, pending);
    }
    return pending;
  };

  const notRead = <T>(target: ReadTarget): Collected<T> => ({
    ok: false,
    error: {
      kind: 'invalid',
      code: NOT_READ_CODE,
      message: `${NOT_READ_IN_GRAPH_SCAN}: Azure Resource Graph does not hold ${target.label}. Scan the workspace alone, or the fleet with --depth full, to assess it.`,
      requiredAction: target.requiredAction,
      resourceId: target.resourceId,
    },
  });
  /** An ARM read ARG cannot replace: made in a full scan, marked "not read" in a graph-only one. */
  const deep = <T>(target: ReadTarget, fn: (s: AbortSignal) => Promise<T>): Promise<Collected<T>> =>
    options.depth === 'full' ? run(target, fn) : Promise.resolve(notRead<T>(target));

  const snapshotOf = async (row: JsonReader): Promise<WorkspaceSnapshot> => {
    const workspaceId = row.str('id') ?? '';
    const workspace = parsed(reads.workspaceTarget(workspaceId), () => parseWorkspace(row));
    if (!workspace.ok) throw new FleetCollectError(workspace.error);
    const ws = workspace.value;
    const sub = clients.forSubscription(ws.subscriptionId);
    const rgId = `/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}`;
    const subscriptionScope = `/subscriptions/${ws.subscriptionId}`;

    /** A linked resource from its ARG row; read from ARM when ARG does not list it. */
    const linked = async <T>(id: string | undefined, target: (id: string) => ReadTarget, fromRow: (row: JsonReader) => T, read: (id: string, s: AbortSignal) => Promise<T>): Promise<Linked<T>> => {
      if (id === undefined) return { ok: true, value: null };
      const linkedRow = index.byId(id);
      if (linkedRow !== undefined) return parsed(target(id), () => fromRow(linkedRow));
      return run(target(id), (s) => {
        parseResourceId(id);
        return read(id, s);
      });
    };
    const linkedDeep = <T>(id: string | undefined, target: (id: string) => ReadTarget, read: (id: string, s: AbortSignal) => Promise<T>): Promise<Linked<T>> => {
      if (id === undefined) return Promise.resolve({ ok: true, value: null });
      return deep(target(id), (s) => {
        parseResourceId(id);
        return read(id, s);
      });
    };

    const endpoints = parsed(reads.childTarget(ws.id, 'onlineEndpoints'), () => index.childrenOf(ws.id, 'onlineendpoints').map(parseOnlineEndpoint));
    const endpointList = endpoints.ok ? endpoints.value : [];
    const cmk = reads.cmkKeyRef(ws);
    /** A field cut from a fleet-wide table: its error names this workspace's scope, as a single scan's would. */
    const failedAt = <T>(c: Collected<T>, target: ReadTarget): Collected<T> => (c.ok ? c : { ok: false, error: retarget(c.error, target) });
    const atScope = (scope: string | undefined, what: string): Linked<readonly RoleAssignment[]> => {
      if (scope === undefined) return { ok: true, value: null };
      if (!assignments.ok) return { ok: false, error: retarget(assignments.error, reads.roleAssignmentsTarget(scope, what)) };
      return { ok: true, value: assignments.value.filter((a) => appliesAt(a.scope || scopeOfAssignment(a.id), scope)) };
    };

    const [datastores, connections, outboundRules, storageAccount, blobService, keyVault, cmkKey, containerRegistry, applicationInsights, diagWorkspace, diagKeyVault, diagEndpoints, diagSubscription] =
      await Promise.all([
        deep(reads.childTarget(ws.id, 'datastores'), (s) => reads.readDatastores(sub, ws, s)),
        deep(reads.childTarget(ws.id, 'connections'), (s) => reads.readConnections(clients, ws, s)),
        deep(reads.childTarget(ws.id, 'outboundRules'), (s) => reads.readOutboundRules(clients, ws, s)),
        linked(ws.storageAccountId, reads.storageTarget, storageAccountFromRow, (id, s) => reads.readStorageAccount(clients, id, s)),
        linkedDeep(ws.storageAccountId, reads.blobServiceTarget, (id, s) => reads.readBlobService(clients, id, s)),
        linked(ws.keyVaultId, reads.keyVaultTarget, keyVaultFromRow, (id, s) => reads.readKeyVault(clients, id, s)),
        linkedDeep(cmk?.keyId, reads.cmkKeyTarget, (id, s) => reads.readCmkKey(clients, id, s)),
        linked(ws.containerRegistryId, reads.containerRegistryTarget, parseContainerRegistry, (id, s) => reads.readContainerRegistry(clients, id, s)),
        linked(ws.applicationInsightsId, reads.appInsightsTarget, parseApplicationInsights, (id, s) => reads.readApplicationInsights(clients, id, s)),
        deep(reads.diagnosticsTarget(ws.id, 'the workspace'), (s) => reads.readDiagnosticSettings(sub, ws.id, s)),
        linkedDeep(ws.keyVaultId, (id) => reads.diagnosticsTarget(id, 'the key vault'), (id, s) => reads.readDiagnosticSettings(sub, id, s)),
        endpointDiagnostics(endpointList, (ep) =>
          deep(reads.diagnosticsTarget(ep.id, `online endpoint ${ep.name}`), async (s): Promise<[string, DiagnosticSetting[]]> => [ep.id, await reads.readDiagnosticSettings(sub, ep.id, s)]),
        ),
        activityLogOf(ws.subscriptionId),
      ]);

    // A workspace-level scope keeps the rest of its resource group out of the query: its registries come from ARM, as in a single scan.
    const mlRegistries = isInGraphScope(rgId, options.scope)
      ? parsed(reads.registriesTarget(rgId), () => index.ofTypeBelow('microsoft.machinelearningservices/registries', rgId).map(parseMlRegistry))
      : await run(reads.registriesTarget(rgId), (s) => reads.readMlRegistries(clients, rgId, s));

    return {
      collectedAt,
      workspaceId: ws.id,
      workspace,
      computes: parsed(reads.childTarget(ws.id, 'computes'), () => index.childrenOf(ws.id, 'computes').map(parseCompute)),
      onlineEndpoints: endpoints,
      onlineDeployments: parsed(reads.childTarget(ws.id, 'onlineEndpoints/deployments'), () =>
        endpointList.flatMap((ep) => index.childrenOf(ep.id, 'deployments').map(onlineDeploymentFromRow)),
      ),
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
      roleAssignments: {
        workspace: atScope(ws.id, 'the workspace') as Collected<readonly RoleAssignment[]>, // never null: the id is defined
        storageAccount: atScope(ws.storageAccountId, 'the storage account'),
        keyVault: atScope(ws.keyVaultId, 'the key vault'),
        containerRegistry: atScope(ws.containerRegistryId, 'the container registry'),
      },
      roleDefinitions: failedAt(
        mapRows(authorization, 'microsoft.authorization/roledefinitions', roleDefinitionFromRow, (id) => isRoleDefinitionVisibleAt(id, subscriptionScope)),
        reads.roleDefinitionsTarget(subscriptionScope),
      ),
      defenderPlans: failedAt(
        mapRows(security, 'microsoft.security/pricings', parseDefenderPlan, (id) => isDirectlyBelow(id, `${subscriptionScope}/providers/microsoft.security/pricings`)),
        reads.pricingsTarget(subscriptionScope),
      ),
      securityConnectors: failedAt(
        mapRows(security, 'microsoft.security/securityconnectors', parseSecurityConnector, (id) => isAtOrBelow(id, subscriptionScope)),
        reads.connectorsTarget(subscriptionScope),
      ),
      assessments: failedAt(mapRows(security, 'microsoft.security/assessments', parseAssessment, (id) => isAtOrBelow(id, rgId) && id.length > rgId.length), reads.assessmentsTarget(rgId)),
      policyAssignments: failedAt(
        mapRows(policy, 'microsoft.authorization/policyassignments', parsePolicyAssignment, (id) => appliesAt(policyAssignmentScope(id), ws.id)),
        reads.policyAssignmentsTarget(ws.id),
      ),
      policyStates: failedAt(
        mapRows(policy, 'microsoft.policyinsights/policystates', (r) => parsePolicyState(r.obj('properties')), (id) => isAtOrBelow(id, rgId) && id.length > rgId.length),
        reads.policyStatesTarget(rgId),
      ),
    };
  };

  // The query is already bounded by the scope; no per-workspace read may follow a row that slipped outside it.
  const workspaceRows = index.ofType(WORKSPACE_TYPE).filter((row) => isInGraphScope(row.str('id') ?? '', options.scope));
  const snapshots = await Promise.all(workspaceRows.map(snapshotOf));
  return { snapshots, graphPages, armReads };
}

/** The per-endpoint diagnostic settings, as one field (the first failure fails it, as in a single scan). */
async function endpointDiagnostics(
  endpoints: readonly { readonly id: string; readonly name: string }[],
  read: (ep: { readonly id: string; readonly name: string }) => Promise<Collected<[string, DiagnosticSetting[]]>>,
): Promise<Collected<Readonly<Record<string, readonly DiagnosticSetting[]>>>> {
  const results = await Promise.all(endpoints.map(read));
  const failed = results.find((r) => !r.ok);
  if (failed !== undefined && !failed.ok) return failed;
  return { ok: true, value: Object.fromEntries(results.flatMap((r) => (r.ok ? [r.value] : []))) };
}

function retarget(error: ReadError, target: ReadTarget): ReadError {
  return { ...error, resourceId: target.resourceId, requiredAction: target.requiredAction };
}

function graphError(table: string): ReadError {
  return { kind: 'invalid', message: `Azure Resource Graph returned nothing for ${table}.`, resourceId: '/providers/Microsoft.ResourceGraph/resources' };
}

/** Rows of one type (optionally filtered by id), parsed; a failed table or a malformed row fails the field. */
function mapRows<T>(rows: Collected<readonly JsonReader[]>, type: string, parse: (row: JsonReader) => T, keep: (lowerId: string) => boolean = () => true): Collected<T[]> {
  if (!rows.ok) return rows;
  try {
    return { ok: true, value: rows.value.filter((r) => r.str('type')?.toLowerCase() === type && keep((r.str('id') ?? '').toLowerCase())).map(parse) };
  } catch (error) {
    return { ok: false, error: { kind: 'invalid', message: `A Resource Graph row of ${type} could not be understood: ${error instanceof Error ? error.message : 'unknown error'}`, resourceId: type } };
  }
}

/** Is `id` equal to or below `scope` (case-insensitive)? */
function isAtOrBelow(id: string, scope: string): boolean {
  const a = id.toLowerCase();
  const b = scope.toLowerCase().replace(/\/+$/, '');
  return a === b || a.startsWith(`${b}/`);
}

/**
 * Resource Graph lists custom roles under their subscription and built-in roles once per tenant, with tenant-level
 * ids (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`); both are visible at the subscription.
 */
export function isRoleDefinitionVisibleAt(id: string, subscriptionScope: string): boolean {
  return isDirectlyBelow(id, `${subscriptionScope}/providers/microsoft.authorization/roledefinitions`) || isDirectlyBelow(id, '/providers/microsoft.authorization/roledefinitions');
}

function isDirectlyBelow(id: string, collection: string): boolean {
  const a = id.toLowerCase();
  const b = collection.toLowerCase();
  return a.startsWith(`${b}/`) && !a.slice(b.length + 1).includes('/');
}

/** An assignment made at `assignedScope` applies at `target` when the target is at or below it (atScope()). */
function appliesAt(assignedScope: string, target: string): boolean {
  if (assignedScope === '' || assignedScope === '/') return true;
  return isAtOrBelow(target, assignedScope);
}

function scopeOfAssignment(id: string): string {
  const at = id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/roleassignments/');
  return at === -1 ? '' : id.slice(0, at);
}

function policyAssignmentScope(id: string): string {
  const at = id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/policyassignments/');
  return at === -1 ? '' : id.slice(0, at);
}

/** The `resources` rows by id, type and parent, for lookups without scanning. */
class GraphIndex {
  private readonly ids = new Map<string, JsonReader>();
  private readonly types = new Map<string, JsonReader[]>();

  constructor(rows: readonly JsonReader[]) {
    for (const row of rows) {
      const id = row.str('id');
      const type = row.str('type')?.toLowerCase();
      if (id === undefined || type === undefined) continue;
      this.ids.set(id.toLowerCase(), row);
      const list = this.types.get(type) ?? [];
      list.push(row);
      this.types.set(type, list);
    }
  }

  byId(id: string): JsonReader | undefined {
    return this.ids.get(id.toLowerCase());
  }

  ofType(type: string): JsonReader[] {
    return this.types.get(type) ?? [];
  }

  ofTypeBelow(type: string, scope: string): JsonReader[] {
    return this.ofType(type).filter((r) => isAtOrBelow(r.str('id') ?? '', scope));
  }

  /** Direct children `{parent}/{collection}/{name}`. */
  childrenOf(parentId: string, collection: string): JsonReader[] {
    const prefix = `${parentId.toLowerCase()}/${collection}/`;
    const out: JsonReader[] = [];
    for (const [id, row] of this.ids) if (id.startsWith(prefix) && !id.slice(prefix.length).includes('/')) out.push(row);
    return out;
  }
}
