/**
 * The example `guardian chat --help` prints is a shell line a user can paste: it runs here exactly as printed,
 * through the built CLI (a `guardian` on PATH that is bin/guardian.js), against the embedded sample.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, REPO } from '../support/entry-point';

let bin: string;

beforeAll(() => {
  ensureBuilt();
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-path-'));
  fs.writeFileSync(path.join(bin, 'guardian'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'bin', 'guardian.js')}" "$@"\n`, { mode: 0o755 });
});
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

function sh(line: string): { stdout: string; stderr: string; status: number | null } {
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, GUARDIAN_STORE: 'memory' };
  const result = spawnSync('sh', ['-c', line], { cwd: os.tmpdir(), env, encoding: 'utf8', timeout: 120_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

test('the one-line card input example of "guardian chat --help" runs as printed and saves the lab parameters', () => {
  const help = sh('guardian chat --help');
  expect(help.status).toBe(0);
  const examples = help.stdout.split('\n').filter((l) => /\|\s*guardian chat\b/.test(l) && !/echo "help"/.test(l));
  expect(examples).toHaveLength(1);
  const example = examples[0]!.trim();

  const run = sh(example);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('▸ Subscription id [subscriptionId] (text)');
  expect(run.stdout).toContain('Lab parameters saved.');
  expect(run.stdout).not.toMatch(/no field|has no fields|Please fix|no button/);
});

test('typing fields after a button that has none says to click it alone', () => {
  const run = sh(`printf '%s\\n' 'start lab' '2 namespace=mlops' | guardian chat --no-welcome`);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('(button "Set parameters" has no fields to fill: type 2 alone to click it)');
});
