/**
 * Fleet scan: every AML workspace in the given subscriptions (or all the identity can see), collected through
 * Azure Resource Graph plus the ARM reads ARG cannot answer (see azure/fleet-collect.ts), then the same checks as
 * a single scan, one ScanReport per workspace. In a graph-only scan (`depth: 'graph'`) the checks that need
 * per-workspace ARM reads are left out of the reports and listed in `notAssessedChecks`.
 */
import type { ArmClients } from '../azure/clients';
import { collectFleetSnapshots, NOT_READ_IN_GRAPH_SCAN, type FleetDepth } from '../azure/fleet-collect';
import { checksFor } from '../checks/registry';
import { buildReport, runChecks } from '../checks/runner';
import type { ScanReport } from '../checks/types';
import type { ScanSelection } from './scan-service';

export interface FleetScanOptions {
  readonly subscriptions?: readonly string[];
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
  const collection = await collectFleetSnapshots(clients, {
    depth,
    concurrency: options.concurrency ?? DEFAULT_FLEET_CONCURRENCY,
    timeoutMs: options.timeoutMs ?? DEFAULT_FLEET_TIMEOUT_MS,
    ...(options.subscriptions !== undefined ? { subscriptions: options.subscriptions } : {}),
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
