#!/usr/bin/env node
// Before `tsc`: empties dist/. tsc never deletes what it built earlier, and a module that became a folder
// (dialogs/workshop.ts → dialogs/workshop/index.ts) would otherwise leave its old .js behind, which Node resolves
// first — `npm start` after a pull would then run yesterday's code.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

fs.rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
