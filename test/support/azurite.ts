/**
 * Starts Azurite's blob service on loopback for a test suite, on a port the OS picks (`--blobPort 0`; the
 * port is read from Azurite's "listens on" line), in memory, with telemetry off. Use the returned
 * connection string and call stop() in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The account Azurite serves (AZURITE_ACCOUNTS): its key is made for each test process and never written down,
 * so the repository holds nothing shaped like a storage account key for secret scanners to flag.
 */
const DEV_ACCOUNT = 'guardiantest';
const DEV_KEY = randomBytes(64).toString('base64');
const AZURITE_ENV = { ...process.env, AZURITE_ACCOUNTS: `${DEV_ACCOUNT}:${DEV_KEY}` };

export interface AzuriteHandle {
  readonly port: number;
  readonly blobEndpoint: string;
  readonly connectionString: string;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<AzuriteHandle> {
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'azurite-blob');
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const child = spawn(
    bin,
    ['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--extentMemoryLimit', '64', '--silent', '--disableTelemetry', '--skipApiVersionCheck'],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: AZURITE_ENV },
  );
  const port = await waitForPort(child);
  const blobEndpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  return {
    port,
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=${blobEndpoint};`,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}

export interface AzuriteQueueHandle {
  readonly port: number;
  /** `http://127.0.0.1:<port>/<account>` */
  readonly queueEndpoint: string;
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Azurite's queue service, the same way: loopback, `--queuePort 0`, in memory, telemetry off. */
export async function startAzuriteQueue(): Promise<AzuriteQueueHandle> {
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'azurite-queue');
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-queue-'));
  const child = spawn(bin, ['--queueHost', '127.0.0.1', '--queuePort', '0', '--inMemoryPersistence', '--silent', '--disableTelemetry', '--skipApiVersionCheck'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: AZURITE_ENV });
  const port = await waitForPort(child);
  const queueEndpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  return {
    port,
    queueEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};QueueEndpoint=${queueEndpoint};`,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /successfully listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Azurite exited with code ${String(code)}:\n${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
