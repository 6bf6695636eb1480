/**
 * Every ARM read a scan makes: which client (or pinned raw api-version) reads it, the RBAC action it needs,
 * and how its payload becomes snapshot types. One function per read; the read table (snapshot-reads.ts) says which
 * field each fills and what it waits for.
 */
import type { ArmClients, SubscriptionClients } from './clients';
import type { ReadTarget } from './errors';
import { parseAssessment, parseApplicationInsights, parseDefenderPlan, parsePolicyAssignment, parsePolicyState, parseSecurityConnector } from './parse/governance';
import { PayloadError } from './parse/json-reader';
import { parseCompute, parseConnection, parseMlRegistry, parseOnlineEndpoint, parseOutboundRule } from './parse/ml';
import { parseContainerRegistry } from './parse/registry';
import {
  fromSdkBlobService,
  fromSdkDatastore,
  fromSdkDiagnosticSetting,
  fromSdkKey,
  fromSdkOnlineDeployment,
  fromSdkRoleAssignment,
  fromSdkRoleDefinition,
  fromSdkStorageAccount,
  fromSdkVault,
} from './parse/sdk-models';
import { parseWorkspace, parseWorkspacePreviewSettings } from './parse/workspace';
import { isWithinScope, parseResourceId } from '../shared/resource-id';
import type {
  ApplicationInsights,
  BlobServiceProperties,
  CmkKey,
  Compute,
  ContainerRegistry,
  Datastore,
  DefenderPlan,
  DiagnosticSetting,
  KeyVault,
  MlRegistry,
  OnlineDeployment,
  OnlineEndpoint,
  OutboundRule,
  PolicyAssignment,
  PolicyState,
  RoleAssignment,
  RoleDefinition,
  SecurityAssessment,
  SecurityConnector,
  StorageAccount,
  Workspace,
  WorkspaceConnection,
  WorkspacePreviewSettings,
} from './snapshot';

/**
 * Pinned api-versions for raw reads. ML 2025-09-01 returns managedNetwork, systemDatastoresAuthMode and endpoint
 * publicNetworkAccess, which the SDK's 2022-10-01 models drop; the others are what each provider's payload needs
 * (see docs in each read).
 */
export const API_VERSIONS = {
  machineLearning: '2025-09-01',
  /**
   * The workspace's networkAcls (inbound IP rules) and softDeleteRetentionInDays are defined only by preview
   * api-versions (2025-07-01-preview's WorkspaceProperties has both; stable 2025-09-01 and 2025-12-01 have neither),
   * so the workspace is read a second time at this version for those two settings alone.
   */
  workspacePreview: '2025-07-01-preview',
  pricings: '2024-01-01',
  securityConnectors: '2023-10-01-preview',
  assessments: '2021-06-01',
  policyAssignments: '2023-04-01',
  policyStates: '2019-10-01',
  applicationInsights: '2020-02-02',
  /** The stable ACR model has no softDeletePolicy (a preview feature). */
  containerRegistry: '2023-11-01-preview',
} as const;

const ML = 'Microsoft.MachineLearningServices/workspaces';

// ------------------------------------------------------------------------------------------------------------
// Targets: what each read is about and the RBAC action that allows it.
// ------------------------------------------------------------------------------------------------------------

const target = (label: string, resourceId: string, requiredAction: string): ReadTarget => ({ label, resourceId, requiredAction });

export const workspaceTarget = (id: string): ReadTarget => target('the workspace', id, `${ML}/read`);
export const workspacePreviewTarget = (id: string): ReadTarget =>
  target(`the workspace's network rules and soft-delete retention (api-version ${API_VERSIONS.workspacePreview})`, id, `${ML}/read`);

const CHILD_LABELS: Readonly<Record<string, string>> = {
  computes: 'the computes',
  onlineEndpoints: 'the online endpoints',
  'onlineEndpoints/deployments': 'the online deployments',
  deployments: 'the deployments of the online endpoint',
  datastores: 'the datastores',
  connections: 'the workspace connections',
  outboundRules: 'the managed network outbound rules',
};

export function childTarget(parentId: string, child: string): ReadTarget {
  const action = child === 'deployments' ? `${ML}/onlineEndpoints/deployments/read` : `${ML}/${child}/read`;
  return target(CHILD_LABELS[child] ?? child, `${parentId}/${child.split('/')[0] ?? child}`, action);
}

