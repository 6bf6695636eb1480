import * as restify from 'restify';
import { bearerMatches, NOTIFICATIONS_RUN_PATH, registerNotificationRoutes } from '../../src/notifications/http';
import type { PassSummary } from '../../src/notifications/service';

const TOKEN = 'a-very-long-admin-token-0123456789abcdef';
const SUMMARY: PassSummary = {
  instanceId: 'i',
  startedAt: '2030-01-01T00:00:00.000Z',
  finishedAt: '2030-01-01T00:00:01.000Z',
  scans: [{ subscriptionId: 's', workspace: 'ws-prod', outcome: 'baseline', enqueued: 1 }],
  outbox: { sent: 1, retried: 0, deadLettered: 0, subscriptionsDisabled: 0, inFlightRecovered: 0 },
};

async function serve(adminToken: string, runPass = jest.fn(() => Promise.resolve(SUMMARY))) {
  const server = restify.createServer();
  const registered = registerNotificationRoutes(server, { adminToken, service: { runPass } });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}${NOTIFICATIONS_RUN_PATH}`;
  return { server, url, runPass, registered };
}

describe('POST /api/notifications/run', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('is not there (404) without an admin token', async () => {
    const { server, url, runPass, registered } = await serve('');
    close = () => {
      server.close();
    };
    expect(registered).toBe(false);
    const res = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' } });
    expect(res.status).toBe(404);
    expect(runPass).not.toHaveBeenCalled();
  });

  it.each([undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, 'Bearer'])('refuses %p with 401', async (authorization) => {
    const { server, url, runPass } = await serve(TOKEN);
    close = () => {
      server.close();
    };
    const res = await fetch(url, { method: 'POST', headers: authorization === undefined ? {} : { authorization } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(runPass).not.toHaveBeenCalled();
  });

  it('runs a pass and returns its summary with the right token', async () => {
    const { server, url, runPass } = await serve(TOKEN);
    close = () => {
      server.close();
    };
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(SUMMARY);
    expect(runPass).toHaveBeenCalledTimes(1);
  });

  it('answers 500 without details when the pass fails', async () => {
    const { server, url } = await serve(TOKEN, jest.fn(() => Promise.reject(new Error('store down: AccountKey=abc'))));
    close = () => {
      server.close();
    };
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('AccountKey');
  });

  it('compares bearer tokens exactly', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
  });
});
