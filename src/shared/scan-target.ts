/**
 * What a scan is asked to look at, parsed once from the words or card data that name it: the sample environment,
 * a workspace by resource id, a workspace by name (resolved later, against what the bot may read), or a
 * subscription (its Defender plans; for workspace checks, the workspaces in it). Chat, cards and the CLI pass the
 * parsed target on instead of re-testing the text.
 */
import { parseResourceId, ResourceIdError } from './resource-id';

export type ParsedTarget =
  /** `sample` or `sample:<name>`, lower case: the sample environment's workspaces. */
  | { readonly kind: 'sample'; readonly text: string; readonly sampleName: string | undefined }
  /** A full workspace resource id, in its canonical spelling. */
  | { readonly kind: 'workspace-id'; readonly id: string; readonly name: string }
  | { readonly kind: 'workspace-name'; readonly name: string }
  /** A well-formed resource id of something else (a resource group, a storage account): said so where it is refused. */
  | { readonly kind: 'other-resource'; readonly id: string }
  /** A subscription GUID, lower case, typed bare or as `/subscriptions/<guid>`. */
  | { readonly kind: 'subscription'; readonly subscriptionId: string }
  /** Text that tries to be an id and is not one: the reason, in a sentence. */
  | { readonly kind: 'invalid'; readonly reason: string };

const SAMPLE = /^sample(?::([a-z0-9][a-z0-9-]{0,39}))?$/i;
const SUBSCRIPTION = /^(?:\/subscriptions\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

export function parseScanTarget(text: string): ParsedTarget {
  const t = text.trim();
  const sample = SAMPLE.exec(t);
  if (sample !== null) return { kind: 'sample', text: t.toLowerCase(), sampleName: sample[1]?.toLowerCase() };
  const subscription = SUBSCRIPTION.exec(t)?.[1];
  if (subscription !== undefined) return { kind: 'subscription', subscriptionId: subscription.toLowerCase() };
  if (t.includes('/')) {
    try {
      const parsed = parseResourceId(t);
      const isWorkspace = parsed.provider?.toLowerCase() === 'microsoft.machinelearningservices' && parsed.type?.toLowerCase() === 'workspaces' && parsed.name !== undefined;
      return isWorkspace ? { kind: 'workspace-id', id: parsed.id, name: parsed.name ?? '' } : { kind: 'other-resource', id: parsed.id };
    } catch (error) {
      if (error instanceof ResourceIdError) return { kind: 'invalid', reason: error.message };
      throw error;
    }
  }
  // A name is checked where it is resolved (src/azure/resolve.ts), against the workspaces the bot may read.
  if (t === '') return { kind: 'invalid', reason: 'No workspace was named.' };
  return { kind: 'workspace-name', name: t };
}

export function isSampleTarget(text: string): boolean {
  return SAMPLE.test(text.trim());
}

/** A target the scan service is asked about: a workspace (of the sample, by id or by name), or another resource it refuses. */
export type WorkspaceTarget = Extract<ParsedTarget, { readonly kind: 'sample' | 'workspace-id' | 'workspace-name' | 'other-resource' }>;

/** The text the scan service takes for a workspace target: `sample…`, the id, or the name. */
export function workspaceTargetText(target: WorkspaceTarget): string {
  switch (target.kind) {
    case 'sample':
      return target.text;
    case 'workspace-id':
    case 'other-resource':
      return target.id;
    case 'workspace-name':
      return target.name;
  }
}
