#!/usr/bin/env node
// After `tsc`, copies the non-TypeScript files of src/ (JSON card templates, Markdown content, data files) to
// dist/ at the same relative paths, so the compiled app finds them where the sources did.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
let copied = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(from);
    else if (entry.isFile() && !entry.name.endsWith('.ts')) {
      const to = path.join(dist, path.relative(src, from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied += 1;
    }
  }
}

walk(src);
process.stdout.write(`copy-assets: ${copied} file(s) from src/ to dist/\n`);
