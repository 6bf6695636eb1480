/**
 * `sample change <check id>` and `sample reset`: the writes that make one check fail on a sample workspace, made
 * through the sample server's write path so that each lands in its Activity Log with the person who asked as the
 * caller. The hardened sample passes each of these checks, so it is where a change shows; `reset` puts back
 * every resource a change touched (also recorded, so the watch sees it resolved).
 */
import type { SampleCaller } from './activity-log';
import { HARDENED_NAMES, LAB_NAMES, sampleIds, type SampleIds, type SampleWorkspaceKey } from './data';
import type { JsonObject } from './json';

interface SampleChange {
  /** What the write does, for the chat answer: "opens the storage account to public networks". */
  readonly does: string;
  readonly resource: (ids: SampleIds) => string;
  readonly properties: JsonObject;
}

const CHANGES: Readonly<Record<string, SampleChange>> = {
  'AML-NET-001': { does: 'enables public network access on the workspace', resource: (ids) => ids.workspace, properties: { publicNetworkAccess: 'Enabled' } },
  'AML-NET-010': {
    does: 'opens the storage account to public networks',
    resource: (ids) => ids.storageAccount,
    properties: { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } },
  },
  'AML-NET-011': { does: 'opens the key vault to public networks', resource: (ids) => ids.keyVault, properties: { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } } },
  'AML-NET-012': {
    does: 'opens the container registry to public networks',
    resource: (ids) => ids.containerRegistry,
    properties: { publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow' } },
  },
  'AML-DP-004': { does: 'lets the storage account accept TLS 1.0', resource: (ids) => ids.storageAccount, properties: { minimumTlsVersion: 'TLS1_0' } },
  'AML-DP-005': { does: 'allows anonymous blob access on the storage account', resource: (ids) => ids.storageAccount, properties: { allowBlobPublicAccess: true } },
};

/** The check ids `sample change` knows, in a stable order. */
export const SAMPLE_CHANGE_CHECKS: readonly string[] = Object.keys(CHANGES);

const SAMPLE_IDS: Readonly<Record<SampleWorkspaceKey, SampleIds>> = { 'lab-default': sampleIds(LAB_NAMES), hardened: sampleIds(HARDENED_NAMES) };

/** What the changer needs of the sample server: its resources and its recorded write path. */
export interface SampleWriter {
  getResource(path: string): JsonObject | undefined;
  /** Deep-merges into `properties` and records the write in the Activity Log. */
  write(path: string, partialProperties: JsonObject, caller?: SampleCaller): void;
  /** Replaces the body and records the write. */
  replace(path: string, body: JsonObject, caller?: SampleCaller): void;
}

export type SampleChangeResult =
  | { readonly ok: true; readonly checkId: string; readonly resourceId: string; readonly does: string }
  | { readonly ok: false; readonly message: string };

export interface SampleChanger {
  change(checkId: string, caller: SampleCaller, sample?: SampleWorkspaceKey): SampleChangeResult;
  /** Restores every resource changed since the last reset; returns their ids. */
  reset(caller: SampleCaller): readonly string[];
}

export function createSampleChanger(writer: SampleWriter): SampleChanger {
  /** Original bodies of the resources changed since the last reset, by id (first change wins). */
  const originals = new Map<string, JsonObject>();
  return {
    change(checkId, caller, sample = 'hardened') {
      const id = checkId.trim().toUpperCase();
      const change = CHANGES[id];
      if (change === undefined) return { ok: false, message: `I can change the sample for ${SAMPLE_CHANGE_CHECKS.join(', ')}; not for ${checkId.trim().slice(0, 40)}.` };
      const resourceId = change.resource(SAMPLE_IDS[sample]);
      const current = writer.getResource(resourceId);
      if (current === undefined) return { ok: false, message: `The sample has no resource at ${resourceId}.` };
      if (!originals.has(resourceId.toLowerCase())) originals.set(resourceId.toLowerCase(), current);
      writer.write(resourceId, change.properties, caller);
      return { ok: true, checkId: id, resourceId, does: change.does };
    },
    reset(caller) {
      const restored: string[] = [];
      for (const body of originals.values()) {
        const id = typeof body.id === 'string' ? body.id : undefined;
        if (id === undefined) continue;
        writer.replace(id, body, caller);
        restored.push(id);
      }
      originals.clear();
      return restored;
    },
  };
}
