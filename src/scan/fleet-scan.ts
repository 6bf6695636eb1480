/**
 * Fleet scan: every AML workspace in the given subscriptions (or all the identity can see), inside the allowed
 * scopes (decided before any read: Resource Graph is asked only about them), collected through
 * Azure Resource Graph plus the ARM reads ARG cannot answer (see azure/fleet-collect.ts), then the same checks as
 * a single scan, one ScanReport per workspace. In a graph-only scan (`depth: 'graph'`) the checks that need
 * per-workspace ARM reads are left out of the reports and listed in `notAssessedChecks`.
 */
import type { ArmClients } from '../azure/clients';
import { describeCredentialError, isCredentialError } from '../azure/credentials';
import { collectFleetSnapshots, FleetCollectError, NOT_READ_IN_GRAPH_SCAN, type FleetDepth } from '../azure/fleet-collect';
import { graphScope, type GraphScope } from '../azure/graph-scope';
import { isWithinScope } from '../shared/resource-id';
import { checksFor } from '../checks/registry';
import { buildReport, runChecks } from '../checks/runner';
import type { ScanReport } from '../checks/types';
import { ScanError, type ScanSelection } from './scan-service';

export interface FleetScanOptions {
  /** Subscription ids asked for (default: every subscription in the allowed scopes, or that the identity can see). */
  readonly subscriptions?: readonly string[];
  /** When set, nothing outside these scopes is read (GUARDIAN_ALLOWED_SCOPES). */
  readonly allowedScopes?: readonly string[];
  readonly depth?: FleetDepth;
  /** Requests in flight across the whole fleet (default 16). */
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  readonly selection?: ScanSelection;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

export interface FleetScanResult {
  readonly reports: readonly ScanReport[];
  readonly depth: FleetDepth;
  /** Check ids left out of a graph-only scan because their reads are ARM-only. */
  readonly notAssessedChecks: readonly string[];
  readonly graphPages: number;
  readonly armReads: number;
  readonly wallMs: number;
}

export const DEFAULT_FLEET_CONCURRENCY = 16;
export const DEFAULT_FLEET_TIMEOUT_MS = 10 * 60_000;

export async function scanFleet(clients: ArmClients, options: FleetScanOptions = {}): Promise<FleetScanResult> {
  const started = performance.now();
  const now = options.now ?? ((): Date => new Date());
  const depth = options.depth ?? 'full';
  const scope = fleetScope(options.subscriptions, options.allowedScopes);
  const collection = await collectFleetSnapshots(clients, {
    depth,
    concurrency: options.concurrency ?? DEFAULT_FLEET_CONCURRENCY,
    timeoutMs: options.timeoutMs ?? DEFAULT_FLEET_TIMEOUT_MS,
    ...(scope !== undefined ? { scope } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    now,
  });
  const checks = checksFor(options.selection ?? { kind: 'all' });
  const notAssessed = new Set<string>();
  const reports = collection.snapshots.map((snapshot) => {
    const findings = runChecks(snapshot, checks).filter((f) => {
      const skipped = f.status === 'error' && f.message.includes(NOT_READ_IN_GRAPH_SCAN);
      if (skipped) notAssessed.add(f.checkId);
      return !skipped;
    });
    return buildReport(snapshot, findings, now());
  });
  reports.sort((a, b) => a.workspace.id.localeCompare(b.workspace.id));
  return {
    reports,
    depth,
    notAssessedChecks: [...notAssessed].sort(),
    graphPages: collection.graphPages,
    armReads: collection.armReads,
    wallMs: performance.now() - started,
  };
}

/**
 * Where the fleet scan may look: the requested subscriptions, narrowed to the allowed scopes. A requested
 * subscription that no allowed scope lies in is refused before anything is read.
 */
export function fleetScope(subscriptions: readonly string[] | undefined, allowedScopes: readonly string[] | undefined): GraphScope | undefined {
  const requested = subscriptions?.map((s) => `/subscriptions/${s.toLowerCase()}`);
  if (allowedScopes === undefined) return graphScope(requested);
  if (requested === undefined) return graphScope(allowedScopes);
  const outside = requested.filter((sub) => !allowedScopes.some((scope) => isWithinScope(scope, sub)));
  if (outside.length > 0) {
    const ids = outside.map((sub) => sub.slice('/subscriptions/'.length)).join(', ');
    const what = outside.length === 1 ? `The subscription ${ids} is` : `The subscriptions ${ids} are`;
    throw new ScanError('forbidden', `${what} outside the scopes this identity may scan (GUARDIAN_ALLOWED_SCOPES); scan only subscriptions listed there.`);
  }
  return graphScope(allowedScopes.filter((scope) => requested.some((sub) => isWithinScope(scope, sub))));
}

/** The one sentence for a fleet scan that could not run (refused, not signed in, fleet not listable); undefined for anything unexpected. */
export function fleetFailureMessage(error: unknown): string | undefined {
  if (error instanceof ScanError) return error.message;
  if (error instanceof FleetCollectError) {
    const { kind, requiredAction } = error.readError;
    return kind === 'forbidden' && requiredAction !== undefined ? `${error.message} It needs ${requiredAction}.` : error.message;
  }
  return isCredentialError(error) ? describeCredentialError(error) : undefined;
}
