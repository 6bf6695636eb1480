/**
 * The critical path of a single-workspace scan, from the collector's dependency structure (src/azure/collect.ts)
 * and the pages each list took in the request log:
 *
 *   workspace ──┬─> every read that needs its properties or only its id (linked resources, their role
 *               │   assignments and diagnostics, children, Defender, policy, RBAC) — one chain per list, page by page
 *               └─> online endpoints ──> each endpoint's deployments / diagnostic settings
 *
 * A list of k pages is k dependent requests (each page's link comes from the one before).
 * Every logged request must fall into this model; anything else is reported as unmodelled.
 */
import type { LoggedRequest } from '../src/sample';

export interface CriticalPath {
  /** Dependent requests on the longest chain. */
  readonly steps: number;
  /** The chain, in words. */
  readonly chain: readonly string[];
  readonly unmodelled: readonly string[];
}

export function criticalPathOf(requests: readonly LoggedRequest[], workspaceId: string): CriticalPath {
  const ws = workspaceId.toLowerCase();
  const pages = new Map<string, number>();
  for (const r of requests) {
    const key = `${r.method} ${r.path.toLowerCase()}`;
    pages.set(key, (pages.get(key) ?? 0) + 1);
  }
  const workspaceKey = `GET ${ws}`;
  const endpointsKey = `GET ${ws}/onlineendpoints`;
  const unmodelled: string[] = [];
  if (!pages.has(workspaceKey)) unmodelled.push('the workspace read is missing');
  let best: { steps: number; chain: string[] } = { steps: 1, chain: ['workspace'] };
  for (const [key, count] of pages) {
    if (key === workspaceKey) continue;
    const path = key.slice(key.indexOf(' ') + 1);
    const belowEndpoint = path.startsWith(`${ws}/onlineendpoints/`);
    const chain = belowEndpoint
      ? ['workspace', `online endpoints (${pages.get(endpointsKey) ?? 0} page(s))`, `${shortName(path)} (${count} page(s))`]
      : ['workspace', `${shortName(path)} (${count} page(s))`];
    const steps = 1 + (belowEndpoint ? (pages.get(endpointsKey) ?? 0) : 0) + count;
    if (!path.startsWith('/subscriptions/')) unmodelled.push(key);
    if (steps > best.steps) best = { steps, chain };
  }
  return { steps: best.steps, chain: best.chain, unmodelled };
}

function shortName(path: string): string {
  const parts = path.split('/');
  const providers = path.lastIndexOf('/providers/');
  return providers > 0 ? `${parts.slice(-1)[0] ?? path} of …/${path.slice(0, providers).split('/').slice(-1)[0] ?? ''}` : (parts.slice(-2).join('/') ?? path);
}
