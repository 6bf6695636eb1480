/**
 * Strict parser for Azure resource ids. Everything the bot takes from a user, a card or ARM goes through here
 * before it is used to build a URL, so that a forged id cannot smuggle a path, a query or another host.
 */

export interface ParsedResourceId {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string | undefined;
  /** e.g. `Microsoft.MachineLearningServices` */
  readonly provider: string | undefined;
  /** e.g. `workspaces` or `vaults/keys` */
  readonly type: string | undefined;
  /** The last name segment. */
  readonly name: string | undefined;
  /** Type/name pairs below the provider, e.g. [['workspaces','ws1'],['computes','cpu']] */
  readonly segments: readonly (readonly [string, string])[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ARM names: letters, digits and -._() ; resource-group names may also hold those. No slashes, no '?', no '#', no '%'.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._()-]{0,89}$/;
const PROVIDER = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const TYPE = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
const MAX_ID_LENGTH = 1024;

export class ResourceIdError extends Error {
  override readonly name = 'ResourceIdError';
}

export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/** Parses a subscription, resource-group or resource id; throws ResourceIdError with a specific reason. */
export function parseResourceId(input: string): ParsedResourceId {
  const text = input.trim();
  if (text.length === 0) throw new ResourceIdError('The resource id is empty.');
  if (text.length > MAX_ID_LENGTH) throw new ResourceIdError(`The resource id is longer than ${MAX_ID_LENGTH} characters.`);
  if (!text.startsWith('/')) throw new ResourceIdError('A resource id starts with "/subscriptions/".');
  const parts = text.slice(1).split('/');
  if (parts.some((p) => p.length === 0)) throw new ResourceIdError('The resource id has an empty segment ("//" or a trailing "/").');
  if (parts[0]?.toLowerCase() !== 'subscriptions') throw new ResourceIdError('A resource id starts with "/subscriptions/".');
  const subscriptionId = parts[1];
  if (subscriptionId === undefined || !GUID.test(subscriptionId)) {
    throw new ResourceIdError(`"${truncate(subscriptionId ?? '')}" is not a subscription id (a GUID).`);
  }
  let resourceGroup: string | undefined;
  let i = 2;
  if (parts.length > 2) {
    if (parts[2]?.toLowerCase() !== 'resourcegroups') {
      if (parts[2]?.toLowerCase() === 'providers') {
        throw new ResourceIdError('Subscription-level resources are not supported here; give a resource group or resource id.');
      }
      throw new ResourceIdError(`Expected "resourceGroups" after the subscription, found "${truncate(parts[2] ?? '')}".`);
    }
    resourceGroup = parts[3];
    if (resourceGroup === undefined || !NAME.test(resourceGroup)) {
      throw new ResourceIdError(`"${truncate(resourceGroup ?? '')}" is not a valid resource group name.`);
    }
    i = 4;
  }
  let provider: string | undefined;
  const segments: [string, string][] = [];
  if (parts.length > i) {
    if (parts[i]?.toLowerCase() !== 'providers') throw new ResourceIdError(`Expected "providers" after the resource group, found "${truncate(parts[i] ?? '')}".`);
    provider = parts[i + 1];
    if (provider === undefined || !PROVIDER.test(provider)) throw new ResourceIdError(`"${truncate(provider ?? '')}" is not a resource provider namespace.`);
    const rest = parts.slice(i + 2);
    if (rest.length === 0 || rest.length % 2 !== 0) throw new ResourceIdError('A resource id ends with a type and a name ("…/workspaces/<name>").');
    for (let k = 0; k < rest.length; k += 2) {
      const type = rest[k] ?? '';
      const name = rest[k + 1] ?? '';
      if (!TYPE.test(type)) throw new ResourceIdError(`"${truncate(type)}" is not a resource type.`);
      if (!NAME.test(name)) throw new ResourceIdError(`"${truncate(name)}" is not a valid resource name.`);
      segments.push([type, name]);
    }
  }
  const last = segments[segments.length - 1];
  return {
    id: text,
    subscriptionId: subscriptionId.toLowerCase(),
    resourceGroup,
    provider,
    type: segments.length > 0 ? segments.map(([t]) => t).join('/') : undefined,
    name: last?.[1],
    segments,
  };
}

/** Parses and also requires a Microsoft.MachineLearningServices/workspaces id. */
export function parseWorkspaceId(input: string): ParsedResourceId & { resourceGroup: string; name: string } {
  const parsed = parseResourceId(input);
  if (
    parsed.provider?.toLowerCase() !== 'microsoft.machinelearningservices' ||
    parsed.type?.toLowerCase() !== 'workspaces' ||
    parsed.resourceGroup === undefined ||
    parsed.name === undefined
  ) {
    throw new ResourceIdError('That is not an Azure Machine Learning workspace id (…/providers/Microsoft.MachineLearningServices/workspaces/<name>).');
  }
  return { ...parsed, resourceGroup: parsed.resourceGroup, name: parsed.name };
}

/** Is `inner` equal to or below `outer` (case-insensitive, ARM ids are)? */
export function isWithinScope(inner: string, outer: string): boolean {
  const a = inner.toLowerCase().replace(/\/+$/, '');
  const b = outer.toLowerCase().replace(/\/+$/, '');
  return a === b || a.startsWith(b + '/');
}

/** Last segment of an id ('' for none). */
export function lastSegment(id: string): string {
  const parts = id.split('/').filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? '';
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
