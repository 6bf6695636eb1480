/**
 * The guarded watches handle, the only way notifications and change re-checks reach Azure: a refused admission
 * lets nothing through to the scan service (not even a name lookup when the target itself is refused), and an
 * admitted one allows exactly one scan, of the workspace it admitted, by its id. The guard is the product's (real
 * authorizer, bindings and budgets); the scan service is a recorder.
 */
import type { ConversationInfo } from '../../src/dialogs/port';
import type { ScanRequest } from '../../src/scan/scan-service';
import type { Resolution } from '../../src/shared/workspace';
import { createChannelBindings } from '../../src/security/channel-binding';
import { createGuardedWatches, type WatchScanSource } from '../../src/security/guarded-watches';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard } from '../../src/security/scan-guard';
import { createWatchGuard, UNKNOWN_PRINCIPAL } from '../../src/security/watch-guard';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { CONVERSATION_ID, finding, report, WORKSPACE } from '../notifications/helpers';

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const TEN_MINUTES = 600_000;
const inChannel = (tenantId = TENANT): ConversationInfo => ({ conversationId: CONVERSATION_ID, conversationType: 'channel', tenantId, userId: 'aad-ada', userName: 'Ada', teamId: '19:team@thread.tacv2', channelId: CONVERSATION_ID });

/** Records every call that would reach Azure. */
class RecordingSource implements WatchScanSource {
  readonly scans: ScanRequest[] = [];
  readonly lookups: string[] = [];
  /** An id resolves to itself; a name to `named`. */
  constructor(private readonly named: Resolution = { kind: 'found', workspace: WORKSPACE }) {}
  scan(request: ScanRequest) {
    this.scans.push(request);
    return Promise.resolve(report([finding('N-1', 'fail')]));
  }
  resolve(target: string) {
    this.lookups.push(target);
    return Promise.resolve(target === WORKSPACE.id ? { kind: 'found' as const, workspace: WORKSPACE } : this.named);
  }
}

function setup(options: { perUser?: number; named?: Resolution } = {}) {
  const store = new MemoryGuardianStore();
  const bindings = createChannelBindings(store);
  const authorizer = createScanAuthorizer({ allowedScopes: [`/subscriptions/${WORKSPACE.subscriptionId}`], allowedTenants: [], botTenantId: TENANT, localMode: false, bindings, sampleSubscriptionIds: [] });
  const limits = { perUser: { capacity: options.perUser ?? 5, refillMs: TEN_MINUTES }, perConversation: { capacity: 10, refillMs: TEN_MINUTES }, perTenant: { capacity: 50, refillMs: TEN_MINUTES } };
  const source = new RecordingSource(options.named);
  const watches = createGuardedWatches(source, createWatchGuard(createScanGuard(authorizer, createScanRateLimiter({ store, limits, now: () => 1_000 }))));
  return { source, watches, bindings };
}

describe('subscribe', () => {
  test('a tenant the bot does not serve is refused before any name lookup or scan', async () => {
    const { source, watches } = setup();
    const admission = await watches.admitSubscribe('ws-prod', inChannel('00000000-0000-0000-0000-0000000000bb'));
    expect(admission.kind).toBe('refused');
    expect(source.lookups).toEqual([]);
    expect(source.scans).toEqual([]);
  });

  test('a workspace id outside the team binding is refused with the guard sentence and reaches nothing', async () => {
    const { source, watches, bindings } = setup();
    await bindings.add(inChannel(), `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/rg-elsewhere`, 'owner');
    const admission = await watches.admitSubscribe(WORKSPACE.id, inChannel());
    expect(admission).toEqual({ kind: 'refused', reason: expect.stringMatching(/linked|outside|not allowed/i) as unknown });
    expect(source.lookups).toEqual([]);
    expect(source.scans).toEqual([]);
  });

  test('over the budget, the name is looked up but nothing is scanned', async () => {
    const { source, watches } = setup({ perUser: 1 });
    expect((await watches.admitSubscribe('ws-prod', inChannel())).kind).toBe('admitted');
    const second = await watches.admitSubscribe('ws-prod', inChannel());
    expect(second).toEqual({ kind: 'refused', reason: expect.stringMatching(/limit of 1 scans/) as unknown });
    expect(source.scans).toEqual([]);
  });

  test('a name matching several workspaces is answered with them and charges nothing', async () => {
    const other = { ...WORKSPACE, id: `${WORKSPACE.id}-2`, name: 'ws-prod-2' };
    const { source, watches } = setup({ perUser: 1, named: { kind: 'ambiguous', candidates: [WORKSPACE, other] } });
    const admission = await watches.admitSubscribe('ws', inChannel());
    expect(admission).toEqual({ kind: 'ambiguous', candidates: [WORKSPACE, other] });
    expect((await watches.admitSubscribe(WORKSPACE.id, inChannel())).kind).toBe('admitted'); // the one scan is still there
    expect(source.scans).toEqual([]);
  });

  test('an admitted name allows one scan, of the workspace it resolved to, by its id', async () => {
    const { source, watches } = setup();
    const admission = await watches.admitSubscribe('ws-prod', inChannel());
    if (admission.kind !== 'admitted') throw new Error(`not admitted: ${admission.kind}`);
    expect(admission.workspace).toEqual(WORKSPACE);
    await admission.scan({ kind: 'all' });
    await expect(admission.scan({ kind: 'all' })).rejects.toThrow(/one scan/);
    expect(source.scans).toEqual([{ target: WORKSPACE.id, selection: { kind: 'all' } }]);
  });
});

describe('a run of a stored watch', () => {
  test('a team linked elsewhere since revokes the run with the guard sentence, and nothing is scanned', async () => {
    const { source, watches, bindings } = setup();
    await bindings.add(inChannel(), `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/rg-elsewhere`, 'owner');
    const run = await watches.admitRun(WORKSPACE.id, inChannel());
    expect(run).toEqual({ kind: 'revoke', reason: expect.stringMatching(/linked|outside|not allowed/i) as unknown });
    expect(source.scans).toEqual([]);
  });

  test('a watch saved without who set it up is revoked, and nothing is scanned', async () => {
    const { source, watches } = setup();
    expect(await watches.admitRun(WORKSPACE.id, undefined)).toEqual({ kind: 'revoke', reason: UNKNOWN_PRINCIPAL });
    expect(source.scans).toEqual([]);
  });

  test('over the budget the run is skipped, not revoked, and nothing is scanned', async () => {
    const { source, watches } = setup({ perUser: 1 });
    expect((await watches.admitRun(WORKSPACE.id, inChannel())).kind).toBe('run');
    expect((await watches.admitRun(WORKSPACE.id, inChannel())).kind).toBe('skip');
    expect(source.scans).toEqual([]);
  });

  test('an admitted run allows one scan of the stored workspace, with the selection asked for', async () => {
    const { source, watches } = setup();
    const run = await watches.admitRun(WORKSPACE.id, inChannel());
    if (run.kind !== 'run') throw new Error(`not admitted: ${run.kind}`);
    await run.scan({ kind: 'checks', checkIds: ['AML-NET-010'] });
    await expect(run.scan({ kind: 'all' })).rejects.toThrow(/one scan/);
    expect(source.scans).toEqual([{ target: WORKSPACE.id, selection: { kind: 'checks', checkIds: ['AML-NET-010'] } }]);
  });
});
