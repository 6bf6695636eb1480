/**
 * The 28 reads a snapshot is made of, by name: each top-level Collected field, plus the sub-fields of
 * `diagnostics` and `roleAssignments` (each is its own ARM read). A scan that runs only some checks reads only
 * the fields those checks need; the others become a `skipped` ReadError.
 */
import type { Collected, RoleAssignmentsByScope, WorkspaceSnapshot } from './snapshot';

type TopLevelRead = Exclude<keyof WorkspaceSnapshot, 'collectedAt' | 'workspaceId' | 'diagnostics' | 'roleAssignments'>;
type DiagnosticsRead = `diagnostics.${Extract<keyof WorkspaceSnapshot['diagnostics'], string>}`;
type RoleAssignmentsRead = `roleAssignments.${Extract<keyof RoleAssignmentsByScope, string>}`;

export type SnapshotField = TopLevelRead | DiagnosticsRead | RoleAssignmentsRead;

/** Every read with its progress label, in snapshot order. */
export const SNAPSHOT_FIELD_LABELS: Readonly<Record<SnapshotField, string>> = {
  workspace: 'workspace',
  computes: 'computes',
  onlineEndpoints: 'online endpoints',
  onlineDeployments: 'online deployments',
  datastores: 'datastores',
  connections: 'connections',
  outboundRules: 'outbound rules',
  mlRegistries: 'ML registries',
  storageAccount: 'storage account',
  blobService: 'blob service',
  keyVault: 'key vault',
  cmkKey: 'customer-managed key',
  containerRegistry: 'container registry',
  applicationInsights: 'Application Insights',
  'diagnostics.workspace': 'workspace diagnostic settings',
  'diagnostics.keyVault': 'key vault diagnostic settings',
  'diagnostics.onlineEndpoints': 'endpoint diagnostic settings',
  'diagnostics.subscription': 'activity log export',
  'roleAssignments.workspace': 'role assignments on the workspace',
  'roleAssignments.storageAccount': 'role assignments on the storage account',
  'roleAssignments.keyVault': 'role assignments on the key vault',
  'roleAssignments.containerRegistry': 'role assignments on the container registry',
  roleDefinitions: 'role definitions',
  defenderPlans: 'Defender plans',
  securityConnectors: 'security connectors',
  assessments: 'Defender recommendations',
  policyAssignments: 'policy assignments',
  policyStates: 'policy compliance',
};

export const SNAPSHOT_FIELDS: readonly SnapshotField[] = Object.freeze(Object.keys(SNAPSHOT_FIELD_LABELS) as SnapshotField[]);

const KNOWN = new Set<string>(SNAPSHOT_FIELDS);

export function isSnapshotField(name: string): name is SnapshotField {
  return KNOWN.has(name);
}

/** The outcome of a read the scan did not make because no selected check needs it. */
export function skippedRead(field: SnapshotField, resourceId: string): { readonly ok: false; readonly error: { readonly kind: 'skipped'; readonly message: string; readonly resourceId: string } } {
  return { ok: false, error: { kind: 'skipped', message: `This scan did not read the ${SNAPSHOT_FIELD_LABELS[field]}: the selected checks do not need it.`, resourceId } };
}

