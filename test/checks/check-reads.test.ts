/**
 * The generated table of each check's reads (src/checks/reads.generated.json) is current, complete and safe:
 * evaluating a check with only its recorded reads (the others skipped) gives exactly the results of a full
 * snapshot, over the fixtures, both sample workspaces collected for real, and random snapshots never used to
 * derive the table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import fc from 'fast-check';
import { fieldOf, keepOnlyReads, recordReads, SNAPSHOT_FIELDS, skippedRead, type SnapshotField } from '../../src/azure/snapshot-fields';
import type { Collected, WorkspaceSnapshot } from '../../src/azure/snapshot';
import { readsOfCheck, readsOfChecks } from '../../src/checks/check-reads';
import { allChecks } from '../../src/checks/registry';
import { runChecks } from '../../src/checks/runner';
import type { CheckDefinition } from '../../src/checks/types';
import { builderSnapshots, deriveCheckReads, renderCheckReads, sampleSnapshots, variantsOf, type NamedSnapshot } from '../support/check-reads-probe';
import { failedRead, withRead } from '../support/snapshot-builder';

const ROOT = join(__dirname, '..', '..');
const TABLE_PATH = join(ROOT, 'src', 'checks', 'reads.generated.json');

let samples: NamedSnapshot[];
let probing: NamedSnapshot[];

beforeAll(async () => {
  samples = await sampleSnapshots();
  probing = [...builderSnapshots(), ...samples].flatMap(variantsOf);
}, 60_000);

const readsOf = (check: CheckDefinition): ReadonlySet<SnapshotField> => {
  const reads = readsOfCheck(check.id);
  if (reads === undefined) throw new Error(`${check.id} is missing from reads.generated.json`);
  return reads;
};

/** The check's findings on the full snapshot and on the snapshot reduced to its reads, side by side. */
function compare(check: CheckDefinition, snapshot: WorkspaceSnapshot): { full: unknown; reduced: unknown } {
  return { full: runChecks(snapshot, [check]), reduced: runChecks(keepOnlyReads(snapshot, readsOf(check)), [check]) };
}

describe('reads.generated.json', () => {
  test('is what probing the checks gives today (regenerate: npx tsx scripts/generate-check-reads.ts)', () => {
    expect(readFileSync(TABLE_PATH, 'utf8')).toBe(renderCheckReads(deriveCheckReads(allChecks, probing)));
  });

  test('knows every check, and always the workspace read', () => {
    for (const check of allChecks) expect(readsOf(check).has('workspace')).toBe(true);
    expect(readsOfChecks(allChecks)).toBeDefined();
  });

  test('a check missing from the table makes the scan read everything', () => {
    const stranger = { ...allChecks[0], id: 'AML-NEW-999' } as CheckDefinition;
    expect(readsOfChecks([allChecks[0] as CheckDefinition, stranger])).toBeUndefined();
  });

  test('names every snapshot field a check (or a helper it imports) mentions in its source', () => {
    const mentioned = (file: string, seen: Set<string>): Set<string> => {
      if (seen.has(file)) return new Set();
      seen.add(file);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return new Set();
      }
      const out = new Set<string>();
      for (const m of text.matchAll(/\bsnapshot\.(\w+)(?:\.(\w+))?/g)) {
        const [, top = '', sub] = m;
        if (top === 'workspaceId' || top === 'collectedAt') continue;
        out.add(top === 'diagnostics' || top === 'roleAssignments' ? `${top}.${sub ?? '*'}` : top);
      }
      for (const m of text.matchAll(/from '(\.[^']+)'/g)) for (const f of mentioned(normalize(join(dirname(file), `${m[1] ?? ''}.ts`)), seen)) out.add(f);
      return out;
    };
    const missing: string[] = [];
    const files = allChecks.map((c) => ({ check: c, file: findCheckFile(c.id) }));
    for (const { check, file } of files) {
      const reads = readsOf(check);
      for (const f of mentioned(file, new Set())) if (!reads.has(f as SnapshotField)) missing.push(`${check.id}: ${f}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('a check with only its recorded reads gives the same results as with all of them', () => {
  test.each(allChecks.map((c) => [c.id, c] as const))('%s on the fixtures and both sample workspaces (seeded and mutated)', (_id, check) => {
    const bases = [...builderSnapshots(), ...samples];
    expect(bases.map((b) => b.name)).toEqual(expect.arrayContaining(['hardened fixture', 'all reads failed fixture', 'sample lab-default', 'sample hardened']));
    for (const { name, snapshot } of bases) {
      const { full, reduced } = compare(check, snapshot);
      expect({ name, findings: reduced }).toEqual({ name, findings: full });
    }
  });

  test('every check, over every probing variant', () => {
    const differing: string[] = [];
    for (const { name, snapshot } of probing) {
      for (const check of allChecks) {
        const { full, reduced } = compare(check, snapshot);
        if (JSON.stringify(full) !== JSON.stringify(reduced)) differing.push(`${check.id} on ${name}`);
      }
    }
    expect(differing).toEqual([]);
  });

  test('every check, over random snapshots never used to derive the table (reads kept, failed, emptied)', () => {
    const bases = [...builderSnapshots(), ...samples.slice(0, 2)];
    const fieldChange = fc.constantFrom('keep', 'fail', 'empty', 'skip');
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(fieldChange, { minLength: SNAPSHOT_FIELDS.length, maxLength: SNAPSHOT_FIELDS.length }), (baseIndex, changes) => {
        const base = bases[baseIndex]?.snapshot;
        if (base === undefined) return;
        let snapshot = base;
        SNAPSHOT_FIELDS.forEach((field, i) => {
          if (field === 'workspace') return;
          const change = changes[i];
          if (change === 'fail') snapshot = withRead(snapshot, field, failedRead('server'));
          if (change === 'skip') snapshot = withRead(snapshot, field, skippedRead(field, snapshot.workspaceId));
          if (change === 'empty') snapshot = withRead(snapshot, field, emptyOf(fieldOf(snapshot, field)));
        });
        for (const check of allChecks) {
          const { view, touched } = recordReads(snapshot);
          runChecks(view, [check]);
          const outside = [...touched].filter((f) => !readsOf(check).has(f));
          expect({ check: check.id, outside }).toEqual({ check: check.id, outside: [] });
          const { full, reduced } = compare(check, snapshot);
          expect(reduced).toEqual(full);
        }
      }),
      { numRuns: 150, seed: 20260115 },
    );
  });
});

function findCheckFile(id: string): string {
  const [, area = '', num = ''] = /^AML-([A-Z]+)-(\d+)$/.exec(id) ?? [];
  const folders = ['network-security', 'identity-management', 'privileged-access', 'data-protection', 'asset-management', 'logging-threat-detection', 'posture-vulnerability', 'backup-recovery'];
  for (const folder of folders) {
    const dir = join(ROOT, 'src', 'checks', folder);
    const hit = readdirSync(dir).find((f) => f.startsWith(`aml-${area.toLowerCase()}-${num}-`));
    if (hit !== undefined) return join(dir, hit);
  }
  throw new Error(`no source file for ${id}`);
}

/** An ok read with nothing in it: an empty list, no linked resource, no per-endpoint settings. */
function emptyOf(read: Collected<unknown>): Collected<unknown> {
  if (!read.ok) return read;
  if (Array.isArray(read.value)) return { ok: true, value: [] };
  if (read.value !== null && typeof read.value === 'object' && !('id' in read.value)) return { ok: true, value: {} };
  return { ok: true, value: null };
}