export const registriesTarget = (subscriptionScope: string): ReadTarget => target('the ML registries in the subscription', subscriptionScope, 'Microsoft.MachineLearningServices/registries/read');
export const storageTarget = (id: string): ReadTarget => target('the linked storage account', id, 'Microsoft.Storage/storageAccounts/read');
export const blobServiceTarget = (id: string): ReadTarget =>
  target('the blob service settings of the linked storage account', `${id}/blobServices/default`, 'Microsoft.Storage/storageAccounts/blobServices/read');
export const keyVaultTarget = (id: string): ReadTarget => target('the linked key vault', id, 'Microsoft.KeyVault/vaults/read');
export const cmkKeyTarget = (id: string): ReadTarget => target("the workspace's customer-managed key", id, 'Microsoft.KeyVault/vaults/keys/read');
export const containerRegistryTarget = (id: string): ReadTarget => target('the linked container registry', id, 'Microsoft.ContainerRegistry/registries/read');
export const appInsightsTarget = (id: string): ReadTarget => target('the linked Application Insights component', id, 'Microsoft.Insights/components/read');
export const diagnosticsTarget = (resourceId: string, what: string): ReadTarget =>
  target(`the diagnostic settings of ${what}`, resourceId, 'Microsoft.Insights/diagnosticSettings/read');
export const roleAssignmentsTarget = (scope: string, what: string): ReadTarget =>
  target(`the role assignments on ${what}`, scope, 'Microsoft.Authorization/roleAssignments/read');
export const roleDefinitionsTarget = (scope: string): ReadTarget => target('the role definitions', scope, 'Microsoft.Authorization/roleDefinitions/read');
export const pricingsTarget = (scope: string): ReadTarget => target('the Defender for Cloud plans', scope, 'Microsoft.Security/pricings/read');
export const connectorsTarget = (scope: string): ReadTarget => target('the Defender for Cloud security connectors', scope, 'Microsoft.Security/securityConnectors/read');
export const assessmentsTarget = (scope: string): ReadTarget => target('the Defender for Cloud recommendations', scope, 'Microsoft.Security/assessments/read');
export const policyAssignmentsTarget = (scope: string): ReadTarget => target('the policy assignments', scope, 'Microsoft.Authorization/policyAssignments/read');
export const policyStatesTarget = (scope: string): ReadTarget => target('the policy compliance states', scope, 'Microsoft.PolicyInsights/policyStates/queryResults/read');

// ------------------------------------------------------------------------------------------------------------
// Reads
// ------------------------------------------------------------------------------------------------------------

/** Scopes go to the SDKs without the leading slash; with it they send `//subscriptions/…`. */
const scopeArg = (id: string): string => id.replace(/^\/+/, '');

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function rgAndName(id: string): { subscriptionId: string; resourceGroup: string; name: string } {
  const parsed = parseResourceId(id);
  if (parsed.resourceGroup === undefined || parsed.name === undefined) throw new PayloadError(`${id} is not a resource id`);
  return { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup, name: parsed.name };
}

export async function readWorkspace(clients: ArmClients, id: string, signal: AbortSignal): Promise<Workspace> {
  return parseWorkspace(await clients.raw.get(id, API_VERSIONS.machineLearning, signal));
}

/** The workspace again at the preview api-version, for the settings only that version defines. */
export async function readWorkspacePreview(clients: ArmClients, id: string, signal: AbortSignal): Promise<WorkspacePreviewSettings> {
  return parseWorkspacePreviewSettings(await clients.raw.get(id, API_VERSIONS.workspacePreview, signal));
}

export async function readComputes(clients: ArmClients, ws: Workspace, signal: AbortSignal): Promise<Compute[]> {
  return (await clients.raw.list(`${ws.id}/computes`, API_VERSIONS.machineLearning, signal)).map(parseCompute);
}

export async function readOnlineEndpoints(clients: ArmClients, ws: Workspace, signal: AbortSignal): Promise<OnlineEndpoint[]> {
  return (await clients.raw.list(`${ws.id}/onlineEndpoints`, API_VERSIONS.machineLearning, signal)).map(parseOnlineEndpoint);
}

