/**
 * Path handling for the sample ARM server. Paths are split from the query by hand (not `new URL`, which reads
 * `//subscriptions/…` as a host), repeated slashes are collapsed (the SDKs send `//` for a scope with a leading
 * slash), and lookups are case-insensitive as in ARM.
 */

export interface SplitUrl {
  readonly path: string;
  readonly query: ReadonlyMap<string, string>;
}

export function normalizePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  const trimmed = collapsed.length > 1 ? collapsed.replace(/\/+$/, '') : collapsed;
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The store key of a path: normalised and lower-cased. */
export function pathKey(path: string): string {
  return normalizePath(path).toLowerCase();
}

export function splitUrl(rawUrl: string): SplitUrl {
  const at = rawUrl.indexOf('?');
  const rawPath = at === -1 ? rawUrl : rawUrl.slice(0, at);
  const rawQuery = at === -1 ? '' : rawUrl.slice(at + 1);
  const query = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = safeDecode(eq === -1 ? pair : pair.slice(0, eq), true);
    const value = safeDecode(eq === -1 ? '' : pair.slice(eq + 1), true);
    query.set(name.toLowerCase(), value);
  }
  return { path: normalizePath(safeDecode(rawPath, false)), query };
}

/** The parent of a path ('' at the root). */
export function parentPath(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '' : path.slice(0, at);
}

export function lastSegmentOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Is `inner` equal to or below `outer` (both keys)? */
export function isAtOrBelow(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}

function safeDecode(text: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}
