/**
 * Runs @microsoft/app-manifest's offline schema validation in a child Node process. In-process it cannot load
 * under jest: the package requires strip-bom, an ES module, which plain Node 20 can require but jest's module
 * loader cannot.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const SCRIPT = `
const { AppManifestUtils } = require('@microsoft/app-manifest');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const problems = await AppManifestUtils.validateAgainstSchema(JSON.parse(input));
  process.stdout.write(JSON.stringify(problems));
});`;

export function validateInChildProcess(manifest: unknown): Promise<string[]> {
  const result = spawnSync(process.execPath, ['-e', SCRIPT], {
    cwd: path.join(__dirname, '..', '..'),
    input: JSON.stringify(manifest),
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) return Promise.reject(new Error(`manifest validation failed to run: ${result.stderr}`));
  return Promise.resolve(JSON.parse(result.stdout) as string[]);
}
