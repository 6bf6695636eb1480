/**
 * Fleet mode of the sample environment: N subscriptions × M workspaces, generated from the two sample profiles.
 * Each workspace is the lab-default or the hardened sample, re-homed into its own resource group in a fleet
 * subscription by rewriting the sample's names and ids, so every generated workspace is as realistic as the
 * originals (linked resources, RBAC, Defender, policy, diagnostics). One workspace in three is hardened.
 * Subscription-level resources (Defender plans, subscription role assignments, activity log export) come from
 * the profile of the subscription's first workspace, so that a subscription is consistent.
 */
import { isJsonObject, type JsonObject, type Json } from '../json';
import type { ResourceStore } from '../resource-store';
import type { Put } from './builders';
import { seedHardened } from './hardened';
import { HARDENED_NAMES, LAB_NAMES, type SampleNames, type SampleWorkspaceKey } from './ids';
import { seedLabDefault } from './lab-default';

export interface FleetSpec {
  readonly subscriptions: number;
  readonly workspacesPerSubscription: number;
}

export interface FleetWorkspace {
  readonly id: string;
  readonly subscriptionId: string;
  readonly profile: SampleWorkspaceKey;
}

export const MAX_FLEET_SUBSCRIPTIONS = 100;
export const MAX_FLEET_WORKSPACES_PER_SUBSCRIPTION = 500;

/** `10x20` → 10 subscriptions × 20 workspaces. */
export function parseFleetSpec(text: string): FleetSpec {
  const match = /^\s*(\d{1,3})\s*[x×]\s*(\d{1,3})\s*$/i.exec(text);
  const subscriptions = Number(match?.[1]);
  const workspacesPerSubscription = Number(match?.[2]);
  if (match === null || subscriptions < 1 || workspacesPerSubscription < 1 || subscriptions > MAX_FLEET_SUBSCRIPTIONS || workspacesPerSubscription > MAX_FLEET_WORKSPACES_PER_SUBSCRIPTION) {
    throw new Error(`A sample fleet is written SUBSCRIPTIONSxWORKSPACES, e.g. 10x20 (at most ${MAX_FLEET_SUBSCRIPTIONS}x${MAX_FLEET_WORKSPACES_PER_SUBSCRIPTION}).`);
  }
  return { subscriptions, workspacesPerSubscription };
}

export function fleetSubscriptionId(index: number): string {
  return `f1ee7000-0000-4000-8000-${(index + 1).toString().padStart(12, '0')}`;
}

/** Which profile the workspace at (subscription, workspace) gets: every third one is hardened. */
export function fleetProfile(subscription: number, workspace: number, spec: FleetSpec): SampleWorkspaceKey {
  return (subscription * spec.workspacesPerSubscription + workspace) % 3 === 2 ? 'hardened' : 'lab-default';
}

/** The generated workspaces, in subscription order. */
export function fleetWorkspaces(spec: FleetSpec): FleetWorkspace[] {
  const out: FleetWorkspace[] = [];
  for (let s = 0; s < spec.subscriptions; s += 1) {
    for (let w = 0; w < spec.workspacesPerSubscription; w += 1) {
      const token = tokens(s, w);
      const subscriptionId = fleetSubscriptionId(s);
      out.push({
        id: `/subscriptions/${subscriptionId}/resourceGroups/rg-${token.dashed}/providers/Microsoft.MachineLearningServices/workspaces/mlw-${token.dashed}`,
        subscriptionId,
        profile: fleetProfile(s, w, spec),
      });
    }
  }
  return out;
}

/** Fills `store` with the fleet (nothing else). */
export function seedFleet(store: ResourceStore, spec: FleetSpec): void {
  for (let s = 0; s < spec.subscriptions; s += 1) {
    for (let w = 0; w < spec.workspacesPerSubscription; w += 1) {
      const profile = fleetProfile(s, w, spec);
      const names = profile === 'hardened' ? HARDENED_NAMES : LAB_NAMES;
      const rewrite = rewriter(names, fleetSubscriptionId(s), tokens(s, w));
      const put: Put = (path, body) => {
        // Subscription-level resources come from the subscription's first workspace only.
        if (w > 0 && !/\/resourcegroups\//i.test(path)) return;
        store.set(rewrite(path), rewriteObject(body, rewrite));
      };
      if (profile === 'hardened') seedHardened(put);
      else seedLabDefault(put);
    }
  }
}

interface Tokens {
  /** `fleet-03-017`: resource group, workspace, key vault names. */
  readonly dashed: string;
  /** `fleet03017`: storage account and registry names (letters and digits only). */
  readonly compact: string;
}

function tokens(subscription: number, workspace: number): Tokens {
  const s = (subscription + 1).toString().padStart(2, '0');
  const w = (workspace + 1).toString().padStart(3, '0');
  return { dashed: `fleet-${s}-${w}`, compact: `fleet${s}${w}` };
}

/** The sample's own name stems, as they appear inside its names (see ids.ts). */
function stems(names: SampleNames): { dashed: string; compact: string } {
  if (names.key === 'hardened') return { dashed: 'guardian-hardened', compact: 'guardianhardened' };
  return { dashed: 'mlopsv2-0001prod', compact: 'mlopsv20001prod' };
}

function rewriter(names: SampleNames, subscriptionId: string, to: Tokens): (text: string) => string {
  const from = stems(names);
  const resourceGroup = names.resourceGroup;
  return (text) =>
    text
      .split(names.subscriptionId)
      .join(subscriptionId)
      .split(resourceGroup)
      .join(`rg-${to.dashed}`)
      .split(from.dashed)
      .join(to.dashed)
      .split(from.compact)
      .join(to.compact);
}

function rewriteJson(value: Json, rewrite: (text: string) => string): Json {
  if (typeof value === 'string') return rewrite(value);
  if (isJsonObject(value)) return rewriteObject(value, rewrite);
  if (value !== null && typeof value === 'object') return value.map((item) => rewriteJson(item, rewrite));
  return value;
}

function rewriteObject(value: JsonObject, rewrite: (text: string) => string): JsonObject {
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) out[rewrite(key)] = rewriteJson(item, rewrite);
  return out;
}
