import pino from 'pino';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging';
import { armAuthenticationOptions, ARM_SETTING, userModeProblems } from '../../src/bot/auth/settings';
import { createUserArmCredential, isUserSignInRequired, jwtExpiry } from '../../src/bot/auth/user-credential';
import { armTokenOrSignIn, authErrorText, handleSignInFailure, parseSignInFailure, registerSignInHandlers, SIGN_IN_TEXT, signInFailureText } from '../../src/bot/auth/sign-in';
import { assertNoSecrets, fakeJwt } from './secret-scan';

const BOT_ID = '00000000-0000-4000-8000-00000000b07d';
const TENANT = '11111111-1111-4111-8111-111111111111';

function userConfig(extra: Record<string, string> = {}) {
  return loadConfig(
    { BOT_ID, BOT_PASSWORD: 'test-password', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT, GUARDIAN_AUTH_MODE: 'user', OAUTH_CONNECTION_NAME: 'arm-connection', GUARDIAN_STORE: 'memory', ...extra },
    '0.0.0',
  );
}

describe('authentication settings', () => {
  test('user mode: one OAuth connection setting for ARM, SSO on, autoSignIn false', () => {
    const options = armAuthenticationOptions(userConfig());
    expect(options).toBeDefined();
    expect(options?.autoSignIn).toBe(false);
    expect(options?.default).toBe(ARM_SETTING);
    expect(options?.settings[ARM_SETTING]).toMatchObject({ connectionName: 'arm-connection', enableSso: true, endOnInvalidMessage: true });
  });

  test('bot mode, or user mode without a connection: no authentication at all, and the problem is named', () => {
    expect(armAuthenticationOptions(loadConfig({ GUARDIAN_STORE: 'memory' }, '0.0.0'))).toBeUndefined();
    // loadConfig refuses that combination outright; the settings still guard against a hand-built config.
    expect(() => userConfig({ OAUTH_CONNECTION_NAME: '' })).toThrow(/OAUTH_CONNECTION_NAME/);
    const missing = { ...userConfig(), sso: { oauthConnectionName: '', botDomain: '' } };
    expect(armAuthenticationOptions(missing)).toBeUndefined();
    expect(userModeProblems(missing)).toEqual([expect.stringContaining('OAUTH_CONNECTION_NAME')]);
  });

  test('with autoSignIn false, a message reaches the bot\u2019s handler and no sign-in card is sent', async () => {
    const config = userConfig();
    const adapter = new TeamsAdapter({}, undefined);
    const app = new Application<TurnState>({ adapter, botAppId: BOT_ID, storage: new MemoryStorage(), authentication: armAuthenticationOptions(config)! });
    registerSignInHandlers(app, silentLogger(), true);
    const handled: string[] = [];
    app.activity(ActivityTypes.Message, async (context) => {
      handled.push(context.activity.text ?? '');
      await context.sendActivity('answer');
    });
    const test = new TestAdapter((context) => app.run(context).then(() => undefined));
    await test.send(teamsMessage('what is a managed network?')).assertReply('answer');
    expect(handled).toEqual(['what is a managed network?']);
  });
});

function teamsMessage(text: string): Partial<Activity> {
  return { type: 'message', text, channelId: 'msteams', conversation: { id: 'a:1', tenantId: TENANT, isGroup: false, conversationType: 'personal', name: '' }, from: { id: '29:u', name: 'U', aadObjectId: '55555555-5555-4555-8555-555555555555' }, channelData: { tenant: { id: TENANT } } };
}

