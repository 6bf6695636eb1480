/**
 * Spawns bot processes (test/support/e2e-bot-process.ts under tsx) for multi-process tests, and makes sure
 * they die: `stop()` sends SIGTERM and then SIGKILL, `stopAll()` is for afterAll, and the runner's exit kills
 * any left. Each child also stops when its stdin closes, so a crashed runner leaves nothing behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '..', '..');
const ENTRY = 'test/support/e2e-bot-process.ts';

export interface BotProcess {
  readonly url: string;
  readonly pid: number;
  /** What the process wrote to stderr (deprecation warnings included), for failure messages. */
  readonly stderr: () => string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `entry` is the script to run (the product bot process by default). */
export async function spawnBotProcess(env: Record<string, string>, startTimeoutMs = 30_000, entry = ENTRY): Promise<BotProcess> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  void exited.then(() => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    const ready = await new Promise<{ url: string; pid: number }>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`bot process did not start within ${startTimeoutMs} ms:\n${stderr}`)), startTimeoutMs);
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        try {
          const parsed = JSON.parse(line) as { url?: unknown; pid?: unknown };
          if (typeof parsed.url === 'string' && typeof parsed.pid === 'number') {
            clearTimeout(timer);
            resolveReady({ url: parsed.url, pid: parsed.pid });
          }
        } catch {
          // not the ready line
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bot process exited (${String(code)}) before it listened:\n${stderr}`));
      });
    });
    return { ...ready, stderr: () => stderr, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
