/**
 * The `az` fix of one finding with the `<placeholders>` the scan can answer filled in: names, resource group and
 * subscription from the finding's resource id, the principal, role and scope from its evidence, and — when the
 * findings are made (withSnapshotValues) — what only the snapshot holds, such as the workspace identity. What the
 * scan cannot know (a new private endpoint's name, a Log Analytics workspace) stays a placeholder. Cards,
 * Markdown, SARIF, JSON and the terminal all print the command through this, so that they never disagree.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import { primaryWorkspacePrincipal } from './rbac/workspace-identity';
import type { Finding } from './types';

/** Type/name pairs of an ARM id, lower-cased types; lenient (subscription-level ids like pricings included). */
interface IdParts {
  readonly subscription?: string;
  readonly resourceGroup?: string;
  /** [lower-cased type, name, the id up to and including this name] */
  readonly resources: readonly (readonly [string, string, string])[];
}

function idParts(id: string): IdParts {
  const parts = id.split('/').filter((p) => p !== '');
  let subscription: string | undefined;
  let resourceGroup: string | undefined;
  const resources: [string, string, string][] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const key = (parts[i] ?? '').toLowerCase();
    const value = parts[i + 1] ?? '';
    if (key === 'subscriptions') subscription = value;
    else if (key === 'resourcegroups') resourceGroup = value;
    else if (key === 'providers') continue;
    else resources.push([key, value, `/${parts.slice(0, i + 2).join('/')}`]);
  }
  return { ...(subscription === undefined ? {} : { subscription }), ...(resourceGroup === undefined ? {} : { resourceGroup }), resources };
}

function resource(parts: IdParts, type: string): { readonly name: string; readonly id: string } | undefined {
  const found = parts.resources.find(([t]) => t === type);
  return found === undefined ? undefined : { name: found[1], id: found[2] };
}

function evidenceValue(finding: Finding, ...properties: readonly string[]): string | undefined {
  const wanted = properties.map((p) => p.toLowerCase());
  return finding.evidence.find((e) => wanted.includes(e.property.toLowerCase()))?.actual;
}

type Filler = (finding: Finding, parts: IdParts) => string | undefined;

const name = (type: string): Filler => (_f, parts) => resource(parts, type)?.name;
const id = (type: string): Filler => (_f, parts) => resource(parts, type)?.id;
const subscription: Filler = (_f, parts) => parts.subscription;
const principal: Filler = (f) => evidenceValue(f, 'principalId', 'objectId');

/** Placeholder (lower-cased, without brackets) → where its value comes from. */
const FILLERS: Readonly<Record<string, Filler>> = {
  sub: subscription,
  'subscription-id': subscription,
  subscription,
  rg: (_f, parts) => parts.resourceGroup,
  ws: name('workspaces'),
  wsid: id('workspaces'),
  workspaceid: id('workspaces'),
  'workspace-id': id('workspaces'),
  sa: name('storageaccounts'),
  storage: name('storageaccounts'),
  registry: name('registries'),
  acr: name('registries'),
  vault: name('vaults'),
  kv: name('vaults'),
  kvid: id('vaults'),
  endpoint: name('onlineendpoints'),
  endpointid: id('onlineendpoints'),
  ci: name('computes'),
  cluster: name('computes'),
  appinsights: name('components'),
  'appinsights-id': id('components'),
  'rule-name': name('outboundrules'),
  key: name('keys'),
  'principal-id': principal,
  'user-object-id': principal,
  'object-id': principal,
  'workspace-identity-principal-id': principal,
  role: (f) => evidenceValue(f, 'role'),
  scope: (f) => evidenceValue(f, 'scope'),
  'linked-resource-id': (f) => f.resourceId,
};

// What may go into a shell command unquoted (or inside the template's own double quotes): ARM names, ids and
// role names. Anything else (quotes, $, backticks, ;) keeps its placeholder rather than risk a broken command.
const SAFE_VALUE = /^[A-Za-z0-9._()/ -]{1,400}$/;

function fill(template: string, valueOf: (key: string) => string | undefined): string {
  return template.replace(/<([A-Za-z][A-Za-z0-9-]*)>/g, (placeholder, key: string) => {
    const value = valueOf(key.toLowerCase());
    return value !== undefined && SAFE_VALUE.test(value) ? value : placeholder;
  });
}

/** The finding's command with what the scan knows filled in, or undefined when the check has no CLI fix. */
export function fixCommand(finding: Finding): string | undefined {
  const template = finding.remediation.cli;
  if (template === undefined) return undefined;
  const parts = idParts(finding.resourceId);
  return fill(template, (key) => FILLERS[key]?.(finding, parts));
}

type SnapshotFiller = (snapshot: WorkspaceSnapshot) => string | undefined;

/** The one user-assigned identity of the workspace: with several, which one to make primary is the reader's choice. */
const onlyUserAssignedIdentity: SnapshotFiller = (snapshot) => {
  const identities = snapshot.workspace.ok ? (snapshot.workspace.value.identity?.userAssigned ?? []) : [];
  return identities.length === 1 ? identities[0]?.resourceId : undefined;
};

/**
 * Placeholders (lower-cased, without brackets) whose value only the snapshot holds → where it is. Used when a
 * placeholder is not answered by the finding itself (FILLERS), so a principal in a finding's evidence wins.
 */
export const SNAPSHOT_FILLERS: Readonly<Record<string, SnapshotFiller>> = {
  'workspace-identity-principal-id': (snapshot) => (snapshot.workspace.ok ? primaryWorkspacePrincipal(snapshot.workspace.value)?.principalId : undefined),
  'identity-resource-id': onlyUserAssignedIdentity,
};

function snapshotValue(key: string, snapshot: WorkspaceSnapshot): string | undefined {
  try {
    return SNAPSHOT_FILLERS[key]?.(snapshot);
  } catch {
    // A snapshot not shaped as collected (a probe's emptied read) leaves the placeholder: the runner never throws.
    return undefined;
  }
}

/** The finding with the snapshot's values written into its command's placeholders (the runner calls this once). */
export function withSnapshotValues(finding: Finding, snapshot: WorkspaceSnapshot): Finding {
  const template = finding.remediation.cli;
  if (template === undefined) return finding;
  const parts = idParts(finding.resourceId);
  const cli = fill(template, (key) => FILLERS[key]?.(finding, parts) ?? snapshotValue(key, snapshot));
  return cli === template ? finding : { ...finding, remediation: { ...finding.remediation, cli } };
}

/** Whether a command still asks the reader to fill something in. */
export function hasPlaceholders(command: string): boolean {
  return /<[A-Za-z][A-Za-z0-9-]*>/.test(command);
}
