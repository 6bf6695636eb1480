/**
 * Item 9: the sample environment costs no Azure request, so scans of it are not rate-limited; real workspaces and
 * real subscriptions still are, from the same store-backed budget every instance shares.
 */
import { createScanGuard } from '../../src/security/scan-guard';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { makeConversation, SAMPLE_SUB, SUB, TENANT, ws } from './helpers';

const PROD = ws('rg-ml-prod', 'mlw-prod');
const SAMPLE_WS = ws('rg-sample', 'mlw-sample', SAMPLE_SUB);

function guard(store = new MemoryGuardianStore()) {
  const authorizer = createScanAuthorizer({
    allowedScopes: [`/subscriptions/${SUB}`],
    allowedTenants: [],
    botTenantId: TENANT,
    localMode: false,
    store,
    sampleSubscriptionIds: [SAMPLE_SUB],
  });
  const limiter = createScanRateLimiter({ store, limits: { perUser: { capacity: 2, refillMs: 600_000 }, perConversation: { capacity: 10, refillMs: 600_000 }, perTenant: { capacity: 50, refillMs: 600_000 } }, now: () => 1_000 });
  return { guard: createScanGuard(authorizer, limiter), store };
}

describe('scan guard: rate limit', () => {
  test('sample scans (names, ids, subscriptions) never spend the budget; real ones do', async () => {
    const { guard: g, store } = guard();
    const conv = makeConversation();
    for (let i = 0; i < 20; i++) {
      for (const target of ['sample', 'sample:hardened', SAMPLE_WS, `/subscriptions/${SAMPLE_SUB}`]) {
        expect(await g.takeScan(conv, target)).toEqual({ allowed: true });
      }
    }
    expect(await store.list('ratelimit/')).toEqual([]);
    expect(await g.takeScan(conv, PROD)).toEqual({ allowed: true });
    expect(await g.takeScan(conv, `/subscriptions/${SUB}`)).toEqual({ allowed: true });
    const refused = await g.takeScan(conv, PROD);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toMatch(/limit of 2 scans every 10 minutes/);
    // The sample still runs for the user whose budget is spent.
    expect(await g.takeScan(conv, 'sample')).toEqual({ allowed: true });
  });

  test('a call without a target is charged (older callers)', async () => {
    const { guard: g } = guard();
    const conv = makeConversation();
    await g.takeScan(conv);
    await g.takeScan(conv);
    expect((await g.takeScan(conv)).allowed).toBe(false);
  });

  test('subscriptions are authorised through the authorizer', async () => {
    const { guard: g } = guard();
    expect(await g.authorizeSubscription!(`/subscriptions/${SUB}`, makeConversation())).toEqual({ allowed: true });
    expect((await g.authorizeSubscription!('/subscriptions/44444444-4444-4444-8444-444444444444', makeConversation())).allowed).toBe(false);
  });
});
