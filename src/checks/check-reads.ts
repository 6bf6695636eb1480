/**
 * Which snapshot reads each check needs, so that a re-check or an area scan reads only those. The table is
 * generated (scripts/generate-check-reads.ts probes every check over many diverse snapshots and records the
 * fields it touches); test/checks/check-reads.test.ts regenerates it and fails when the committed file is stale.
 * Production does no probing: it only looks the table up.
 */
import { isSnapshotField, type SnapshotField } from '../azure/snapshot-fields';
import type { CheckDefinition } from './types';
import generated from './reads.generated.json';

function parseTable(table: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, ReadonlySet<SnapshotField>> {
  const out = new Map<string, ReadonlySet<SnapshotField>>();
  for (const [id, fields] of Object.entries(table)) {
    const unknown = fields.filter((f) => !isSnapshotField(f));
    if (unknown.length > 0) throw new Error(`reads.generated.json: ${id} names unknown reads ${unknown.join(', ')}; regenerate it.`);
    out.set(id, new Set(fields.filter(isSnapshotField)));
  }
  return out;
}

const READS_BY_CHECK = parseTable(generated);

/** The reads one check needs (the workspace always), or undefined when the table does not know the check. */
export function readsOfCheck(checkId: string): ReadonlySet<SnapshotField> | undefined {
  return READS_BY_CHECK.get(checkId);
}

/**
 * The union of the checks' reads, workspace included; undefined (read everything) as soon as one check is
 * missing from the table, so that a check added without regenerating is never starved of a read.
 */
export function readsOfChecks(checks: readonly CheckDefinition[]): ReadonlySet<SnapshotField> | undefined {
  const union = new Set<SnapshotField>(['workspace']);
  for (const check of checks) {
    const reads = READS_BY_CHECK.get(check.id);
    if (reads === undefined) return undefined;
    for (const f of reads) union.add(f);
  }
  return union;
}
