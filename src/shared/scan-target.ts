/**
 * What a scan is asked to look at, parsed once from the words or card data that name it: the sample environment,
 * a workspace by resource id, a workspace by name (resolved later, against what the bot may read), or a
 * subscription (its Defender plans; for workspace checks, the workspaces in it). Chat, cards and the CLI pass the
 * parsed target on instead of re-testing the text.
 */
import { isGuid, parseResourceId, ResourceIdError } from './resource-id';

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
  | ({ readonly kind: 'invalid' } & TargetProblem);

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
      // "/subscriptions/xyz" is a subscription id gone wrong, not a resource id: the answer says which.
      if (error instanceof ResourceIdError) return { kind: 'invalid', ...(malformedTarget(t) ?? { what: 'resource id', reason: error.message }) };
      throw error;
    }
  }
  // A name is checked where it is resolved (src/azure/resolve.ts), against the workspaces the bot may read.
  if (t === '') return { kind: 'invalid', what: 'resource id', reason: 'No workspace was named.' };
  return { kind: 'workspace-name', name: t };
}

/** What is wrong with a target the user tried to type, in the words of the answer: "That is not a valid <what>". */
export interface TargetProblem {
  readonly what: 'subscription id' | 'resource id';
  readonly reason: string;
}

/** `/subscriptions/<x>` and nothing after it: a subscription named by its id. */
const SUBSCRIPTION_ID_ATTEMPT = /(?:^|\s)\/?subscriptions\/([^\s/]+)\/?(?=$|\s|[.,;:!?])/i;
const RESOURCE_ID_ATTEMPT = /(?:^|\s)(\/?subscriptions\/\S*)/i;

function notASubscriptionId(typed: string): TargetProblem {
  const shown = typed.length > 60 ? `${typed.slice(0, 59)}…` : typed;
  return { what: 'subscription id', reason: `"${shown}" is not one: a subscription id is a GUID like 8c1f3a52-6d4e-4b7a-9f20-3e5d7c9a1b64 (az account show --query id prints yours).` };
}

/**
 * Why the text cannot name what it tries to ("/subscriptions/xyz", a broken workspace id), or undefined when it holds
 * no attempt at an id, or a valid one. The router turns "subscription 1234" into the target `/subscriptions/1234`.
 */
export function malformedTarget(text: string): TargetProblem | undefined {
  const bySlash = SUBSCRIPTION_ID_ATTEMPT.exec(text)?.[1];
  if (bySlash !== undefined && !isGuid(bySlash)) return notASubscriptionId(bySlash);
  const attempt = RESOURCE_ID_ATTEMPT.exec(text)?.[1];
  if (attempt === undefined) return undefined;
  const id = attempt.startsWith('/') ? attempt : `/${attempt}`;
  try {
    parseResourceId(id.replace(/[.,;:!?]+$/, '').replace(/\/+$/, ''));
    return undefined;
  } catch (error) {
    if (error instanceof ResourceIdError) return { what: 'resource id', reason: error.message };
    throw error;
  }
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
