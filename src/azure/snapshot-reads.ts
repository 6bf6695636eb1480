/**
 * The one declared table of snapshot reads. Per read: its snapshot field, its progress label, its target (the
 * workspace, a scope around it, a resource it links to, or each online endpoint), the reads that must finish
 * first, the ARM call, and — where a fleet scan can cut it from Azure Resource Graph — the graph parser
 * (`undefined`: a fleet scan reads it from ARM per workspace, in full depth only).
 *
 * Single scans (collect.ts), fleet scans (fleet-collect.ts), the per-check read table (snapshot-fields.ts and
 * the generated src/checks/reads.generated.json) and the test builders all walk this table. Its type is a mapped
 * type over the WorkspaceSnapshot's reads: a snapshot field without an entry does not compile.
 */
import type { ArmClients, SubscriptionClients } from './clients';
import type { ReadTarget } from './errors';
import { keyVaultFromRow, onlineDeploymentFromRow, roleDefinitionFromRow, storageAccountFromRow } from './fleet-parse';
import {
  atOrBelow,
  children,
  directlyBelow,
  linkedRow,
  policyAppliesAt,
  resourcesBelow,
  roleAssignmentsAt,
  isRoleDefinitionVisibleAt,
  rowsAt,
  strictlyBelow,
  withinAny,
  type FleetGraph,
  type GraphSource,
} from './fleet-rows';
import { parseApplicationInsights, parseAssessment, parseDefenderPlan, parsePolicyAssignment, parsePolicyState, parseSecurityConnector } from './parse/governance';
import type { JsonReader } from './parse/json-reader';
import { parseCompute, parseMlRegistry, parseOnlineEndpoint } from './parse/ml';
import { parseContainerRegistry } from './parse/registry';
import { parseWorkspace, parseWorkspacePreviewSettings } from './parse/workspace';
import * as reads from './reads';
import type { DiagnosticSetting, RoleAssignment, Workspace, WorkspaceSnapshot } from './snapshot';
import type { ReadNamesOf, ReadTypeOf, ReadValue } from './snapshot-paths';

/** What an ARM call has at hand once the workspace is read. */
export interface ReadContext {
  readonly clients: ArmClients;
  /** The clients of the workspace's subscription. */
  readonly sub: SubscriptionClients;
  readonly ws: Workspace;
}

export function readContext(clients: ArmClients, ws: Workspace): ReadContext {
  return { clients, sub: clients.forSubscription(ws.subscriptionId), ws };
}

/** Targets every workspace has: the workspace itself and the scopes around it. */
const OWN_TARGETS = {
  workspace: (ws: Workspace): string => ws.id,
  resourceGroup: (ws: Workspace): string => `/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}`,
  subscription: (ws: Workspace): string => `/subscriptions/${ws.subscriptionId}`,
} as const;

/** Resources the workspace names in its properties, and may not name: their reads are `null` then. */
const LINKED_TARGETS = {
  storageAccount: (ws: Workspace): string | undefined => ws.storageAccountId,
  keyVault: (ws: Workspace): string | undefined => ws.keyVaultId,
  containerRegistry: (ws: Workspace): string | undefined => ws.containerRegistryId,
  applicationInsights: (ws: Workspace): string | undefined => ws.applicationInsightsId,
  cmkKey: (ws: Workspace): string | undefined => reads.cmkKeyRef(ws)?.keyId,
} as const;

export type OwnTarget = keyof typeof OWN_TARGETS;
export type LinkedTarget = keyof typeof LINKED_TARGETS;

export function isLinkedTarget(target: string): target is LinkedTarget {
  return Object.hasOwn(LINKED_TARGETS, target);
}

/** The id a read is about, for this workspace; undefined when a linked target is not linked. */
export function targetIdOf(target: OwnTarget | LinkedTarget, ws: Workspace): string | undefined {
  return isLinkedTarget(target) ? LINKED_TARGETS[target](ws) : OWN_TARGETS[target](ws);
}

interface ReadBase {
  /** Short words for progress, e.g. "role assignments on the workspace". */
  readonly label: string;
  /** A list that usually spans several pages: started early, as it heads the critical path. */
  readonly pages?: 'many';
}

