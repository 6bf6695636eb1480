/**
 * Starts Microsoft 365 Agents Playground (the Toolkit's Teams-like web client) against a bot endpoint, on a free
 * loopback port, headless (TEAMSAPPTESTER_BROWSER=none) and without telemetry. Same flags as scripts/playground.js.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';

export interface RunningPlayground {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPlayground(botEndpoint: string, timeoutMs = 30_000): Promise<RunningPlayground> {
  const port = await freePort();
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, '--app-endpoint', botEndpoint, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'],
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const listening = await new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    const check = (): void => {
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  if (listening === undefined) {
    await stop();
    throw new Error(`Agents Playground did not start:\n${output}`);
  }
  return { url: `http://localhost:${listening}/`, output: () => output, stop };
}
