#!/usr/bin/env node
// The `guardian` command. Runs the compiled CLI when the project is built, otherwise the TypeScript sources
// through tsx, so that a fresh clone works without a build step.
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

const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (fs.existsSync(compiled)) {
  void require(compiled).main();
} else {
  require('tsx/cjs');
  void require(path.join(__dirname, '..', 'src', 'cli', 'main.ts')).main();
}
