/**
 * The scan feature's guarded handle over the product's guard (authorizer + rate limiter): a refusal reaches no
 * method of the scan service, an allowed step reaches it exactly once, and each admitted scan takes one scan from
 * the budget — none for the sample.
 */
import type { ConversationInfo } from '../../src/dialogs/port';
import type { DefenderStatusReport } from '../../src/scan/scan-service';
import { createGuardedScans, type GuardedScanHandle } from '../../src/security/guarded-scans';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard, type GuardDecision, type ScanGuard } from '../../src/security/scan-guard';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { FakeScanService, ref } from '../dialogs/scan-fakes';
import { smallReport } from '../support/report-fixtures';
import { makeConversation, OTHER_SUB, OTHER_TENANT, SAMPLE_SUB, SUB, TENANT, ws } from './helpers';

const PROD = ws('rg-ml-prod', 'mlw-prod');
const FOREIGN = ws('rg-ml', 'mlw-elsewhere', OTHER_SUB);

/** The product's guard (scopes: SUB and the sample's subscription; two scans per user), counting the budget it takes. */
function setup(): { service: FakeScanService; taken: string[]; handleFor: (conversation?: ConversationInfo) => GuardedScanHandle } {
  const store = new MemoryGuardianStore();
  const authorizer = createScanAuthorizer({ allowedScopes: [`/subscriptions/${SUB}`], allowedTenants: [], botTenantId: TENANT, localMode: false, store, sampleSubscriptionIds: [SAMPLE_SUB] });
  const limit = { capacity: 2, refillMs: 600_000 };
  const product = createScanGuard(authorizer, createScanRateLimiter({ store, limits: { perUser: limit, perConversation: limit, perTenant: limit }, now: () => 1_000 }));
  const taken: string[] = [];
  const guard: ScanGuard = {
    ...product,
    takeScan: (conversation, target): Promise<GuardDecision> => {
      taken.push(target ?? '');
      return product.takeScan(conversation, target);
    },
  };
  const service = new FakeScanService(smallReport().report);
  const scans = createGuardedScans(service, guard);
  return { service, taken, handleFor: (conversation = makeConversation()) => scans.for(conversation) };
}

/** Every call that reached the scan service, whichever method. */
const calls = (service: FakeScanService): number => service.requests.length + service.resolved.length + service.defenderAsked.length;

describe('refused: nothing reaches the scan service', () => {
  test.each([
    ['a workspace outside the allowed scopes', makeConversation(), FOREIGN, /outside the scopes/],
    ["a user of a tenant the bot does not serve", makeConversation({ tenantId: OTHER_TENANT }), PROD, /organizations it is set up for/],
  ])('%s: lookup, admission and Defender status are refused with the guard\'s sentence', async (_case, conversation, target, sentence) => {
    const { service, taken, handleFor } = setup();
    const handle = handleFor(conversation);
    const lookup = await handle.lookup(target);
    const admission = await handle.admit(target);
    const subscription = await handle.admitSubscription(target.split('/')[2]!);
    for (const decision of [lookup, admission, subscription]) {
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(sentence);
    }
    expect(calls(service)).toBe(0);
    expect(taken).toEqual([]);
  });

  test('a conversation that may not list is offered no workspace, and the listing is never asked for', async () => {
    const { service, handleFor } = setup();
    service.listError = new Error('the listing was read');
    expect(await handleFor(makeConversation({ tenantId: OTHER_TENANT })).listWorkspaces()).toEqual([]);
  });

  test('a spent budget refuses the scan before anything is collected', async () => {
    const { service, handleFor } = setup();
    const handle = handleFor();
    for (let i = 0; i < 2; i++) await (await admitted(handle, PROD)).scan({ selection: { kind: 'all' } });
    const refused = await handle.admit(PROD);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toMatch(/limit of 2 scans/);
    expect(service.requests).toHaveLength(2);
  });
});

async function admitted(handle: GuardedScanHandle, target: string): Promise<Extract<Awaited<ReturnType<GuardedScanHandle['admit']>>, { allowed: true }>> {
  const admission = await handle.admit(target);
  if (!admission.allowed) throw new Error(`expected ${target} to be admitted: ${admission.reason}`);
  return admission;
}

describe('allowed: exactly one call, one budget per scan', () => {
  test('an admitted scan collects its own target once and takes one scan from the budget', async () => {
    const { service, taken, handleFor } = setup();
    const admission = await admitted(handleFor(), PROD);
    expect(taken).toEqual([PROD]);
    expect(service.requests).toEqual([]);
    await admission.scan({ selection: { kind: 'checks', checkIds: ['AML-NET-001'] } });
    expect(service.requests.map((r) => [r.target, r.selection])).toEqual([[PROD, { kind: 'checks', checkIds: ['AML-NET-001'] }]]);
    expect(taken).toEqual([PROD]);
  });

  test('an admission serves one scan: a second scan needs a second admission and budget', async () => {
    const { service, handleFor } = setup();
    const admission = await admitted(handleFor(), PROD);
    await admission.scan({ selection: { kind: 'all' } });
    await expect(admission.scan({ selection: { kind: 'all' } })).rejects.toThrow(/one scan/);
    expect(service.requests).toHaveLength(1);
  });

  test('the sample is admitted without spending the budget', async () => {
    const { service, handleFor } = setup();
    const handle = handleFor();
    for (let i = 0; i < 5; i++) await (await admitted(handle, 'sample')).scan({ selection: { kind: 'all' } });
    expect(service.requests).toHaveLength(5);
    expect((await handle.admit(PROD)).allowed).toBe(true);
  });

  test('a lookup resolves once, and a match outside the scopes is reported as not found without naming it', async () => {
    const { service, taken, handleFor } = setup();
    service.resolution = { kind: 'found', workspace: ref(FOREIGN, 'mlw-prod') };
    const lookup = await handleFor().lookup('mlw-prod');
    if (!lookup.allowed) throw new Error(lookup.reason);
    const resolution = await lookup.resolve();
    expect(service.resolved).toEqual(['mlw-prod']);
    expect(resolution).toEqual({ kind: 'not_found', message: 'I found no workspace named "mlw-prod" that this conversation may scan.' });
    expect(taken).toEqual([]);
  });

  test("a subscription's Defender status is read once, for the GUID, after one scan is taken", async () => {
    const { service, taken, handleFor } = setup();
    const report: DefenderStatusReport = { subscription: `/subscriptions/${SUB}`, scannedAt: '2026-01-01T00:00:00Z', checkSetVersion: '1', findings: [], plans: [], openRecommendations: { ok: true, count: 0, top: [] } };
    service.defender = report;
    const admission = await handleFor().admitSubscription(SUB);
    if (!admission.allowed) throw new Error(admission.reason);
    expect(taken).toEqual([`/subscriptions/${SUB}`]);
    expect(await admission.defenderStatus()).toBe(report);
    expect(service.defenderAsked).toEqual([SUB]);
  });
});
