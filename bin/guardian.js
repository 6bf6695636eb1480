#!/usr/bin/env node
// The `guardian` command. Runs the compiled CLI (dist/) when it is up to date with the sources; otherwise the
// TypeScript sources through tsx (a devDependency), so that a fresh clone or an edited checkout never runs stale
// code. A packaged install has no src/ and runs dist/ alone.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// restify 11 pulls in spdy/http-deceiver, which reads process.binding('http_parser') (DEP0111). The warning is
// noise for CLI users; every other warning still shows.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const code = typeof rest[0] === 'object' && rest[0] !== null ? rest[0].code : rest[1];
  if (code === 'DEP0111') return;
  return emitWarning.call(process, warning, ...rest);
};

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist', 'cli', 'main.js');
const sources = path.join(root, 'src');

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first file under `dir` modified after `since` (a cheap walk: stat only, stops at the first hit). */
function newerFile(dir, since) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerFile(full, since);
      if (found !== undefined) return found;
    } else if (entry.isFile() && (mtimeOf(full) ?? 0) > since) {
      return full;
    }
  }
  return undefined;
}

/** 'dist', 'src' or, with a reason for stderr, 'src' because dist is missing or stale. */
function choose() {
  const built = mtimeOf(compiled);
  const hasSources = fs.existsSync(path.join(sources, 'cli', 'main.ts'));
  if (!hasSources) return { use: 'dist' };
  if (built === undefined) return { use: 'src' };
  const newer = newerFile(sources, built);
  if (newer === undefined) return { use: 'dist' };
  return { use: 'src', note: `guardian: ${path.relative(root, newer)} is newer than dist/ — running the sources through tsx (npm run build to refresh dist).` };
}

const choice = choose();
if (choice.use === 'dist') {
  void require(compiled).main();
} else {
  let tsx;
  try {
    tsx = require.resolve('tsx/cjs');
  } catch {
    tsx = undefined;
  }
  if (tsx === undefined) {
    if (fs.existsSync(compiled)) {
      process.stderr.write('guardian: the sources are newer than dist/ but tsx is not installed; running dist/ (npm run build to refresh it).\n');
      void require(compiled).main();
    } else {
      process.stderr.write('guardian: not built and tsx is not installed: run npm install, or npm run build.\n');
      process.exitCode = 2;
    }
  } else {
    if (choice.note !== undefined) process.stderr.write(`${choice.note}\n`);
    require(tsx);
    // tsx/cjs compiles what is required; the commands' lazy `import()`s need tsx's ESM hooks as well.
    import('tsx/esm').then(
      () => require(path.join(sources, 'cli', 'main.ts')).main(),
      (e) => {
        process.stderr.write(`guardian: could not load tsx: ${e.message}\n`);
        process.exitCode = 2;
      },
    );
  }
}
