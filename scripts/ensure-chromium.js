#!/usr/bin/env node
// Card and Playground render tests drive Debian's Chromium through playwright-core (which downloads no browser).
// On a fresh machine, install it from Debian's packages when we may (root + apt-get); otherwise say what to do.
'use strict';
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');

const CHROMIUM = process.env.GUARDIAN_CHROMIUM || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  process.stderr.write('Chromium is missing: installing Debian\'s chromium package for the render tests…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (existsSync(CHROMIUM)) process.exit(0);
}
process.stderr.write(
  `Chromium was not found at ${CHROMIUM}. The card render tests need it:\n` +
    '  sudo apt-get update && sudo apt-get install -y chromium\n' +
    'or set GUARDIAN_CHROMIUM to a Chromium binary.\n',
);
process.exit(1);