/** The snapshot with every field outside `keep` (the workspace always kept) replaced by a skipped read. */
export function keepOnlyReads(snapshot: WorkspaceSnapshot, keep: ReadonlySet<SnapshotField>): WorkspaceSnapshot {
  const pick = <T>(field: SnapshotField, value: Collected<T>): Collected<T> => (field === 'workspace' || keep.has(field) ? value : skippedRead(field, snapshot.workspaceId));
  const d = snapshot.diagnostics;
  const ra = snapshot.roleAssignments;
  return {
    collectedAt: snapshot.collectedAt,
    workspaceId: snapshot.workspaceId,
    workspace: snapshot.workspace,
    computes: pick('computes', snapshot.computes),
    onlineEndpoints: pick('onlineEndpoints', snapshot.onlineEndpoints),
    onlineDeployments: pick('onlineDeployments', snapshot.onlineDeployments),
    datastores: pick('datastores', snapshot.datastores),
    connections: pick('connections', snapshot.connections),
    outboundRules: pick('outboundRules', snapshot.outboundRules),
    mlRegistries: pick('mlRegistries', snapshot.mlRegistries),
    storageAccount: pick('storageAccount', snapshot.storageAccount),
    blobService: pick('blobService', snapshot.blobService),
    keyVault: pick('keyVault', snapshot.keyVault),
    cmkKey: pick('cmkKey', snapshot.cmkKey),
    containerRegistry: pick('containerRegistry', snapshot.containerRegistry),
    applicationInsights: pick('applicationInsights', snapshot.applicationInsights),
    diagnostics: {
      workspace: pick('diagnostics.workspace', d.workspace),
      keyVault: pick('diagnostics.keyVault', d.keyVault),
      onlineEndpoints: pick('diagnostics.onlineEndpoints', d.onlineEndpoints),
      subscription: pick('diagnostics.subscription', d.subscription),
    },
    roleAssignments: {
      workspace: pick('roleAssignments.workspace', ra.workspace),
      storageAccount: pick('roleAssignments.storageAccount', ra.storageAccount),
      keyVault: pick('roleAssignments.keyVault', ra.keyVault),
      containerRegistry: pick('roleAssignments.containerRegistry', ra.containerRegistry),
    },
    roleDefinitions: pick('roleDefinitions', snapshot.roleDefinitions),
    defenderPlans: pick('defenderPlans', snapshot.defenderPlans),
    securityConnectors: pick('securityConnectors', snapshot.securityConnectors),
    assessments: pick('assessments', snapshot.assessments),
    policyAssignments: pick('policyAssignments', snapshot.policyAssignments),
    policyStates: pick('policyStates', snapshot.policyStates),
  };
}

/**
 * A view of the snapshot that records which reads are touched (a property read of a field, or any
 * enumeration, which counts as touching every field it could reach). Used to derive each check's reads and,
 * at scan time, to prove a reduced scan's checks stayed within what was read.
 */
export function recordReads(snapshot: WorkspaceSnapshot): { readonly view: WorkspaceSnapshot; readonly touched: ReadonlySet<SnapshotField> } {
  const touched = new Set<SnapshotField>();
  const touchAll = (prefix: string): void => {
    for (const f of SNAPSHOT_FIELDS) if (prefix === '' || f.startsWith(prefix)) touched.add(f);
  };
  // Proxies over shallow copies: a frozen snapshot's properties could not be answered with another proxy.
  const nested = <T extends object>(target: T, prefix: 'diagnostics' | 'roleAssignments'): T =>
    new Proxy({ ...target }, {
      get(t, key, receiver) {
        if (typeof key === 'string') {
          const name = `${prefix}.${key}`;
          if (isSnapshotField(name)) touched.add(name);
        }
        return Reflect.get(t, key, receiver) as unknown;
      },
      ownKeys(t) {
        touchAll(`${prefix}.`);
        return Reflect.ownKeys(t);
      },
      has(t, key) {
        touchAll(`${prefix}.`);
        return Reflect.has(t, key);
      },
    });
  const diagnostics = nested(snapshot.diagnostics, 'diagnostics');
  const roleAssignments = nested(snapshot.roleAssignments, 'roleAssignments');
  const view = new Proxy({ ...snapshot }, {
    get(t, key, receiver) {
      if (key === 'diagnostics') return diagnostics;
      if (key === 'roleAssignments') return roleAssignments;
      if (typeof key === 'string' && isSnapshotField(key)) touched.add(key);
      return Reflect.get(t, key, receiver) as unknown;
    },
    ownKeys(t) {
      touchAll('');
      return Reflect.ownKeys(t);
    },
    has(t, key) {
      touchAll('');
      return Reflect.has(t, key);
    },
  });
  return { view, touched };
}