/** The read everything else waits for. */
export interface WorkspaceRead extends ReadBase {
  readonly target: 'workspace';
  readonly after: readonly [];
  readonly about: (workspaceId: string) => ReadTarget;
  readonly arm: (clients: ArmClients, workspaceId: string, signal: AbortSignal) => Promise<Workspace>;
  /** A fleet scan parses the workspace's own Resource Graph row. */
  readonly graph: (row: JsonReader) => Workspace;
}

/** A read of one target resolved from the workspace. */
export interface ScopedRead<V, T extends OwnTarget | LinkedTarget = OwnTarget | LinkedTarget> extends ReadBase {
  readonly target: T;
  readonly after: readonly ['workspace'];
  /** What the read is about (for errors) and the RBAC action that allows it, given the target's id. */
  readonly about: (id: string) => ReadTarget;
  readonly arm: (at: ReadContext, id: string, signal: AbortSignal) => Promise<V>;
  readonly graph: GraphSource<V> | undefined;
  /** A graph-depth fleet scan reads it from ARM too: one read per target, shared by its workspaces. */
  readonly everyFleetDepth?: true;
}

/** What a per-endpoint read needs of an endpoint. */
export interface EndpointRef {
  readonly id: string;
  readonly name: string;
}

/** A read made once per online endpoint, merged into one field; the endpoint list's failure fails it. */
export interface EachEndpointRead<V> extends ReadBase {
  readonly target: 'onlineEndpoint';
  readonly after: readonly ['workspace', 'onlineEndpoints'];
  /** The field as a whole, given the workspace id. */
  readonly about: (workspaceId: string) => ReadTarget;
  readonly aboutOne: (endpoint: EndpointRef) => ReadTarget;
  readonly arm: (at: ReadContext, endpoint: EndpointRef, signal: AbortSignal) => Promise<V>;
  readonly graph: ((graph: FleetGraph, endpoint: EndpointRef) => V) | undefined;
  // A method, so that an entry typed over its own value fits the table's erased view (parameter bivariance).
  merge(parts: readonly V[]): V;
}

/** The entry a read of type `C` (a Collected) needs: linked values (`T | null`) need a linked target. */
type ReadOfType<F, C> = F extends 'workspace'
  ? WorkspaceRead
  : null extends ReadValue<C>
    ? ScopedRead<NonNullable<ReadValue<C>>, LinkedTarget>
    : ScopedRead<ReadValue<C>, OwnTarget> | EachEndpointRead<ReadValue<C>>;

/** One entry per read of a snapshot-shaped type `S`. */
export type ReadTableOf<S> = { readonly [F in ReadNamesOf<S>]: ReadOfType<F, ReadTypeOf<S, F>> };

/** Any entry of the table, its value type erased. */
export type AnyRead = WorkspaceRead | ScopedRead<unknown> | EachEndpointRead<unknown>;

/** The read with nothing before it: the workspace. */
export function isWorkspaceRead(read: AnyRead): read is WorkspaceRead {
  return read.after.length === 0;
}

const AFTER_WORKSPACE = ['workspace'] as const;
const AFTER_ENDPOINTS = ['workspace', 'onlineEndpoints'] as const;

/** A list below the workspace (`{workspace}/{child}`). */
function workspaceChildren<V>(child: string, label: string, arm: (at: ReadContext, signal: AbortSignal) => Promise<V>, graph: GraphSource<V> | undefined): ScopedRead<V, 'workspace'> {
  return { label, target: 'workspace', after: AFTER_WORKSPACE, about: (id) => reads.childTarget(id, child), arm: (at, _id, s) => arm(at, s), graph };
}

/** The role assignments that apply at a target (`atScope()`): paged lists, each its own read. */
function roleAssignmentsOn<T extends OwnTarget | LinkedTarget>(target: T, what: string): ScopedRead<readonly RoleAssignment[], T> {
  return {
    label: `role assignments on ${what}`,
    target,
    after: AFTER_WORKSPACE,
    pages: 'many',
    about: (id) => reads.roleAssignmentsTarget(id, what),
    arm: ({ sub }, id, s) => reads.readRoleAssignments(sub, id, s),
    graph: roleAssignmentsAt,
  };
}

/** The diagnostic settings of a target; Resource Graph does not hold them. */
function diagnosticsOf<T extends OwnTarget | LinkedTarget>(target: T, what: string, label: string): ScopedRead<readonly DiagnosticSetting[], T> {
  return {
    label,
    target,
    after: AFTER_WORKSPACE,
    about: (id) => reads.diagnosticsTarget(id, what),
    arm: ({ sub }, id, s) => reads.readDiagnosticSettings(sub, id, s),
    graph: undefined,
  };
}