describe('signin/failure', () => {
  test('the code picks the sentence; client text is trimmed and filtered', () => {
    expect(signInFailureText(parseSignInFailure({ code: 'resourcematchfailed', message: 'Resource match failed' }))).toBe(SIGN_IN_TEXT.misconfigured);
    expect(signInFailureText(parseSignInFailure({ code: 'consentrequired', message: '' }))).toBe(SIGN_IN_TEXT.consent);
    expect(signInFailureText(parseSignInFailure(undefined))).toBe(SIGN_IN_TEXT.failed);
    expect(parseSignInFailure({ code: '<script>' + 'x'.repeat(500), message: 42 })).toEqual({ code: 'script' + 'x'.repeat(194), message: '' });
    expect(SIGN_IN_TEXT.misconfigured).toContain('api://botid-');
  });

  test('the invoke is answered 200 with a sentence for the user (teams-ai alone would leave it unanswered)', async () => {
    const adapter = new TeamsAdapter({}, undefined);
    const app = new Application<TurnState>({ adapter, botAppId: '', storage: new MemoryStorage() });
    registerSignInHandlers(app, silentLogger(), false);
    const sent: Partial<Activity>[] = [];
    const test = new TestAdapter(async (context: TurnContext) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await app.run(context);
    });
    await test.send({ type: ActivityTypes.Invoke, name: 'signin/failure', value: { code: 'resourcematchfailed', message: 'Resource match failed' }, channelId: 'msteams', conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' } }).startTest();
    expect(sent.find((a) => a.type === 'message')?.text).toBe(SIGN_IN_TEXT.misconfigured);
    expect(sent.find((a) => a.type === ActivityTypes.InvokeResponse)?.value).toEqual({ status: 200, body: {} });
  });

  test('handleSignInFailure logs the code, never the client message raw', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(s) });
    const jwt = fakeJwt();
    const sent: Partial<Activity>[] = [];
    const context = {
      activity: { type: 'invoke', name: 'signin/failure', value: { code: 'resourcematchfailed', message: `Bearer ${jwt}` } },
      sendActivity: (a: string | Partial<Activity>) => {
        sent.push(typeof a === 'string' ? { type: 'message', text: a } : a);
        return Promise.resolve(undefined);
      },
    } as unknown as TurnContext;
    await handleSignInFailure(context, logger);
    expect(lines.join('')).toContain('resourcematchfailed');
    assertNoSecrets([...lines, ...sent.map((a) => JSON.stringify(a))], [jwt]);
  });

  test('sign-in errors map to consent / misconfiguration / generic sentences', () => {
    expect(authErrorText(new Error('AADSTS65001: The user or administrator has not consented'))).toBe(SIGN_IN_TEXT.consent);
    expect(authErrorText(new Error('AADSTS500011: resource principal not found'))).toBe(SIGN_IN_TEXT.misconfigured);
    expect(authErrorText(new Error('boom'))).toBe(SIGN_IN_TEXT.failed);
  });

  test('armTokenOrSignIn: token, card sent, already pending, or failure', async () => {
    const ctx = {} as TurnContext;
    const state = {} as TurnState;
    const log = silentLogger();
    const app = (impl: () => Promise<string | undefined>) => ({ getTokenOrStartSignIn: impl });
    expect(await armTokenOrSignIn(app(() => Promise.resolve('tok')), ctx, state, log)).toEqual({ kind: 'token', token: 'tok' });
    expect(await armTokenOrSignIn(app(() => Promise.resolve(undefined)), ctx, state, log)).toEqual({ kind: 'signing-in', text: SIGN_IN_TEXT.started });
    expect(await armTokenOrSignIn(app(() => Promise.reject(new Error('Invalid state - cannot start sign in when already started'))), ctx, state, log)).toEqual({
      kind: 'signing-in',
      text: SIGN_IN_TEXT.alreadyStarted,
    });
    expect(await armTokenOrSignIn(app(() => Promise.reject(new Error('AADSTS65001 consent'))), ctx, state, log)).toEqual({ kind: 'failed', text: SIGN_IN_TEXT.consent });
  });
});

describe('user ARM credential', () => {
  const ARM = 'https://management.azure.com';

  test('hands out the user\u2019s token for ARM scopes with the JWT\u2019s expiry', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3000;
    const token = fakeJwt({ exp });
    const credential = createUserArmCredential({ token, armEndpoint: ARM });
    expect(jwtExpiry(token)).toBe(exp * 1000);
    expect(await credential.getToken(`${ARM}/.default`)).toEqual({ token, expiresOnTimestamp: exp * 1000 });
    expect(await credential.getToken([`${ARM}/user_impersonation`])).toEqual({ token, expiresOnTimestamp: exp * 1000 });
    expect(await credential.getToken('https://management.core.windows.net//.default')).toEqual({ token, expiresOnTimestamp: exp * 1000 });
  });

  test('refuses other audiences, expired tokens and an empty token with a sign-in-required error', async () => {
    const credential = createUserArmCredential({ token: fakeJwt(), armEndpoint: ARM });
    for (const scope of ['https://graph.microsoft.com/.default', 'https://vault.azure.net/.default', 'https://management.azure.com.evil.example/.default', 'not a url']) {
      const error = await credential.getToken(scope).catch((e: unknown) => e);
      expect(isUserSignInRequired(error)).toBe(true);
    }
    const expired = createUserArmCredential({ token: fakeJwt({ exp: Math.floor(Date.now() / 1000) + 30 }), armEndpoint: ARM });
    expect(isUserSignInRequired(await expired.getToken(`${ARM}/.default`).catch((e: unknown) => e))).toBe(true);
    const empty = createUserArmCredential({ token: '', armEndpoint: ARM });
    expect(isUserSignInRequired(await empty.getToken(`${ARM}/.default`).catch((e: unknown) => e))).toBe(true);
  });

  test('a sovereign-cloud endpoint is the only audience there', async () => {
    const credential = createUserArmCredential({ token: fakeJwt(), armEndpoint: 'https://management.usgovcloudapi.net' });
    expect(await credential.getToken('https://management.usgovcloudapi.net/.default')).not.toBeNull();
    expect(isUserSignInRequired(await credential.getToken(`${ARM}/.default`).catch((e: unknown) => e))).toBe(true);
  });

  test('an opaque token gets a short assumed lifetime', async () => {
    let now = 1_000_000;
    const credential = createUserArmCredential({ token: 'opaque', armEndpoint: ARM, now: () => now });
    expect((await credential.getToken(`${ARM}/.default`))?.expiresOnTimestamp).toBe(1_000_000 + 5 * 60_000);
    now += 5 * 60_000;
    expect(isUserSignInRequired(await credential.getToken(`${ARM}/.default`).catch((e: unknown) => e))).toBe(true);
  });
});
