/**
 * Who may page through a scan's results and open its details: they are re-authorised on every card action (a
 * team binding changed since the scan counts), and in user-delegated mode they belong to the user who scanned —
 * what that user's Azure rights could read is not for the rest of the conversation.
 */
import type { CardAction } from '../../src/dialogs/feature';
import type { ConversationInfo } from '../../src/dialogs/port';
import { createScanFeature, SOMEONE_ELSES_SCAN, type ScanFeatureOptions } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import { lookupFrom } from '../../src/report/catalog';
import { createChannelBindings } from '../../src/security/channel-binding';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard } from '../../src/security/scan-guard';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { smallReport, SUB, WORKSPACE_ID } from '../support/report-fixtures';
import { cardText, FakePort, FakeScanService, ref } from './scan-fakes';
import { offer } from '../support/conversation';

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const { report, checks } = smallReport();
const failing = report.findings[1]!;
const ids = { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID };

function member(userId: string): ConversationInfo {
  return { conversationId: '19:chan@thread.tacv2', conversationType: 'channel', tenantId: TENANT, userId, userName: userId, teamId: '19:team@thread.tacv2', channelId: '19:chan@thread.tacv2' };
}

function setup(extra: Partial<ScanFeatureOptions> = {}) {
  const store = new MemoryGuardianStore();
  const bindings = createChannelBindings(store);
  const authorizer = createScanAuthorizer({ allowedScopes: [`/subscriptions/${SUB}`], allowedTenants: [], botTenantId: TENANT, localMode: false, bindings, sampleSubscriptionIds: [], ...(extra.userScopedResults === true ? { userDelegated: true } : {}) });
  const guard = createScanGuard(authorizer, createScanRateLimiter({ store }));
  const service = new FakeScanService(report);
  service.resolution = { kind: 'found', workspace: ref(WORKSPACE_ID, 'ws-prod') };
  const feature = createScanFeature({ scans: createGuardedScans(service, guard), checks: lookupFrom(checks), store, ...extra });
  const act = (port: FakePort, verb: string, data: Record<string, unknown>) => feature.onAction!(port, { verb, data, via: 'execute' } satisfies CardAction);
  const scanAs = (port: FakePort) => offer(feature, port, { text: 'scan ws-prod', route: { intent: 'check', check: 'all', target: WORKSPACE_ID, confidence: 1 } });
  return { bindings, act, scanAs, feature, service };
}

const page = { ...ids, page: 0 };
const detail = { ...ids, checkId: failing.checkId, resourceId: failing.resourceId };

test('in user-delegated mode only the user who scanned can page through the results or open a finding', async () => {
  const { act, scanAs } = setup({ userScopedResults: true });
  const ada = new FakePort(member('ada'));
  const bob = new FakePort(member('bob'));
  await scanAs(ada);
  for (const data of [page, detail]) {
    expect(await act(bob, data === page ? 'scan.page' : 'scan.detail', data)).toEqual({ kind: 'text', text: SOMEONE_ELSES_SCAN });
  }
  const own = await act(ada, 'scan.detail', detail);
  expect(own.kind).toBe('card');
  if (own.kind === 'card') expect(cardText(own.card)).toContain(failing.message);
});

test('with the bot identity anyone in the conversation may page through its last scan', async () => {
  const { act, scanAs } = setup();
  await scanAs(new FakePort(member('ada')));
  expect((await act(new FakePort(member('bob')), 'scan.page', page)).kind).toBe('card');
});

test('paging is authorised again: a team linked elsewhere since the scan sees nothing more of it', async () => {
  const { act, scanAs, bindings } = setup();
  const ada = new FakePort(member('ada'));
  await scanAs(ada);
  expect((await act(ada, 'scan.page', page)).kind).toBe('card');
  await bindings.add(member('ada'), `/subscriptions/${SUB}/resourceGroups/rg-elsewhere`, 'owner');
  for (const [verb, data] of [['scan.page', page], ['scan.detail', detail]] as const) {
    const answer = await act(ada, verb, data);
    expect(answer.kind).toBe('text');
    if (answer.kind === 'text') expect(answer.text).not.toContain(failing.message);
  }
});

describe('a check request that names no workspace', () => {
  const scoreQuestion = { text: "what's my score?", route: { intent: 'check', check: 'all', confidence: 1 } } as const;

  test('re-scans the workspace of the last scan, saying so, with the choice of another workspace on the same card', async () => {
    const { scanAs, feature, service } = setup();
    const ada = new FakePort(member('ada'));
    await scanAs(ada);
    const before = service.requests.length;
    const sentBefore = ada.sent().length;
    await offer(feature, ada, scoreQuestion);
    expect(service.requests.slice(before).map((r) => r.target)).toEqual([WORKSPACE_ID]);
    const announcement = ada.sent()[sentBefore]!;
    expect(cardText(announcement)).toContain('Your last scan of ws-prod');
    expect(JSON.stringify(announcement)).toContain('scan.run');
    expect(cardText(announcement)).not.toMatch(/Which workspace\?/);
  });

  test("asks which workspace when the last scan is another user's in user-delegated mode", async () => {
    const { scanAs, feature, service } = setup({ userScopedResults: true });
    await scanAs(new FakePort(member('ada')));
    const bob = new FakePort(member('bob'));
    const before = service.requests.length;
    await offer(feature, bob, scoreQuestion);
    expect(service.requests.length).toBe(before);
    expect(cardText(bob.sent()[0]!)).toContain('Which workspace?');
  });
});
