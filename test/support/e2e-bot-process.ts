/**
 * A bot process for the multi-process end-to-end test: the real server with the product's features and its own
 * embedded sample environment, on loopback, without the notification timer (the test triggers passes over
 * HTTP) unless E2E_TIMERS=1 (then the timer and the change sources run as in production). Configuration comes
 * from the environment the test gives it (GUARDIAN_STORE, GUARDIAN_STATE_DIR, GUARDIAN_ADMIN_TOKEN, …). It prints one JSON line {"url": …} when it listens, and stops on SIGTERM or when its
 * stdin closes (so it never outlives a test runner that died).
 *
 * Run: node -r tsx/cjs test/support/e2e-bot-process.ts
 */
import { startServer } from '../../src/index';
import { silentLogger } from '../../src/logging';
import { loadConfig } from '../../src/config';

async function main(): Promise<void> {
  const server = await startServer({ config: loadConfig(process.env, '9.9.9-test'), logger: silentLogger(), host: '127.0.0.1', port: 0, notificationTimer: process.env.E2E_TIMERS === '1' });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bot process failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
