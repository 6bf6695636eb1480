#!/usr/bin/env node
// `npm run playground`: the bot in local mode (no token check, in-memory state) plus Microsoft 365 Agents
// Playground, the Toolkit's Teams-like web client, pointed at it. Everything stays on this machine: the
// Playground's mock Bot Connector is on localhost, its telemetry is off, and it opens no browser by itself
// (TEAMSAPPTESTER_BROWSER=none); open the printed URL yourself.
//
// Options (environment): PORT (bot, default 3978), PLAYGROUND_PORT (default 56150), GUARDIAN_STORE (default memory).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const botPort = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
const children = [];

function start(command, args, env, name) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => process.stdout.write(`[${name}] ${d}`));
  child.stderr.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  child.on('exit', (code, signal) => {
    process.stderr.write(`[${name}] exited (${signal || code})\n`);
    stopAll(code || 0);
  });
  children.push(child);
  return child;
}

async function waitForHealth(url, attempts = 120) {
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the bot did not answer ${url}`);
}

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function main() {
  const compiled = path.join(root, 'dist', 'index.js');
  const botArgs = fs.existsSync(compiled) ? [compiled] : [require.resolve('tsx/cli'), path.join(root, 'src', 'index.ts')];
  start(process.execPath, botArgs, {
    PORT: String(botPort),
    // Local mode: the Playground sends no Bot Framework token.
    BOT_ID: '',
    BOT_PASSWORD: '',
    GUARDIAN_STORE: process.env.GUARDIAN_STORE || 'memory',
  }, 'bot');
  await waitForHealth(`http://127.0.0.1:${botPort}/healthz`);

  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  start(process.execPath, [
    cli,
    '--app-endpoint', `http://127.0.0.1:${botPort}/api/messages`,
    '--channel-id', 'msteams',
    '--port', String(playgroundPort),
    '--disable-telemetry',
  ], { TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER || 'none' }, 'playground');
  process.stdout.write(`\nAgents Playground: open http://localhost:${playgroundPort}/ in a browser (Ctrl-C stops both).\n\n`);
}

main().catch((e) => {
  process.stderr.write(`playground: ${e.message}\n`);
  stopAll(1);
});
