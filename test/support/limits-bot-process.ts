/**
 * A bot process for the request-limit tests: the product server (features, notification route) without the
 * sample environment, on loopback, with the HTTP limits given as JSON in GUARDIAN_TEST_HTTP_LIMITS. Prints one
 * JSON line {"url", "pid"} when it listens; stops on SIGTERM or when its stdin closes.
 *
 * Run: node -r tsx/cjs test/support/limits-bot-process.ts
 */
import { startServer } from '../../src/index';
import { silentLogger } from '../../src/logging';
import { loadConfig } from '../../src/config';
import type { HttpLimits } from '../../src/server';

async function main(): Promise<void> {
  const httpLimits = JSON.parse(process.env.GUARDIAN_TEST_HTTP_LIMITS ?? '{}') as Partial<HttpLimits>;
  const server = await startServer({ config: loadConfig(process.env, '9.9.9-test'), logger: silentLogger(), host: '127.0.0.1', port: 0, notificationTimer: false, sample: false, httpLimits });
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.stdin.once('close', stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bot process failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
