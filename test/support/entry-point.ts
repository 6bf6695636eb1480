/**
 * Runs the BUILT package as a user does — `node bin/guardian.js …`, `node dist/index.js` — in a child process
 * configured only by environment variables, against loopback stand-ins for everything Azure:
 *
 * - ARM: test/support/arm-stand-in.ts (AZURE_ARM_ENDPOINT, trusted through NODE_EXTRA_CA_CERTS);
 * - the Azure CLI: an `az` script first on PATH, which DefaultAzureCredential's AzureCliCredential runs
 *   (`az account get-access-token --output json --resource …`);
 * - the managed-identity endpoint: AZURE_POD_IDENTITY_AUTHORITY_HOST points ManagedIdentityCredential (the
 *   credential DefaultAzureCredential tries before the CLI) at a loopback server that answers as IMDS does for a
 *   machine without an identity, so the chain moves on and nothing is sent to 169.254.169.254;
 * - everything else: HTTP(S)_PROXY points at a loopback server that records any request that is not for
 *   loopback (NO_PROXY), so a test can prove that nothing tried to leave the machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';
import { startArmStandIn, type ArmStandIn } from './arm-stand-in';

export const REPO = path.join(__dirname, '..', '..');
export const TEST_TOKEN = 'stand-in-cli-token';
export const TEST_TENANT = '00000000-1111-2222-3333-444444444444';

/** Builds dist/ (npm run build) unless it is newer than every source file; one build at a time across workers. */
export function ensureBuilt(): void {
  const lock = path.join(os.tmpdir(), `guardian-build-${Buffer.from(REPO).toString('hex').slice(-24)}.lock`);
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`another build holds ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!isStale()) return;
    const result = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    fs.rmdirSync(lock);
  }
}

function isStale(): boolean {
  const built = mtime(path.join(REPO, 'dist', 'cli', 'main.js'));
  if (built === undefined) return true;
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? newer(path.join(dir, e.name)) : (mtime(path.join(dir, e.name)) ?? 0) > built));
  return newer(path.join(REPO, 'src')) || hasOrphan(path.join(REPO, 'dist'));
}

/** A compiled module whose source is gone (renamed, or moved into a folder): only a clean build removes it. */
function hasOrphan(dir: string): boolean {
  return fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return hasOrphan(file);
    if (!e.name.endsWith('.js')) return false;
    const source = path.join(REPO, 'src', path.relative(path.join(REPO, 'dist'), file)).replace(/\.js$/, '.ts');
    return !fs.existsSync(source) && !fs.existsSync(source.replace(/\.ts$/, '.js'));
  });
}

function mtime(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

export interface RecordingServer {
  readonly url: string;
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/** An HTTP server on loopback that records each request line and answers with `answer`. */
async function recordingServer(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<RecordingServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    answer(req, res);
  });
  // A proxy sees CONNECT for https targets: record and refuse.
  server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Surroundings {
  /** The IMDS stand-in: what ManagedIdentityCredential asked. */
  readonly imds: RecordingServer;
  /** The proxy every non-loopback request would go through. */
  readonly proxy: RecordingServer;
  /** Lines the `az` stand-in was run with. */
  azCalls(): string[];
  /** The environment of a child process: these stand-ins, the ARM stand-in and `extra`, nothing inherited but PATH's node. */
  env(arm: ArmStandIn, extra?: Readonly<Record<string, string>>): Record<string, string>;
  close(): Promise<void>;
}

export async function startSurroundings(): Promise<Surroundings> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-entry-'));
  const bin = path.join(dir, 'bin');
  const home = path.join(dir, 'home');
  fs.mkdirSync(bin);
  fs.mkdirSync(home);
  const azLog = path.join(dir, 'az-calls.log');
  // The Azure CLI's answer to `az account get-access-token --output json` (accessToken, expiresOn, expires_on,
  // subscription, tenant, tokenType).
  fs.writeFileSync(
    path.join(bin, 'az'),
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(azLog)}, args.join(' ') + '\\n');
if (args[0] !== 'account' || args[1] !== 'get-access-token') { process.stderr.write('az stand-in: only "account get-access-token"\\n'); process.exit(2); }
const expires = new Date(Date.now() + 3600 * 1000);
const pad = (n) => String(n).padStart(2, '0');
const local = expires.getFullYear() + '-' + pad(expires.getMonth() + 1) + '-' + pad(expires.getDate()) + ' ' + pad(expires.getHours()) + ':' + pad(expires.getMinutes()) + ':' + pad(expires.getSeconds()) + '.000000';
process.stdout.write(JSON.stringify({ accessToken: ${JSON.stringify(TEST_TOKEN)}, expiresOn: local, expires_on: Math.floor(expires.getTime() / 1000), subscription: ${JSON.stringify(TEST_TENANT)}, tenant: ${JSON.stringify(TEST_TENANT)}, tokenType: 'Bearer' }, null, 2) + '\\n');
`,
    { mode: 0o755 },
  );
  // IMDS without an identity answers 400 "Identity not found"; the credential then reports itself unavailable.
  const imds = await recordingServer((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_request', error_description: 'Identity not found' }));
  });
  const proxy = await recordingServer((_req, res) => {
    res.writeHead(403);
    res.end();
  });
  return {
    imds,
    proxy,
    azCalls: () => (fs.existsSync(azLog) ? fs.readFileSync(azLog, 'utf8').trim().split('\n').filter((l) => l !== '') : []),
    env: (arm, extra = {}) => ({
      PATH: [bin, path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter),
      HOME: home,
      AZURE_ARM_ENDPOINT: arm.endpoint,
      NODE_EXTRA_CA_CERTS: arm.caFile,
      AZURE_POD_IDENTITY_AUTHORITY_HOST: imds.url,
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
      GUARDIAN_STORE: 'memory',
      GUARDIAN_STATE_DIR: path.join(dir, 'state'),
      ...extra,
    }),
    close: async () => {
      await Promise.all([imds.close(), proxy.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <script> <args>` from the repository and waits for it (asynchronously: the stand-ins live in this process). */
export function runNode(script: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, script), ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a long-running `node <script>` (the bot server) and hands back the process and its output so far. */
export function startNode(script: string, env: Record<string, string>): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(REPO, script)], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** A stack trace line ("    at fn (file:1:2)") anywhere in the text. */
export const STACK_TRACE = /^\s+at .+[:(]\d+/m;

export interface BuiltPackageWorld {
  readonly arm: ArmStandIn;
  readonly around: Surroundings;
}

/**
 * The jest hooks of an entry-point test file: build the package once (if stale), start the ARM stand-in and the
 * surroundings, close them at the end. Read the fields inside tests (they are set by beforeAll).
 */
export function useBuiltPackage(): BuiltPackageWorld {
  let arm: ArmStandIn | undefined;
  let around: Surroundings | undefined;
  beforeAll(async () => {
    ensureBuilt();
    arm = await startArmStandIn();
    around = await startSurroundings();
  }, 240_000);
  afterAll(async () => {
    await around?.close();
    await arm?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the stand-ins are not started yet (use them inside a test)');
    return value;
  };
  return {
    get arm() {
      return ready(arm);
    },
    get around() {
      return ready(around);
    },
  };
}