/** The SDK's 2022-10-01 deployment model carries egressPublicNetworkAccess and model. */
export async function readOnlineDeployments(sub: SubscriptionClients, ws: Workspace, endpointName: string, signal: AbortSignal): Promise<OnlineDeployment[]> {
  const list = await all(sub.ml.onlineDeployments.list(ws.resourceGroup, ws.name, endpointName, { abortSignal: signal }));
  return list.map((d) => fromSdkOnlineDeployment(d, endpointName));
}

export async function readDatastores(sub: SubscriptionClients, ws: Workspace, signal: AbortSignal): Promise<Datastore[]> {
  return (await all(sub.ml.datastores.list(ws.resourceGroup, ws.name, { abortSignal: signal }))).map(fromSdkDatastore);
}

/** Raw: `isSharedToAll` is newer than the SDK's model. */
export async function readConnections(clients: ArmClients, ws: Workspace, signal: AbortSignal): Promise<WorkspaceConnection[]> {
  return (await clients.raw.list(`${ws.id}/connections`, API_VERSIONS.machineLearning, signal)).map(parseConnection);
}

/** The SDK has no outbound-rules operation at all. */
export async function readOutboundRules(clients: ArmClients, ws: Workspace, signal: AbortSignal): Promise<OutboundRule[]> {
  return (await clients.raw.list(`${ws.id}/outboundRules`, API_VERSIONS.machineLearning, signal)).map(parseOutboundRule);
}

/** Every ML registry in the subscription (Registries_ListBySubscription): a workspace may use one from any resource group. */
export async function readMlRegistries(clients: ArmClients, subscriptionScope: string, signal: AbortSignal): Promise<MlRegistry[]> {
  return (await clients.raw.list(`${subscriptionScope}/providers/Microsoft.MachineLearningServices/registries`, API_VERSIONS.machineLearning, signal)).map(parseMlRegistry);
}

export async function readStorageAccount(clients: ArmClients, id: string, signal: AbortSignal): Promise<StorageAccount> {
  const { subscriptionId, resourceGroup, name } = rgAndName(id);
  return fromSdkStorageAccount(await clients.forSubscription(subscriptionId).storage.storageAccounts.getProperties(resourceGroup, name, { abortSignal: signal }));
}

export async function readBlobService(clients: ArmClients, id: string, signal: AbortSignal): Promise<BlobServiceProperties> {
  const { subscriptionId, resourceGroup, name } = rgAndName(id);
  return fromSdkBlobService(await clients.forSubscription(subscriptionId).storage.blobServices.getServiceProperties(resourceGroup, name, { abortSignal: signal }));
}

export async function readKeyVault(clients: ArmClients, id: string, signal: AbortSignal): Promise<KeyVault> {
  const { subscriptionId, resourceGroup, name } = rgAndName(id);
  return fromSdkVault(await clients.forSubscription(subscriptionId).keyVault.vaults.get(resourceGroup, name, { abortSignal: signal }));
}