// Table order is snapshot order: the generated per-check table and progress totals follow it.
export const SNAPSHOT_READS: ReadTableOf<WorkspaceSnapshot> = {
  workspace: { label: 'workspace', target: 'workspace', after: [], about: reads.workspaceTarget, arm: reads.readWorkspace, graph: parseWorkspace },
  workspacePreview: {
    label: 'workspace preview settings',
    target: 'workspace',
    after: AFTER_WORKSPACE,
    about: reads.workspacePreviewTarget,
    arm: ({ clients }, id, s) => reads.readWorkspacePreview(clients, id, s),
    // Resource Graph's workspace row carries the properties the provider stored, preview-only ones included.
    graph: linkedRow(parseWorkspacePreviewSettings),
  },
  computes: workspaceChildren('computes', 'computes', ({ clients, ws }, s) => reads.readComputes(clients, ws, s), children('computes', parseCompute)),
  onlineEndpoints: workspaceChildren('onlineEndpoints', 'online endpoints', ({ clients, ws }, s) => reads.readOnlineEndpoints(clients, ws, s), children('onlineendpoints', parseOnlineEndpoint)),
  onlineDeployments: {
    label: 'online deployments',
    target: 'onlineEndpoint',
    after: AFTER_ENDPOINTS,
    about: (id) => reads.childTarget(id, 'onlineEndpoints/deployments'),
    aboutOne: (ep) => reads.childTarget(ep.id, 'deployments'),
    arm: ({ sub, ws }, ep, s) => reads.readOnlineDeployments(sub, ws, ep.name, s),
    graph: (graph, ep) => graph.childrenOf(ep.id, 'deployments').map(onlineDeploymentFromRow),
    merge: (parts) => parts.flat(),
  },
  datastores: workspaceChildren('datastores', 'datastores', ({ sub, ws }, s) => reads.readDatastores(sub, ws, s), undefined),
  connections: workspaceChildren('connections', 'connections', ({ clients, ws }, s) => reads.readConnections(clients, ws, s), undefined),
  outboundRules: workspaceChildren('outboundRules', 'outbound rules', ({ clients, ws }, s) => reads.readOutboundRules(clients, ws, s), undefined),
  // The subscription, not the resource group: a workspace uses registries wherever they live (Registries_ListBySubscription).
  mlRegistries: {
    label: 'ML registries',
    target: 'subscription',
    after: AFTER_WORKSPACE,
    about: reads.registriesTarget,
    arm: ({ clients }, subscriptionScope, s) => reads.readMlRegistries(clients, subscriptionScope, s),
    graph: resourcesBelow('microsoft.machinelearningservices/registries', parseMlRegistry),
  },
  storageAccount: {
    label: 'storage account',
    target: 'storageAccount',
    after: AFTER_WORKSPACE,
    about: reads.storageTarget,
    arm: ({ clients }, id, s) => reads.readStorageAccount(clients, id, s),
    graph: linkedRow(storageAccountFromRow),
  },
  blobService: {
    label: 'blob service',
    target: 'storageAccount',
    after: AFTER_WORKSPACE,
    about: reads.blobServiceTarget,
    arm: ({ clients }, id, s) => reads.readBlobService(clients, id, s),
    graph: undefined,
  },
  keyVault: {
    label: 'key vault',
    target: 'keyVault',
    after: AFTER_WORKSPACE,
    about: reads.keyVaultTarget,
    arm: ({ clients }, id, s) => reads.readKeyVault(clients, id, s),
    graph: linkedRow(keyVaultFromRow),
  },
  cmkKey: {
    label: 'customer-managed key',
    target: 'cmkKey',
    after: AFTER_WORKSPACE,
    about: reads.cmkKeyTarget,
    arm: ({ clients }, id, s) => reads.readCmkKey(clients, id, s),
    graph: undefined,
  },
  containerRegistry: {
    label: 'container registry',
    target: 'containerRegistry',
    after: AFTER_WORKSPACE,
    about: reads.containerRegistryTarget,
    arm: ({ clients }, id, s) => reads.readContainerRegistry(clients, id, s),
    graph: linkedRow(parseContainerRegistry),
  },
  applicationInsights: {
    label: 'Application Insights',
    target: 'applicationInsights',
    after: AFTER_WORKSPACE,
    about: reads.appInsightsTarget,
    arm: ({ clients }, id, s) => reads.readApplicationInsights(clients, id, s),
    graph: linkedRow(parseApplicationInsights),
  },
  'diagnostics.workspace': diagnosticsOf('workspace', 'the workspace', 'workspace diagnostic settings'),
  'diagnostics.keyVault': diagnosticsOf('keyVault', 'the key vault', 'key vault diagnostic settings'),
  'diagnostics.onlineEndpoints': {
    label: 'endpoint diagnostic settings',
    target: 'onlineEndpoint',
    after: AFTER_ENDPOINTS,
    about: (id) => reads.diagnosticsTarget(id, 'the online endpoints'),
    aboutOne: (ep) => reads.diagnosticsTarget(ep.id, `online endpoint ${ep.name}`),
    arm: async ({ sub }, ep, s) => ({ [ep.id]: await reads.readDiagnosticSettings(sub, ep.id, s) }),
    graph: undefined,
    merge: (parts) => Object.fromEntries(parts.flatMap((p) => Object.entries(p))),
  },
  'diagnostics.subscription': { ...diagnosticsOf('subscription', 'the subscription (activity log)', 'activity log export'), everyFleetDepth: true },
  'roleAssignments.workspace': roleAssignmentsOn('workspace', 'the workspace'),
  'roleAssignments.storageAccount': roleAssignmentsOn('storageAccount', 'the storage account'),
  'roleAssignments.keyVault': roleAssignmentsOn('keyVault', 'the key vault'),
  'roleAssignments.containerRegistry': roleAssignmentsOn('containerRegistry', 'the container registry'),
  roleDefinitions: {
    label: 'role definitions',
    target: 'subscription',
    after: AFTER_WORKSPACE,
    pages: 'many',
    about: reads.roleDefinitionsTarget,
    arm: ({ sub }, id, s) => reads.readRoleDefinitions(sub, id, s),
    graph: rowsAt('authorizationresources', 'microsoft.authorization/roledefinitions', roleDefinitionFromRow, isRoleDefinitionVisibleAt),
  },
  defenderPlans: {
    label: 'Defender plans',
    target: 'subscription',
    after: AFTER_WORKSPACE,
    pages: 'many',
    about: reads.pricingsTarget,
    arm: ({ clients }, id, s) => reads.readDefenderPlans(clients, id, s),
    graph: rowsAt('securityresources', 'microsoft.security/pricings', parseDefenderPlan, directlyBelow('providers/microsoft.security/pricings')),
  },
  securityConnectors: {
    label: 'security connectors',
    target: 'subscription',
    after: AFTER_WORKSPACE,
    about: reads.connectorsTarget,
    arm: ({ clients }, id, s) => reads.readSecurityConnectors(clients, id, s),
    graph: rowsAt('securityresources', 'microsoft.security/securityconnectors', parseSecurityConnector, atOrBelow),
  },
  assessments: {
    label: 'Defender recommendations',
    target: 'subscription',
    after: AFTER_WORKSPACE,
    pages: 'many',
    about: reads.assessmentsTarget,
    arm: ({ clients, ws }, id, s) => reads.readAssessments(clients, id, s, reads.assessmentScopes(ws)),
    graph: rowsAt('securityresources', 'microsoft.security/assessments', parseAssessment, withinAny(reads.assessmentScopes)),
  },
  policyAssignments: {
    label: 'policy assignments',
    target: 'workspace',
    after: AFTER_WORKSPACE,
    pages: 'many',
    about: reads.policyAssignmentsTarget,
    arm: ({ clients }, id, s) => reads.readPolicyAssignments(clients, id, s),
    graph: rowsAt('policyresources', 'microsoft.authorization/policyassignments', parsePolicyAssignment, policyAppliesAt),
  },
  policyStates: {
    label: 'policy compliance',
    target: 'resourceGroup',
    after: AFTER_WORKSPACE,
    pages: 'many',
    about: reads.policyStatesTarget,
    arm: ({ clients }, id, s) => reads.readPolicyStates(clients, id, s),
    graph: rowsAt('policyresources', 'microsoft.policyinsights/policystates', (r) => parsePolicyState(r.obj('properties')), strictlyBelow),
  },
};
