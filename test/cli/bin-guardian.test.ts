/**
 * bin/guardian.js picks dist/ only when it is at least as new as every source file; otherwise it runs the sources
 * through tsx with a note on stderr; without src/ (a packaged install) it runs dist/ alone (review item 12).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..');

interface Layout {
  readonly dist?: boolean;
  readonly src?: boolean;
}

function project(layout: Layout): { root: string; remove(): void; touch(file: string, seconds: number): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-bin-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(path.join(REPO, 'bin', 'guardian.js'), path.join(root, 'bin', 'guardian.js'));
  // tsx is resolved from the project's node_modules, as in a checkout.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  if (layout.dist === true) {
    fs.mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'cli', 'main.js'), "exports.main = () => { process.stdout.write('ran dist\\n'); };\n");
  }
  if (layout.src === true) {
    fs.mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
    fs.mkdirSync(path.join(root, 'src', 'report'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), "export function main(): void {\n  process.stdout.write('ran src\\n');\n}\n");
    fs.writeFileSync(path.join(root, 'src', 'report', 'table.ts'), 'export const x: number = 1;\n');
  }
  const touch = (file: string, seconds: number): void => {
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
    fs.utimesSync(path.join(root, file), at, at);
  };
  return { root, touch, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

function run(root: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'guardian.js')], { encoding: 'utf8', timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('bin/guardian.js', () => {
  it('runs dist/ when no source file is newer than dist/cli/main.js', () => {
    const p = project({ dist: true, src: true });
    try {
      p.touch('src/cli/main.ts', 1);
      p.touch('src/report/table.ts', 2);
      p.touch('dist/cli/main.js', 3);
      const r = run(p.root);
      expect(r.stdout).toBe('ran dist\n');
      expect(r.stderr).toBe('');
    } finally {
      p.remove();
    }
  });

  it('runs the sources through tsx, with a one-line note, when a source file is newer', () => {
    const p = project({ dist: true, src: true });
    try {
      p.touch('src/cli/main.ts', 1);
      p.touch('dist/cli/main.js', 3);
      p.touch('src/report/table.ts', 5);
      const r = run(p.root);
      expect(r.stdout).toBe('ran src\n');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${path.join('src', 'report', 'table.ts')} is newer than dist/`);
    } finally {
      p.remove();
    }
  });

  it('runs the sources without a note when nothing is built, and dist/ alone in a packaged install', () => {
    const unbuilt = project({ src: true });
    const packaged = project({ dist: true });
    try {
      const a = run(unbuilt.root);
      expect(a.stdout).toBe('ran src\n');
      expect(a.stderr).toBe('');
      const b = run(packaged.root);
      expect(b.stdout).toBe('ran dist\n');
      expect(b.stderr).toBe('');
    } finally {
      unbuilt.remove();
      packaged.remove();
    }
  });
});
