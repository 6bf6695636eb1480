import type { AccessToken } from '@azure/identity';
import { loadConfig } from '../../src/config';
import { createUserArmCredential, UserSignInRequiredError } from '../../src/bot/auth/user-credential';
import { currentUserArmToken, runWithUserToken } from '../../src/bot/auth/turn-token';
import { SAMPLE_WORKSPACE_IDS, startSampleArm, type SampleArm } from '../../src/sample';
import { createUserScanService } from '../../src/scan/user-scan-service';
import { ScanError } from '../../src/scan/scan-service';

const BOT_ID = '00000000-0000-4000-8000-0000000000b1';
const BOT_TENANT_ID = '00000000-0000-4000-8000-0000000000a1';
const config = loadConfig({ BOT_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID, GUARDIAN_AUTH_MODE: 'user', OAUTH_CONNECTION_NAME: 'arm', GUARDIAN_SCAN_TIMEOUT_MS: '20000' });
/** A JWT-shaped token (unsigned; only its exp is read) that expires in an hour. */
const userToken = (user: string): string =>
  ['e30', Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, oid: user })).toString('base64url'), 'c2ln'].join('.');

describe('user-delegated scan service', () => {
  let arm: SampleArm;
  beforeAll(async () => {
    arm = await startSampleArm();
  });
  afterAll(async () => {
    await arm.close();
  });

  function service(asked: { token: string; scopes: string[] }[]) {
    return createUserScanService(config, {
      userToken: currentUserArmToken,
      credentialFor: (token) => {
        const inner = createUserArmCredential({ token, armEndpoint: arm.endpoint });
        return {
          getToken: async (scopes: string | string[]): Promise<AccessToken | null> => {
            asked.push({ token, scopes: Array.isArray(scopes) ? scopes : [scopes] });
            return inner.getToken(scopes);
          },
        };
      },
      arm: { endpoint: arm.endpoint, ca: arm.ca, retry: { maxRetries: 0 } },
    });
  }

  it('scans with the token of the user whose turn it is, asking only for ARM', async () => {
    const asked: { token: string; scopes: string[] }[] = [];
    const scans = service(asked);
    const alice = userToken('alice');
    const report = await runWithUserToken({ armToken: () => Promise.resolve({ kind: 'token', token: alice }) }, () =>
      scans.scan({ target: SAMPLE_WORKSPACE_IDS['hardened'], selection: { kind: 'area', area: 'public-network' } }),
    );
    expect(report.findings.length).toBeGreaterThan(0);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((a) => a.token === alice)).toBe(true);
    expect(asked.flatMap((a) => a.scopes).every((s) => s.startsWith(arm.endpoint))).toBe(true);
  });

  it('two users scanning at the same time each use their own token', async () => {
    const asked: { token: string; scopes: string[] }[] = [];
    const scans = service(asked);
    const [alice, bob] = [userToken('alice'), userToken('bob')];
    const target = SAMPLE_WORKSPACE_IDS['lab-default'];
    const as = (token: string) => runWithUserToken({ armToken: () => Promise.resolve({ kind: 'token', token }) }, () => scans.scan({ target, selection: { kind: 'area', area: 'rbac' } }));
    await Promise.all([as(alice), as(bob)]);
    expect(new Set(asked.map((a) => a.token))).toEqual(new Set([alice, bob]));
  });

  it('without a sign-in, the scan is refused with the sentence to show and reads nothing', async () => {
    const scans = service([]);
    const before = arm.requestCount;
    const refused = runWithUserToken({ armToken: () => Promise.resolve({ kind: 'signing-in', text: 'Sign in with the card I just sent, then ask again.' }) }, () =>
      scans.scan({ target: SAMPLE_WORKSPACE_IDS['hardened'], selection: { kind: 'all' } }),
    );
    await expect(refused).rejects.toEqual(new ScanError('auth', 'Sign in with the card I just sent, then ask again.'));
    await expect(scans.listWorkspaces()).rejects.toBeInstanceOf(ScanError);
    expect(arm.requestCount).toBe(before);
  });

  it('outside a turn (a scheduled scan) there is no user token', async () => {
    await expect(currentUserArmToken()).rejects.toBeInstanceOf(UserSignInRequiredError);
  });
});

describe('user-delegated configuration', () => {
  it('needs an OAuth connection and an app registration', () => {
    expect(() => loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID, GUARDIAN_AUTH_MODE: 'user' })).toThrow(/OAUTH_CONNECTION_NAME/);
    expect(() => loadConfig({ BOT_ID, BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: BOT_ID, GUARDIAN_AUTH_MODE: 'user', OAUTH_CONNECTION_NAME: 'arm' })).toThrow(/managed identity cannot do Teams SSO/);
  });
});
