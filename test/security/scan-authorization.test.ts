import { createChannelBindings } from '../../src/security/channel-binding';
import { createScanAuthorizer, createScanAuthorizerFromConfig, REASONS, type ScanAuthorizerOptions } from '../../src/security/scan-authorization';
import { loadConfig } from '../../src/config';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { conversation, OTHER_SUB, OTHER_TENANT, rg, SAMPLE_SUB, SUB, TENANT, ws } from './helpers';

const PROD = ws('rg-ml-prod', 'mlw-prod');
/** A setting's name, e.g. GUARDIAN_ALLOWED_SCOPES: something a Teams user can neither see nor change. */
const ENVIRONMENT_VARIABLE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
const DEV = ws('rg-ml-dev', 'mlw-dev');
const ELSEWHERE = ws('rg-x', 'mlw-x', OTHER_SUB);
const SAMPLE_WS = ws('rg-sample', 'mlw-sample', SAMPLE_SUB);

function authorizer(overrides: Partial<ScanAuthorizerOptions> = {}, store = new MemoryGuardianStore()) {
  return createScanAuthorizer({
    allowedScopes: [`/subscriptions/${SUB}`],
    allowedTenants: [],
    botTenantId: TENANT,
    localMode: false,
    store,
    sampleSubscriptionIds: [SAMPLE_SUB],
    ...overrides,
  });
}

describe('scan authorizer: tenants', () => {
  test('the bot\u2019s own tenant by default; others refused with a sentence saying whom to ask, and no setting a Teams user cannot change', async () => {
    const a = authorizer();
    expect(await a.authorize({ target: PROD, conversation: conversation() })).toEqual({ allowed: true });
    const refused = await a.authorize({ target: PROD, conversation: conversation({ tenantId: OTHER_TENANT }) });
    expect(refused).toEqual({ allowed: false, reason: REASONS.tenant });
    expect(REASONS.tenant).toContain("Ask the bot's administrator");
    expect(REASONS.tenant).not.toMatch(ENVIRONMENT_VARIABLE);
  });

  test('the configured list replaces the default, case-insensitively', async () => {
    const a = authorizer({ allowedTenants: [OTHER_TENANT.toUpperCase()] });
    expect((await a.authorize({ target: PROD, conversation: conversation({ tenantId: OTHER_TENANT }) })).allowed).toBe(true);
    expect((await a.authorize({ target: PROD, conversation: conversation() })).allowed).toBe(false);
  });

  test('local mode without a tenant setting accepts any tenant; a registered bot without one scans only the sample', async () => {
    const local = authorizer({ botTenantId: '', localMode: true });
    expect((await local.authorize({ target: PROD, conversation: conversation({ tenantId: OTHER_TENANT }) })).allowed).toBe(true);
    const registered = authorizer({ botTenantId: '', localMode: false });
    expect(await registered.authorize({ target: PROD, conversation: conversation() })).toEqual({ allowed: false, reason: REASONS.noTenantPolicy });
    expect(await registered.authorize({ target: 'sample', conversation: conversation() })).toEqual({ allowed: true });
  });

  test('a missing tenant id is refused, not treated as a match', async () => {
    expect(await authorizer().authorize({ target: PROD, conversation: conversation({ tenantId: undefined }) })).toEqual({ allowed: false, reason: REASONS.tenantUnknown });
  });
});