/** Where the workspace's CMK lives: `{vaultId}/keys/{name}`, from its encryption settings; undefined without CMK. */
export function cmkKeyRef(ws: Workspace): { keyId: string } | undefined {
  if (ws.encryption.status?.toLowerCase() !== 'enabled' || ws.encryption.keyIdentifier === undefined) return undefined;
  const vaultId = ws.encryption.keyVaultArmId ?? ws.keyVaultId;
  const match = /\/keys\/([^/?#]+)/i.exec(ws.encryption.keyIdentifier);
  if (vaultId === undefined || match?.[1] === undefined) return undefined;
  return { keyId: `${vaultId}/keys/${match[1]}` };
}

export async function readCmkKey(clients: ArmClients, keyId: string, signal: AbortSignal): Promise<CmkKey> {
  const parsed = parseResourceId(keyId);
  const vault = parsed.segments[0]?.[1];
  const key = parsed.segments[1]?.[1];
  if (parsed.resourceGroup === undefined || vault === undefined || key === undefined) throw new PayloadError(`${keyId} is not a key id`);
  const sdk = clients.forSubscription(parsed.subscriptionId).keyVault;
  return fromSdkKey(await sdk.keys.get(parsed.resourceGroup, vault, key, { abortSignal: signal }), keyId);
}

export async function readContainerRegistry(clients: ArmClients, id: string, signal: AbortSignal): Promise<ContainerRegistry> {
  return parseContainerRegistry(await clients.raw.get(id, API_VERSIONS.containerRegistry, signal));
}

/** No App Insights management SDK in the dependency set: raw at 2020-02-02. */
export async function readApplicationInsights(clients: ArmClients, id: string, signal: AbortSignal): Promise<ApplicationInsights> {
  return parseApplicationInsights(await clients.raw.get(id, API_VERSIONS.applicationInsights, signal));
}

export async function readDiagnosticSettings(sub: SubscriptionClients, resourceId: string, signal: AbortSignal): Promise<DiagnosticSetting[]> {
  return (await all(sub.monitor.diagnosticSettings.list(scopeArg(resourceId), { abortSignal: signal }))).map(fromSdkDiagnosticSetting);
}

/** `atScope()`: assignments at the scope and inherited from above it. */
export async function readRoleAssignments(sub: SubscriptionClients, scope: string, signal: AbortSignal): Promise<RoleAssignment[]> {
  return (await all(sub.authorization.roleAssignments.listForScope(scopeArg(scope), { filter: 'atScope()', abortSignal: signal }))).map(fromSdkRoleAssignment);
}

export async function readRoleDefinitions(sub: SubscriptionClients, subscriptionScope: string, signal: AbortSignal): Promise<RoleDefinition[]> {
  return (await all(sub.authorization.roleDefinitions.list(scopeArg(subscriptionScope), { abortSignal: signal }))).map(fromSdkRoleDefinition);
}

/** arm-security 5 asks for 2022-03-01, which has no plan extensions: raw at 2024-01-01. */
export async function readDefenderPlans(clients: ArmClients, subscriptionScope: string, signal: AbortSignal): Promise<DefenderPlan[]> {
  return (await clients.raw.list(`${subscriptionScope}/providers/Microsoft.Security/pricings`, API_VERSIONS.pricings, signal)).map(parseDefenderPlan);
}

/** arm-security 5's connector model predates `environmentName`. */
export async function readSecurityConnectors(clients: ArmClients, subscriptionScope: string, signal: AbortSignal): Promise<SecurityConnector[]> {
  return (await clients.raw.list(`${subscriptionScope}/providers/Microsoft.Security/securityConnectors`, API_VERSIONS.securityConnectors, signal)).map(parseSecurityConnector);
}

/**
 * Assessments_List documents only subscription and management-group scopes, and `$expand` only on a single GET, so
 * the list is read per subscription without it and narrowed here: an assessment's id begins with the id of the
 * resource it assesses, so `about` (resource or resource-group ids) keeps those at or below one of them. Without
 * `about`, every assessment in the subscription is kept.
 */
export async function readAssessments(clients: ArmClients, subscriptionScope: string, signal: AbortSignal, about?: readonly string[]): Promise<SecurityAssessment[]> {
  const all = await clients.raw.list(`${subscriptionScope}/providers/Microsoft.Security/assessments`, API_VERSIONS.assessments, signal);
  const kept = about === undefined ? all : all.filter((a) => about.some((scope) => isWithinScope(a.str('id') ?? '', scope)));
  return kept.map(parseAssessment);
}

/** What a workspace scan needs assessed: its resource group, plus the linked resources that may live elsewhere. */
export function assessmentScopes(ws: Workspace): string[] {
  const rgId = `/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}`;
  const linked = [ws.storageAccountId, ws.keyVaultId, ws.containerRegistryId, ws.applicationInsightsId].filter((id): id is string => id !== undefined);
  return [rgId, ...linked.filter((id) => !isWithinScope(id, rgId))];
}

export async function readPolicyAssignments(clients: ArmClients, scope: string, signal: AbortSignal): Promise<PolicyAssignment[]> {
  return (await clients.raw.list(`${scope}/providers/Microsoft.Authorization/policyAssignments`, API_VERSIONS.policyAssignments, signal, { $filter: 'atScope()' })).map(parsePolicyAssignment);
}

export async function readPolicyStates(clients: ArmClients, rgId: string, signal: AbortSignal): Promise<PolicyState[]> {
  return (await clients.raw.postList(`${rgId}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults`, API_VERSIONS.policyStates, signal)).map(parsePolicyState);
}
