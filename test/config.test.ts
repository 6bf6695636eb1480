/**
 * The configuration rules that keep the bot closed: local mode (no BOT_ID, no token check) stays on loopback and
 * away from real Azure; a registered bot always names the tenants that may talk to it.
 */
import { ConfigError, assertServerConfig, isLoopbackHost, loadConfig, localModeExposureWarning, serverConfigProblems } from '../src/config';

const BOT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const TENANT = '11111111-2222-4333-8444-555555555555';
const SCOPE = '/subscriptions/1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001/resourceGroups/rg-ml-prod';
const registered = { BOT_ID, BOT_PASSWORD: 'not-a-real-secret' };

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('where the server listens', () => {
  test('local mode listens on 127.0.0.1 by default', () => {
    expect(loadConfig({}).listenHost).toBe('127.0.0.1');
  });

  test('a registered bot listens on all interfaces by default (App Service)', () => {
    expect(loadConfig({ ...registered, BOT_TENANT_ID: TENANT }).listenHost).toBeUndefined();
  });

  test('GUARDIAN_LISTEN_HOST overrides the default, in either mode', () => {
    expect(loadConfig({ GUARDIAN_LISTEN_HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
    expect(loadConfig({ GUARDIAN_LISTEN_HOST: '::1' }).listenHost).toBe('::1');
    expect(loadConfig({ GUARDIAN_LISTEN_HOST: 'localhost' }).listenHost).toBe('localhost');
    expect(loadConfig({ ...registered, BOT_TENANT_ID: TENANT, GUARDIAN_LISTEN_HOST: '10.0.0.4' }).listenHost).toBe('10.0.0.4');
  });

  test('GUARDIAN_LISTEN_HOST must be an IP literal or localhost', () => {
    for (const bad of ['example.com', '0.0.0.0:3978', 'http://127.0.0.1', '256.1.1.1']) {
      expect(problemsOf(() => loadConfig({ GUARDIAN_LISTEN_HOST: bad }))).toEqual([expect.stringContaining('GUARDIAN_LISTEN_HOST')]);
    }
  });

  test('loopback means localhost, 127.0.0.0/8 and ::1 only', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.4', '192.168.1.10', '::ffff:10.0.0.1', '128.0.0.1']) expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('the warning when local mode listens beyond loopback', () => {
  const local = loadConfig({});
  const bot = loadConfig({ ...registered, BOT_TENANT_ID: TENANT });

  test('names the risk and the fix for a non-loopback or all-interfaces host', () => {
    for (const host of ['0.0.0.0', '10.0.0.4', undefined]) {
      const warning = localModeExposureWarning(local, host);
      expect(warning).toContain('no Bot Framework token');
      expect(warning).toContain('anyone who can reach');
      expect(warning).toContain('GUARDIAN_LISTEN_HOST=127.0.0.1');
    }
    expect(localModeExposureWarning(local, undefined)).toContain('all interfaces');
  });

  test('is silent on loopback, and for a registered bot (its tokens are checked)', () => {
    expect(localModeExposureWarning(local, '127.0.0.1')).toBeUndefined();
    expect(localModeExposureWarning(local, 'localhost')).toBeUndefined();
    expect(localModeExposureWarning(bot, undefined)).toBeUndefined();
    expect(localModeExposureWarning(bot, '0.0.0.0')).toBeUndefined();
  });
});

describe('local mode may scan only the sample environment', () => {
  test('GUARDIAN_ALLOWED_SCOPES without BOT_ID stops a server, saying why', () => {
    const config = loadConfig({ GUARDIAN_ALLOWED_SCOPES: SCOPE });
    const problems = serverConfigProblems(config);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('GUARDIAN_ALLOWED_SCOPES');
    expect(problems[0]).toContain('local mode has no token check, so it may scan only the sample environment');
    expect(() => assertServerConfig(config)).toThrow(ConfigError);
  });

  test('the CLI may still use GUARDIAN_ALLOWED_SCOPES without a bot (loadConfig accepts it)', () => {
    expect(loadConfig({ GUARDIAN_ALLOWED_SCOPES: SCOPE }).azure.allowedScopes).toEqual([SCOPE]);
  });

  test('GUARDIAN_AUTH_MODE=user without BOT_ID is refused, saying why', () => {
    const problems = problemsOf(() => loadConfig({ GUARDIAN_AUTH_MODE: 'user', OAUTH_CONNECTION_NAME: 'arm' }));
    expect(problems).toEqual([expect.stringContaining('local mode has no token check, so it may scan only the sample environment')]);
    // A config forced into local mode afterwards (as `guardian chat` does) is refused by the server check too.
    const registeredUser = loadConfig({ ...registered, BOT_TENANT_ID: TENANT, GUARDIAN_AUTH_MODE: 'user', OAUTH_CONNECTION_NAME: 'arm' });
    const local = { ...registeredUser, bot: { id: '', password: '', type: 'MultiTenant' as const, tenantId: '' } };
    expect(serverConfigProblems(local)).toEqual([expect.stringContaining('GUARDIAN_AUTH_MODE=user needs BOT_ID')]);
  });

  test('local mode with the sample only, and a registered bot with scopes, are fine', () => {
    expect(serverConfigProblems(loadConfig({}))).toEqual([]);
    expect(serverConfigProblems(loadConfig({ ...registered, BOT_TENANT_ID: TENANT, GUARDIAN_ALLOWED_SCOPES: SCOPE }))).toEqual([]);
  });
});

describe('a registered bot names its tenants', () => {
  test.each(['MultiTenant', 'SingleTenant', 'UserAssignedMsi'])('BOT_ID with neither BOT_TENANT_ID nor GUARDIAN_ALLOWED_TENANTS is refused (BOT_TYPE %s)', (type) => {
    const env = type === 'UserAssignedMsi' ? { BOT_ID, BOT_TYPE: type } : { ...registered, BOT_TYPE: type };
    const problems = problemsOf(() => loadConfig(env));
    expect(problems.some((p) => p.includes('BOT_TENANT_ID or GUARDIAN_ALLOWED_TENANTS is required'))).toBe(true);
  });

  test('the default BOT_TYPE (MultiTenant) with no tenant is refused', () => {
    expect(problemsOf(() => loadConfig(registered))).toEqual([expect.stringContaining('BOT_TENANT_ID or GUARDIAN_ALLOWED_TENANTS')]);
  });

  test('either setting is enough for a MultiTenant bot', () => {
    expect(loadConfig({ ...registered, BOT_TENANT_ID: TENANT }).bot.tenantId).toBe(TENANT);
    expect(loadConfig({ ...registered, GUARDIAN_ALLOWED_TENANTS: TENANT }).azure.allowedTenants).toEqual([TENANT]);
  });

  test('local mode needs no tenant', () => {
    expect(problemsOf(() => loadConfig({}))).toEqual([]);
  });
});

describe('the change-event queue', () => {
  it('is off unless a queue URL or connection string is given, and then named guardian-changes', () => {
    expect(loadConfig({}).events.queue).toBeUndefined();
    expect(loadConfig({ GUARDIAN_EVENTS_QUEUE_URL: 'https://stchanges.queue.core.windows.net' }).events.queue).toEqual({ connectionString: '', serviceUrl: 'https://stchanges.queue.core.windows.net', name: 'guardian-changes' });
  });

  it('refuses both forms at once and a name Storage would refuse, naming each problem', () => {
    const problems = problemsOf(() => loadConfig({ GUARDIAN_EVENTS_QUEUE_URL: 'https://a.queue.core.windows.net', GUARDIAN_EVENTS_QUEUE_CONNECTION_STRING: 'AccountName=a;AccountKey=b', GUARDIAN_EVENTS_QUEUE: 'Changes--Queue' }));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('not both'), expect.stringContaining('GUARDIAN_EVENTS_QUEUE is not a valid queue name')]));
  });

  it('sends the bot\'s token only to an https queue URL', () => {
    expect(problemsOf(() => loadConfig({ GUARDIAN_EVENTS_QUEUE_URL: 'http://stchanges.queue.core.windows.net' }))).toEqual([expect.stringContaining('GUARDIAN_EVENTS_QUEUE_URL must be an https:// URL')]);
  });
});
