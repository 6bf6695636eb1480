/**
 * Which snapshot reads of one watched workspace a change can affect, from the changed resource's id alone: the
 * workspace itself (then everything), one of its children, one of its linked resources (known from the last
 * report's findings), or an extension resource — a role assignment, policy assignment or diagnostic setting —
 * at a scope that covers one of them, or a Defender setting of its subscription. An empty set: no check reads it.
 */
import type { SnapshotField } from '../azure/snapshot-fields';
import { readsOfCheck } from '../checks/check-reads';
import type { CheckDefinition, ScanReport } from '../checks/types';
import { isWithinScope } from '../shared/resource-id';

export type AffectedReads = 'all' | ReadonlySet<SnapshotField>;

type LinkedKind = 'storageAccount' | 'keyVault' | 'containerRegistry' | 'applicationInsights';

/** The resources a workspace's checks read, besides the workspace: what a change must touch to matter. */
export interface WatchedWorkspace {
  readonly workspaceId: string;
  readonly linked: Readonly<Partial<Record<LinkedKind, string>>>;
}

const LINKED_TYPES: Readonly<Record<string, LinkedKind>> = {
  'microsoft.storage/storageaccounts': 'storageAccount',
  'microsoft.keyvault/vaults': 'keyVault',
  'microsoft.containerregistry/registries': 'containerRegistry',
  'microsoft.insights/components': 'applicationInsights',
};

/** Reads of a linked resource's own children (`{account}/blobServices/default`, `{vault}/keys/{key}`). */
const LINKED_CHILD_READS: Readonly<Record<string, SnapshotField>> = { blobservices: 'blobService', keys: 'cmkKey' };

const WORKSPACE_CHILD_READS: Readonly<Record<string, SnapshotField>> = {
  computes: 'computes',
  onlineendpoints: 'onlineEndpoints',
  datastores: 'datastores',
  connections: 'connections',
  outboundrules: 'outboundRules',
};

const ROLE_ASSIGNMENT_READS: Readonly<Record<LinkedKind | 'workspace', SnapshotField | undefined>> = {
  workspace: 'roleAssignments.workspace',
  storageAccount: 'roleAssignments.storageAccount',
  keyVault: 'roleAssignments.keyVault',
  containerRegistry: 'roleAssignments.containerRegistry',
  applicationInsights: undefined,
};

const SECURITY_READS: Readonly<Record<string, SnapshotField>> = { pricings: 'defenderPlans', securityconnectors: 'securityConnectors', assessments: 'assessments' };

/** `/subscriptions/s/resourceGroups/rg/providers/NS/type/name` of an id, lower case, and the path below it. */
function splitBase(id: string): { base: string; type: string; below: string[] } | undefined {
  const parts = id.toLowerCase().replace(/\/+$/, '').split('/').filter((p) => p !== '');
  const at = parts.indexOf('providers');
  if (at === -1 || parts.length < at + 4) return undefined;
  return { base: `/${parts.slice(0, at + 4).join('/')}`, type: `${parts[at + 1]}/${parts[at + 2]}`, below: parts.slice(at + 4) };
}

/** The linked resources named in a report's findings (a linked resource's checks report on its id). */
export function watchedWorkspaceOf(report: ScanReport): WatchedWorkspace {
  const linked: Partial<Record<LinkedKind, string>> = {};
  for (const finding of report.findings) {
    const split = splitBase(finding.resourceId);
    const kind = split === undefined ? undefined : LINKED_TYPES[split.type];
    if (split !== undefined && kind !== undefined) linked[kind] ??= split.base;
  }
  return { workspaceId: report.workspace.id, linked };
}

