/**
 * The sample ARM server's data: a flat map of resource path → JSON body, and ARM's listing rules over it.
 *
 * Kept generic (no knowledge of workspaces) so that a fleet of N subscriptions × M workspaces can be generated
 * into the same store later. A collection is listed from the items below it:
 * - nested collections (`{ws}/computes`) list their direct children;
 * - provider collections (`{scope}/providers/{ns}/{type}`) list items of that type at, below or (for role and
 *   policy assignments, which are inherited) above the scope, as ARM does.
 */
import { cloneJson, deepMerge, isJsonObject, type JsonObject } from './json';
import { isAtOrBelow, lastSegmentOf, normalizePath, parentPath, pathKey } from './paths';

type ListMode = 'exact' | 'inherit' | 'descend';

/** Provider-level collection types the server answers (lower-case), and how each is listed. */
const PROVIDER_COLLECTIONS: ReadonlyMap<string, ListMode> = new Map<string, ListMode>([
  ['roleassignments', 'inherit'],
  ['policyassignments', 'inherit'],
  ['roledefinitions', 'exact'],
  ['diagnosticsettings', 'exact'],
  ['pricings', 'exact'],
  ['securityconnectors', 'descend'],
  ['assessments', 'descend'],
  ['policystates', 'descend'],
  ['workspaces', 'descend'],
  ['registries', 'descend'],
  ['storageaccounts', 'descend'],
  ['vaults', 'descend'],
  ['components', 'descend'],
]);

/** Collections below a resource (`{ws}/computes`): their items are direct children. */
const NESTED_COLLECTIONS: ReadonlySet<string> = new Set([
  'computes',
  'onlineendpoints',
  'deployments',
  'datastores',
  'connections',
  'outboundrules',
  'keys',
  'blobservices',
  'resourcegroups',
]);

const PROVIDERS = '/providers/';

export class ResourceStore {
  private readonly items = new Map<string, JsonObject>();

  /** Stores (or replaces) the resource at `path`. The body is copied. */
  set(path: string, body: JsonObject): void {
    this.items.set(pathKey(path), cloneJson(body));
  }

  get(path: string): JsonObject | undefined {
    const item = this.items.get(pathKey(path));
    return item === undefined ? undefined : cloneJson(item);
  }

  has(path: string): boolean {
    return this.items.has(pathKey(path));
  }

  /** Merges `partialProperties` into the resource's `properties` (deeply). Throws if there is no such resource. */
  patch(path: string, partialProperties: JsonObject): void {
    const key = pathKey(path);
    const current = this.items.get(key);
    if (current === undefined) throw new Error(`No sample resource at ${normalizePath(path)}`);
    const properties = isJsonObject(current.properties) ? current.properties : {};
    this.items.set(key, { ...current, properties: deepMerge(properties, cloneJson(partialProperties)) });
  }

  /** Deletes the resource and everything below it (its keys, diagnostic settings, children). */
  delete(path: string): boolean {
    const key = pathKey(path);
    let deleted = false;
    for (const existing of [...this.items.keys()]) {
      if (isAtOrBelow(existing, key)) {
        this.items.delete(existing);
        deleted = true;
      }
    }
    return deleted;
  }

  /** Every stored resource, in insertion order. */
  entries(): readonly (readonly [string, JsonObject])[] {
    return [...this.items.entries()].map(([key, body]) => [key, cloneJson(body)] as const);
  }

  /** The items of the collection at `path`, or undefined when `path` is not a collection the server knows. */
  list(path: string): JsonObject[] | undefined {
    const key = pathKey(path);
    const provider = splitProviderCollection(key);
    if (provider !== undefined) {
      const mode = PROVIDER_COLLECTIONS.get(provider.type);
      if (mode === undefined) return undefined;
      if (provider.scope !== '' && !this.items.has(provider.scope)) return undefined;
      return this.collect((itemParent) => {
        if (!itemParent.endsWith(provider.suffix)) return false;
        const itemScope = itemParent.slice(0, itemParent.length - provider.suffix.length);
        switch (mode) {
          case 'exact':
            return itemScope === provider.scope;
          case 'inherit':
            return provider.scope === itemScope || isAtOrBelow(provider.scope, itemScope) || itemScope === '';
          case 'descend':
            return provider.scope === '' || isAtOrBelow(itemScope, provider.scope);
        }
      });
    }
    if (!NESTED_COLLECTIONS.has(lastSegmentOf(key))) return undefined;
    const parent = parentPath(key);
    if (!this.items.has(parent)) return undefined;
    return this.collect((itemParent) => itemParent === key);
  }

  private collect(matches: (itemParent: string) => boolean): JsonObject[] {
    const out: JsonObject[] = [];
    for (const [key, body] of this.items) if (matches(parentPath(key))) out.push(cloneJson(body));
    return out;
  }
}

/** `{scope}/providers/{ns}/{type}` → its parts (keys, lower-case); undefined for any other shape. */
function splitProviderCollection(key: string): { scope: string; type: string; suffix: string } | undefined {
  const at = key.lastIndexOf(PROVIDERS);
  if (at === -1) return undefined;
  const rest = key.slice(at + PROVIDERS.length).split('/');
  if (rest.length !== 2) return undefined;
  const [namespace, type] = rest as [string, string];
  return { scope: key.slice(0, at), type, suffix: `${PROVIDERS}${namespace}/${type}` };
}