describe('scan authorizer: scopes', () => {
  test('empty allowed scopes mean the sample only', async () => {
    const a = authorizer({ allowedScopes: [] });
    expect(await a.authorize({ target: 'sample', conversation: conversation() })).toEqual({ allowed: true });
    expect(await a.authorize({ target: 'sample:hardened', conversation: conversation() })).toEqual({ allowed: true });
    expect(await a.authorize({ target: SAMPLE_WS, conversation: conversation() })).toEqual({ allowed: true });
    expect(await a.authorize({ target: PROD, conversation: conversation() })).toEqual({ allowed: false, reason: REASONS.sampleOnly });
    // A name may be a sample workspace's: it is resolved first, and the id it resolves to decides (item 5).
    expect(await a.authorize({ target: 'mlw-prod', conversation: conversation() })).toEqual({ allowed: true, needsResolution: true });
    expect(await a.authorizeResolved(SAMPLE_WS, conversation())).toEqual({ allowed: true });
    expect(await a.authorizeResolved(PROD, conversation())).toEqual({ allowed: false, reason: REASONS.sampleOnly });
  });

  test('a name is refused up front only when the tenant is not allowed', async () => {
    const a = authorizer({ allowedScopes: [] });
    expect(await a.authorize({ target: 'mlw-mlopsv2-0001prod', conversation: conversation({ tenantId: OTHER_TENANT }) })).toEqual({ allowed: false, reason: REASONS.tenant });
    expect(await a.authorize({ target: 'mlw-mlopsv2-0001prod', conversation: conversation() })).toEqual({ allowed: true, needsResolution: true });
  });

  test('subscription, resource-group and workspace scopes; siblings and prefixes are outside', async () => {
    const byRg = authorizer({ allowedScopes: [rg('rg-ml-prod')] });
    expect((await byRg.authorize({ target: PROD, conversation: conversation() })).allowed).toBe(true);
    expect((await byRg.authorize({ target: DEV, conversation: conversation() })).allowed).toBe(false);
    // "rg-ml-prod2" starts with "rg-ml-prod" but is another group.
    expect((await byRg.authorize({ target: ws('rg-ml-prod2', 'w'), conversation: conversation() })).allowed).toBe(false);
    const byWs = authorizer({ allowedScopes: [PROD] });
    expect((await byWs.authorize({ target: PROD.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/'), conversation: conversation() })).allowed).toBe(true);
    const outside = await authorizer().authorize({ target: ELSEWHERE, conversation: conversation() });
    expect(outside.allowed).toBe(false);
    if (!outside.allowed) expect(outside.reason).toContain("Ask the bot's administrator to allow its subscription or resource group");
    if (!outside.allowed) expect(outside.reason).not.toMatch(ENVIRONMENT_VARIABLE);
  });

  test('malformed and non-workspace ids are refused with the parser\u2019s reason', async () => {
    const a = authorizer();
    for (const target of [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st`, `/subscriptions/${SUB}/../x`, `/subscriptions/${SUB}/resourceGroups/rg?x=1`]) {
      const d = await a.authorize({ target, conversation: conversation() });
      expect(d.allowed).toBe(false);
      if (!d.allowed) expect(d.reason).toMatch(/^That is not a workspace I can scan/);
    }
  });

  test('names pass only as "needs resolution", then the resolved id is checked', async () => {
    const a = authorizer({ allowedScopes: [rg('rg-ml-prod')] });
    expect(await a.authorize({ target: 'mlw-prod', conversation: conversation() })).toEqual({ allowed: true, needsResolution: true });
    expect((await a.authorizeResolved(PROD, conversation())).allowed).toBe(true);
    expect((await a.authorizeResolved(DEV, conversation())).allowed).toBe(false);
    expect((await a.authorizeResolved('mlw-prod', conversation())).allowed).toBe(false);
    expect((await a.authorizeResolved(PROD, conversation({ tenantId: OTHER_TENANT }))).allowed).toBe(false);
  });

  test('filterVisible keeps only what this conversation may scan', async () => {
    const a = authorizer({ allowedScopes: [rg('rg-ml-prod')] });
    const refs = [{ id: PROD, name: 'mlw-prod' }, { id: DEV, name: 'mlw-dev' }, { id: ELSEWHERE, name: 'x' }, { id: SAMPLE_WS, name: 's' }];
    expect((await a.filterVisible(refs, conversation())).map((r) => r.name)).toEqual(['mlw-prod', 's']);
    expect((await a.filterVisible(refs, conversation({ tenantId: OTHER_TENANT }))).map((r) => r.name)).toEqual(['s']);
  });
});

describe('scan authorizer: team bindings', () => {
  test('a binding narrows, names the owner sentence, and never widens past the allowed scopes', async () => {
    const store = new MemoryGuardianStore();
    const bindings = createChannelBindings(store);
    const a = authorizer({ bindings });
    const conv = conversation();
    await bindings.add(conv, rg('rg-ml-prod'), conv.userId);
    expect((await a.authorize({ target: PROD, conversation: conv })).allowed).toBe(true);
    const refused = await a.authorize({ target: DEV, conversation: conv });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toContain('A team owner can change it with "link this channel to <scope>"');
    // Another team is not affected.
    expect((await a.authorize({ target: DEV, conversation: conversation({ teamId: '19:other@thread.tacv2' }) })).allowed).toBe(true);
    // A binding to a scope outside the allowed ones grants nothing.
    await bindings.add(conv, `/subscriptions/${OTHER_SUB}`, conv.userId);
    expect((await a.authorize({ target: ELSEWHERE, conversation: conv })).allowed).toBe(false);
    expect(await a.effectiveScopes(conv)).toEqual([rg('rg-ml-prod')]);
  });

  test('a binding whose scopes are all outside the allowed ones refuses what a name resolves to (the sample stays allowed)', async () => {
    const store = new MemoryGuardianStore();
    const bindings = createChannelBindings(store);
    const conv = conversation();
    await bindings.add(conv, `/subscriptions/${OTHER_SUB}`, conv.userId);
    const a = authorizer({ bindings });
    expect(await a.authorize({ target: 'mlw-prod', conversation: conv })).toEqual({ allowed: true, needsResolution: true });
    expect((await a.authorizeResolved(PROD, conv)).allowed).toBe(false);
    expect((await a.authorizeResolved(ELSEWHERE, conv)).allowed).toBe(false);
    expect((await a.authorizeResolved(SAMPLE_WS, conv)).allowed).toBe(true);
  });

  test('a corrupted stored binding narrows to nothing instead of lifting the binding', async () => {
    const store = new MemoryGuardianStore();
    await store.put('binding/19:team@thread.tacv2', { scopes: ['not an id', 42] });
    const d = await authorizer({}, store).authorize({ target: PROD, conversation: conversation() });
    expect(d.allowed).toBe(false);
  });
});

test('createScanAuthorizerFromConfig reads the config fields', async () => {
  const config = loadConfig({ GUARDIAN_ALLOWED_SCOPES: rg('rg-ml-prod'), GUARDIAN_STORE: 'memory' }, '0.0.0');
  const a = createScanAuthorizerFromConfig(config, { sampleSubscriptionIds: [SAMPLE_SUB] });
  // Local mode (no BOT_ID): any tenant.
  expect((await a.authorize({ target: PROD, conversation: conversation({ tenantId: OTHER_TENANT }) })).allowed).toBe(true);
  expect((await a.authorize({ target: DEV, conversation: conversation() })).allowed).toBe(false);
});

describe('scan authorizer: user-delegated mode', () => {
  test('with no allowed scopes, the user\u2019s own RBAC is the limit: any workspace passes, tenant still checked', async () => {
    const a = authorizer({ allowedScopes: [], userDelegated: true });
    expect(await a.authorize({ target: ELSEWHERE, conversation: conversation() })).toEqual({ allowed: true });
    expect(await a.authorize({ target: 'mlw-prod', conversation: conversation() })).toEqual({ allowed: true, needsResolution: true });
    expect((await a.authorize({ target: ELSEWHERE, conversation: conversation({ tenantId: OTHER_TENANT }) })).allowed).toBe(false);
  });

  test('configured scopes and team bindings still narrow it', async () => {
    expect((await authorizer({ userDelegated: true }).authorize({ target: ELSEWHERE, conversation: conversation() })).allowed).toBe(false);
    const store = new MemoryGuardianStore();
    const bindings = createChannelBindings(store);
    const team = conversation({ conversationType: 'channel', teamId: 'team-1' });
    await bindings.add(team, rg('rg-ml-dev'), 'owner');
    const a = authorizer({ allowedScopes: [], userDelegated: true, bindings });
    expect((await a.authorizeResolved(PROD, team)).allowed).toBe(false);
    expect((await a.authorizeResolved(DEV, team)).allowed).toBe(true);
  });

  test('every refusal a registered bot can give names no setting: a Teams user is told whom to ask', () => {
    const sentences = [REASONS.tenant, REASONS.tenantUnknown, REASONS.noTenantPolicy, REASONS.sampleOnly, REASONS.subscriptionOutsideAllowed(`/subscriptions/${SUB}`), REASONS.outsideAllowed(PROD)];
    for (const sentence of sentences) expect(sentence).not.toMatch(ENVIRONMENT_VARIABLE);
  });

  test('in local mode, the sample-only refusal says what its own user can do: the sample here, Azure from guardian scan or a registered bot', async () => {
    const local = authorizer({ allowedScopes: [], localMode: true, botTenantId: '' });
    const refused = await local.authorize({ target: PROD, conversation: conversation() });
    expect(refused).toEqual({ allowed: false, reason: REASONS.sampleOnlyLocal });
    expect(REASONS.sampleOnlyLocal).toMatch(/scan sample/);
    expect(REASONS.sampleOnlyLocal).toMatch(/guardian scan <workspace id>/);
    expect(REASONS.sampleOnlyLocal).toMatch(/registered \(BOT_ID\)/);
    expect(await local.authorizeSubscription(SUB, conversation())).toEqual({ allowed: false, reason: REASONS.sampleOnlyLocal });
  });

  test('in bot-identity mode, empty scopes still mean the sample only', async () => {
    expect(await authorizer({ allowedScopes: [] }).authorize({ target: ELSEWHERE, conversation: conversation() })).toEqual({ allowed: false, reason: REASONS.sampleOnly });
  });
});

describe('scan authorizer: subscriptions (Defender status)', () => {
  test('the sample subscriptions are always allowed, in either form', async () => {
    const a = authorizer({ allowedScopes: [] });
    expect(await a.authorizeSubscription(SAMPLE_SUB, conversation())).toEqual({ allowed: true });
    expect(await a.authorizeSubscription(`/subscriptions/${SAMPLE_SUB.toUpperCase()}`, conversation({ tenantId: OTHER_TENANT }))).toEqual({ allowed: true });
    expect(a.isSample(`/subscriptions/${SAMPLE_SUB}`)).toBe(true);
    expect(a.isSample(SAMPLE_WS)).toBe(true);
    expect(a.isSample('sample:hardened')).toBe(true);
    expect(a.isSample(PROD)).toBe(false);
    expect(a.isSample('mlw-prod')).toBe(false);
  });

  test('a real subscription needs the tenant and the subscription itself within an allowed scope', async () => {
    expect(await authorizer().authorizeSubscription(SUB, conversation())).toEqual({ allowed: true });
    expect(await authorizer().authorizeSubscription(SUB, conversation({ tenantId: OTHER_TENANT }))).toEqual({ allowed: false, reason: REASONS.tenant });
    expect(await authorizer({ allowedScopes: [] }).authorizeSubscription(SUB, conversation())).toEqual({ allowed: false, reason: REASONS.sampleOnly });
    expect(await authorizer().authorizeSubscription(OTHER_SUB, conversation())).toEqual({ allowed: false, reason: REASONS.subscriptionOutsideAllowed(`/subscriptions/${OTHER_SUB}`) });
    // An allowed resource group does not open its subscription's settings.
    const rgOnly = await authorizer({ allowedScopes: [rg('rg-ml-prod')] }).authorizeSubscription(SUB, conversation());
    expect(rgOnly.allowed).toBe(false);
    if (!rgOnly.allowed) expect(rgOnly.reason).toContain('whole subscription');
  });

  test('anything but a subscription id is refused', async () => {
    for (const text of ['not-a-guid', PROD, `/subscriptions/${SUB}/resourceGroups/rg`, '']) {
      expect(await authorizer().authorizeSubscription(text, conversation())).toEqual({ allowed: false, reason: REASONS.notASubscription });
    }
  });

  test('a team binding narrows subscriptions too', async () => {
    const store = new MemoryGuardianStore();
    const bindings = createChannelBindings(store);
    const conv = conversation();
    await bindings.add(conv, rg('rg-ml-prod'), conv.userId);
    const a = authorizer({ bindings });
    const refused = await a.authorizeSubscription(SUB, conv);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toContain('This team is linked to');
    expect(await a.authorizeSubscription(SAMPLE_SUB, conv)).toEqual({ allowed: true });
  });

  test('user-delegated mode with no scopes: the user\u2019s RBAC is the limit, the binding still applies', async () => {
    const a = authorizer({ allowedScopes: [], userDelegated: true });
    expect(await a.authorizeSubscription(OTHER_SUB, conversation())).toEqual({ allowed: true });
  });
});
