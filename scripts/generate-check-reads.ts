/**
 * Regenerates src/checks/reads.generated.json (which snapshot reads each check needs) by probing every check
 * over the diverse snapshots of test/support/check-reads-probe.ts. Run after adding or changing a check:
 *   npx tsx scripts/generate-check-reads.ts
 * test/checks/check-reads.test.ts fails until the committed file matches.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChecks } from '../src/checks/registry';
import { deriveCheckReads, probingSnapshots, renderCheckReads } from '../test/support/check-reads-probe';

async function main(): Promise<void> {
  const reads = deriveCheckReads(allChecks, await probingSnapshots());
  const target = join(__dirname, '..', 'src', 'checks', 'reads.generated.json');
  writeFileSync(target, renderCheckReads(reads));
  process.stdout.write(`wrote ${Object.keys(reads).length} checks' reads to ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