export function affectedReads(resourceId: string, watched: WatchedWorkspace): AffectedReads {
  const id = resourceId.toLowerCase().replace(/\/+$/, '');
  const workspace = watched.workspaceId.toLowerCase();
  const subscription = workspace.split('/').slice(0, 3).join('/');
  const linked = Object.entries(watched.linked) as [LinkedKind, string][];
  const out = new Set<SnapshotField>();

  // Extension resources: split at their provider, the scope is what comes before it.
  const extension = /^(.*)\/providers\/(microsoft\.authorization|microsoft\.insights|microsoft\.security)\/([^/]+)(\/.*)?$/.exec(id);
  if (extension !== null && (extension[3] !== 'components' || extension[1] === '')) {
    const [, scope = '', namespace, type] = extension;
    const covers = (target: string): boolean => isWithinScope(target, scope === '' ? '/' : scope);
    if (namespace === 'microsoft.authorization' && type === 'roleassignments') {
      if (covers(workspace)) out.add('roleAssignments.workspace');
      for (const [kind, linkedId] of linked) {
        const read = ROLE_ASSIGNMENT_READS[kind];
        if (read !== undefined && covers(linkedId)) out.add(read);
      }
    } else if (namespace === 'microsoft.authorization' && type === 'roledefinitions') {
      out.add('roleDefinitions');
    } else if (namespace === 'microsoft.authorization' && type === 'policyassignments') {
      if (covers(workspace)) {
        out.add('policyAssignments');
        out.add('policyStates');
      }
    } else if (namespace === 'microsoft.insights' && type === 'diagnosticsettings') {
      if (scope === workspace) out.add('diagnostics.workspace');
      if (scope === subscription) out.add('diagnostics.subscription');
      if (watched.linked.keyVault !== undefined && scope === watched.linked.keyVault.toLowerCase()) out.add('diagnostics.keyVault');
      if (isWithinScope(scope, `${workspace}/onlineendpoints`) && scope !== `${workspace}/onlineendpoints`) out.add('diagnostics.onlineEndpoints');
    } else if (namespace === 'microsoft.security') {
      const read = type === undefined ? undefined : SECURITY_READS[type];
      // Plans and connectors are set per subscription; recommendations are read for the workspace's resource group.
      const inReach = read === 'assessments' ? covers(workspace) || isWithinScope(scope, workspace.split('/').slice(0, 5).join('/')) : scope === subscription;
      if (read !== undefined && inReach) out.add(read);
    }
    return out;
  }

  const split = splitBase(id);
  if (split === undefined) return out;
  if (split.base === workspace) {
    const child = split.below[0];
    if (child === undefined) return 'all';
    const read = WORKSPACE_CHILD_READS[child];
    if (read !== undefined) out.add(split.below[2] === 'deployments' ? 'onlineDeployments' : read);
    return out;
  }
  // ML registries are read for the whole subscription: a workspace can use one from any of its resource groups.
  if (split.type === 'microsoft.machinelearningservices/registries' && isWithinScope(split.base, subscription)) {
    out.add('mlRegistries');
    return out;
  }
  const kind = linked.find(([, linkedId]) => linkedId.toLowerCase() === split.base)?.[0];
  if (kind !== undefined) {
    const childRead = split.below[0] === undefined ? undefined : LINKED_CHILD_READS[split.below[0]];
    out.add(childRead ?? kind);
  }
  return out;
}

/** The union of several changes' effects on one workspace. */
export function unionOfReads(reads: readonly AffectedReads[]): AffectedReads {
  const out = new Set<SnapshotField>();
  for (const r of reads) {
    if (r === 'all') return 'all';
    for (const f of r) out.add(f);
  }
  return out;
}

/** The checks whose reads meet `reads` (every check for `all`); a check the read table lacks is always included. */
export function checksAffected(checks: readonly CheckDefinition[], reads: AffectedReads): readonly CheckDefinition[] {
  if (reads === 'all') return checks;
  if (reads.size === 0) return [];
  return checks.filter((check) => {
    const needs = readsOfCheck(check.id);
    return needs === undefined || [...needs].some((f) => f !== 'workspace' && reads.has(f));
  });
}
