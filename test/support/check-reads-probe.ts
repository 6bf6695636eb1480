/**
 * Derives which snapshot reads each check needs, by evaluating every check over many diverse snapshots
 * through a recording view (src/azure/snapshot-fields.ts recordReads) and taking the union. The snapshots:
 * the hardened and all-failed fixtures, both sample workspaces collected for real through the sample server
 * (as seeded and with every named mutation), and for each of those bases one variant per read (failed, empty,
 * linked none) and per workspace property (unset, flipped, each known enum value), so that branches taken
 * only on unusual data are walked too. The result is committed as src/checks/reads.generated.json.
 */
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { fieldOf, recordReads, SNAPSHOT_FIELDS, type SnapshotField } from '../../src/azure/snapshot-fields';
import type { Workspace, WorkspaceSnapshot } from '../../src/azure/snapshot';
import type { CheckDefinition } from '../../src/checks/types';
import { SAMPLE_WORKSPACE_IDS } from '../../src/sample';
import { startSampleEnvironment } from '../../src/scan';
import { allReadsFailedSnapshot, failedRead, hardenedSnapshot, withRead } from './snapshot-builder';
import { mutations, snapshotSample, type MutationName } from './sample-mutations';

export interface NamedSnapshot {
  readonly name: string;
  readonly snapshot: WorkspaceSnapshot;
}

/** The sample workspaces, collected through the sample server as seeded and after each named mutation. */
export async function sampleSnapshots(): Promise<NamedSnapshot[]> {
  const env = await startSampleEnvironment({ now: () => new Date('2026-01-15T10:00:00Z') });
  try {
    const restore = snapshotSample(env.arm);
    const collect = (id: string): Promise<WorkspaceSnapshot> =>
      collectWorkspaceSnapshot(env.clients, id, { timeoutMs: 30_000, concurrency: 16, now: () => new Date('2026-01-15T10:00:00Z') });
    const out: NamedSnapshot[] = [
      { name: 'sample lab-default', snapshot: await collect(SAMPLE_WORKSPACE_IDS['lab-default']) },
      { name: 'sample hardened', snapshot: await collect(SAMPLE_WORKSPACE_IDS.hardened) },
    ];
    for (const name of Object.keys(mutations) as MutationName[]) {
      mutations[name](env.arm);
      for (const key of ['lab-default', 'hardened'] as const) out.push({ name: `sample ${key} + ${name}`, snapshot: await collect(SAMPLE_WORKSPACE_IDS[key]) });
      restore();
    }
    return out;
  } finally {
    await env.close();
  }
}

export function builderSnapshots(): NamedSnapshot[] {
  return [
    { name: 'hardened fixture', snapshot: hardenedSnapshot() },
    { name: 'all reads failed fixture', snapshot: allReadsFailedSnapshot() },
  ];
}

const ENUM_VALUES: Partial<Record<keyof Workspace, readonly unknown[]>> = {
  kind: ['Default', 'Hub', 'Project', 'FeatureStore'],
  publicNetworkAccess: ['Enabled', 'Disabled'],
  managedNetworkIsolationMode: ['Disabled', 'AllowInternetOutbound', 'AllowOnlyApprovedOutbound'],
  managedNetworkFirewallSku: ['Basic', 'Standard'],
  systemDatastoresAuthMode: ['accessKey', 'identity'],
  identity: [
    { type: 'None', principalId: undefined, tenantId: undefined, userAssigned: [] },
    { type: 'SystemAssigned', principalId: '00000000-0000-4000-8000-000000000001', tenantId: undefined, userAssigned: [] },
  ],
  encryption: [
    { status: 'Enabled', keyIdentifier: 'https://kv.vault.azure.net/keys/k/1', keyVaultArmId: undefined },
    { status: 'Disabled', keyIdentifier: undefined, keyVaultArmId: undefined },
  ],
};

/** One workspace value per property change: unset (or empty), flipped, and each known enum value. */
function workspaceVariants(ws: Workspace): Workspace[] {
  const out: Workspace[] = [];
  for (const [key, value] of Object.entries(ws) as [keyof Workspace, unknown][]) {
    if (key === 'id' || key === 'name' || key === 'subscriptionId' || key === 'resourceGroup') continue;
    const blank = Array.isArray(value) ? [] : key === 'tags' ? {} : undefined;
    out.push({ ...ws, [key]: blank });
    if (typeof value === 'boolean') out.push({ ...ws, [key]: !value });
    for (const v of ENUM_VALUES[key] ?? []) out.push({ ...ws, [key]: v });
  }
  return out;
}

/** For one base: a variant per read (failed, empty list, linked none) and per workspace property. */
export function variantsOf(base: NamedSnapshot): NamedSnapshot[] {
  const out: NamedSnapshot[] = [base];
  for (const field of SNAPSHOT_FIELDS) {
    out.push({ name: `${base.name}, ${field} failed`, snapshot: withRead(base.snapshot, field, failedRead('forbidden')) });
    const current = fieldOf(base.snapshot, field);
    if (!current.ok) continue;
    if (Array.isArray(current.value)) out.push({ name: `${base.name}, ${field} empty`, snapshot: withRead(base.snapshot, field, { ok: true, value: [] }) });
    else if (current.value !== null) out.push({ name: `${base.name}, ${field} none`, snapshot: withRead(base.snapshot, field, { ok: true, value: null }) });
    if (current.value !== null && typeof current.value === 'object' && !Array.isArray(current.value) && field === 'diagnostics.onlineEndpoints') {
      out.push({ name: `${base.name}, ${field} empty`, snapshot: withRead(base.snapshot, field, { ok: true, value: {} }) });
    }
  }
  const ws = base.snapshot.workspace;
  if (ws.ok) {
    workspaceVariants(ws.value).forEach((value, i) => out.push({ name: `${base.name}, workspace variant ${i}`, snapshot: { ...base.snapshot, workspace: { ok: true, value } } }));
  }
  return out;
}

/** Every check's touched reads over the snapshots, workspace included, in snapshot field order. */
export function deriveCheckReads(checks: readonly CheckDefinition[], snapshots: readonly NamedSnapshot[]): Record<string, SnapshotField[]> {
  const result: Record<string, SnapshotField[]> = {};
  for (const check of checks) {
    const union = new Set<SnapshotField>(['workspace']);
    for (const { snapshot } of snapshots) {
      const { view, touched } = recordReads(snapshot);
      try {
        check.evaluate(view);
      } catch {
        // a throw on odd data still recorded what was touched before it
      }
      for (const f of touched) union.add(f);
    }
    result[check.id] = SNAPSHOT_FIELDS.filter((f) => union.has(f));
  }
  return result;
}

/** The full probing set: the fixtures and samples, each with its variants. */
export async function probingSnapshots(): Promise<NamedSnapshot[]> {
  const bases = [...builderSnapshots(), ...(await sampleSnapshots())];
  return bases.flatMap(variantsOf);
}

/** The JSON text of src/checks/reads.generated.json. */
export function renderCheckReads(reads: Record<string, SnapshotField[]>): string {
  const lines = Object.entries(reads).map(([id, fields]) => `  ${JSON.stringify(id)}: ${JSON.stringify(fields)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
