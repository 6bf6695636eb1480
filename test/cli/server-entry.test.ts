/**
 * `node dist/index.js` — what `npm start` runs — configured only by environment variables: a registered bot
 * (BOT_ID) with allowed scopes boots with the Azure composition pointed at the configured ARM endpoint, answers
 * its health probe, keeps the Bot Framework token check on, reads nothing and contacts nothing at start-up, and
 * stops cleanly on SIGTERM. A local-mode server refuses allowed scopes outright.
 */
import { EXAMPLE_SUBSCRIPTION } from '../support/arm-stand-in';
import { runNode, startNode, useBuiltPackage } from '../support/entry-point';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const SCOPE = `/subscriptions/${EXAMPLE_SUBSCRIPTION}`;

const world = useBuiltPackage();

interface LogLine {
  readonly msg?: string;
  readonly url?: string;
  readonly armEndpoint?: string;
  readonly allowedScopes?: number;
}

/** The server's JSON log lines (the logger writes to stderr; stdout is left to the process). */
function logLines(output: { stdout: string; stderr: string }): LogLine[] {
  return `${output.stdout}\n${output.stderr}`
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

async function waitFor<T>(probe: () => T | undefined, what: string, exited: Promise<unknown>): Promise<T> {
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 300; i += 1) {
    const value = probe();
    if (value !== undefined) return value;
    if (done) throw new Error(`the server exited before ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('node dist/index.js', () => {
  it('as a registered bot, boots with the Azure composition, reads nothing at start-up and stops on SIGTERM', async () => {
    const env = world.around.env(world.arm, { BOT_ID, BOT_PASSWORD: 'stand-in-secret', BOT_TENANT_ID: '00000000-1111-2222-3333-444444444444', GUARDIAN_ALLOWED_SCOPES: SCOPE, PORT: '0', GUARDIAN_LISTEN_HOST: '127.0.0.1' });
    const server = startNode('dist/index.js', env);
    try {
      const listening = await waitFor(() => logLines(server.output()).find((l) => l.msg === 'Baseline Guardian is listening'), 'it listens', server.exited);
      const base = (listening.url ?? '').replace(/\/api\/messages$/, '');
      const composed = logLines(server.output()).find((l) => l.msg === 'Azure access composed');
      expect(composed).toMatchObject({ armEndpoint: world.arm.endpoint, allowedScopes: 1 });

      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      // A registered bot checks the Bot Framework token: an activity without one is refused.
      const unsigned = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }) });
      expect(unsigned.status).toBe(401);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(logLines(server.output()).some((l) => l.msg === 'shutting down')).toBe(true);
    } finally {
      server.child.kill('SIGKILL');
    }
    // Credentials are created lazily: nothing asked for a token, nothing read ARM, nothing tried to leave loopback.
    expect(world.arm.requests).toEqual([]);
    expect(world.around.imds.requests).toEqual([]);
    expect(world.around.proxy.requests).toEqual([]);
  });

  it('in local mode (no BOT_ID), refuses GUARDIAN_ALLOWED_SCOPES and exits 2', async () => {
    const run = await runNode('dist/index.js', [], world.around.env(world.arm, { GUARDIAN_ALLOWED_SCOPES: SCOPE, PORT: '0' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GUARDIAN_ALLOWED_SCOPES is set but BOT_ID is empty');
  });
});
