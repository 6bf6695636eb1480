import { ScanError } from '../../src/scan/scan-service';
import { createNotificationService, type NotificationServiceOptions } from '../../src/notifications/service';
import { dueSlot } from '../../src/notifications/scheduler';
import { MemoryBackend, MemoryGuardianStore } from '../../src/storage/memory-store';
import type { GuardianStore } from '../../src/storage/store';
import { CONVERSATION_ID, cardText, FakeClock, fakeServiceOptions, finding, RecordingSender, report, saveConversationRef, ScriptedScanService, SendError, WS_ID } from './helpers';
import { permissiveWatches, watchPrincipal } from '../support/permissive-watch-guard';

const DAY = 24 * 3600_000;
const CLEAN = report([finding('NET-1', 'pass'), finding('NET-2', 'fail')]);
const WORSE = report([finding('NET-1', 'fail'), finding('NET-2', 'fail')]);

function setup(script: ConstructorParameters<typeof ScriptedScanService>[0], overrides: Partial<NotificationServiceOptions> & { scanService?: ScriptedScanService } = {}, backend = new MemoryBackend(), clock = new FakeClock()) {
  const store: GuardianStore = overrides.store ?? new MemoryGuardianStore(clock.now, backend);
  const scanService = overrides.scanService ?? new ScriptedScanService(script);
  const sender = (overrides.sender as RecordingSender | undefined) ?? new RecordingSender();
  const service = createNotificationService({
    store,
    watches: permissiveWatches(scanService),
    sender,
    ...fakeServiceOptions(clock),
    ...overrides,
  });
  return { store, scanService, sender, service, clock, backend };
}

async function subscribe(ctx: ReturnType<typeof setup>, extra: { weeklyDigest?: boolean } = {}) {
  await saveConversationRef(ctx.store);
  const result = await ctx.service.subscribe({ conversationId: CONVERSATION_ID, userId: 'u1', userName: 'Ada', target: 'ws-prod', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: watchPrincipal(CONVERSATION_ID, 'u1'), ...extra });
  if (!result.ok) throw new Error(result.message);
  return result.subscription;
}

describe('notification service', () => {
  it('posts the baseline taken at subscribe, then exactly one card per change, and nothing when nothing changed', async () => {
    const ctx = setup([CLEAN, CLEAN, WORSE, WORSE, CLEAN]);
    await subscribe(ctx); // 07:00: the baseline scan
    expect(ctx.scanService.requests).toHaveLength(1);
    const first = await ctx.service.runPass();
    expect(first.scans).toEqual([]);
    expect(ctx.sender.sent).toHaveLength(1);
    expect(cardText(ctx.sender.sent[0]!.card)).toContain('Now watching ws-prod: 1 failing');

    expect((await ctx.service.runPass()).scans).toEqual([]); // not due again before 08:00
    ctx.clock.advance(3600_000); // 08:00: unchanged
    expect((await ctx.service.runPass()).scans.map((s) => s.outcome)).toEqual(['unchanged']);
    expect(ctx.sender.sent).toHaveLength(1);

    ctx.clock.advance(DAY); // changed
    expect((await ctx.service.runPass()).scans.map((s) => s.outcome)).toEqual(['changed']);
    expect(ctx.sender.sent).toHaveLength(2);
    expect(cardText(ctx.sender.sent[1]!.card)).toContain('ws-prod: 1 new finding');
    expect(ctx.sender.sent[1]!.text).toBe('ws-prod: 1 new finding');

    ctx.clock.advance(DAY); // same as last time
    await ctx.service.runPass();
    expect(ctx.sender.sent).toHaveLength(2);

    ctx.clock.advance(DAY); // fixed
    await ctx.service.runPass();
    expect(ctx.sender.sent).toHaveLength(3);
    expect(cardText(ctx.sender.sent[2]!.card)).toContain('ws-prod: 1 resolved');
    expect(ctx.scanService.requests).toHaveLength(5);
    expect(ctx.scanService.requests[0]).toEqual({ target: WS_ID, selection: { kind: 'all' } });
  });

  it('puts a re-scan button on change cards (Action.Execute with an Action.Submit fallback)', async () => {
    const ctx = setup([CLEAN, WORSE]);
    await subscribe(ctx);
    await ctx.service.runPass();
    ctx.clock.advance(DAY);
    await ctx.service.runPass();
    const actions = (ctx.sender.sent[1]!.card as unknown as { actions: unknown[] }).actions;
    expect(actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Re-scan now',
        verb: 'scan.rescan',
        data: { workspaceId: WS_ID },
        fallback: { type: 'Action.Submit', title: 'Re-scan now', data: { verb: 'scan.rescan', workspaceId: WS_ID } },
      },
    ]);
  });

  it('escapes text from Azure in cards', async () => {
    const hostile = report([finding('NET-1', 'fail', { title: '[click me](https://evil.example) **now** ${secret}' })]);
    const ctx = setup([hostile]);
    await subscribe(ctx);
    await ctx.service.runPass();
    const text = cardText(ctx.sender.sent[0]!.card);
    expect(text).not.toContain('[click me](https://evil.example)');
    expect(text).not.toContain('${secret}');
  });

  it('runs only missed slots once after downtime', () => {
    const sub = { enabled: true, createdAt: '2030-01-01T00:00:00.000Z', schedule: { cron: '0 */6 * * *', timezone: 'UTC' } } as Parameters<typeof dueSlot>[0];
    const state = { lastSlot: '2030-01-01T00:00:00.000Z', lastRunAt: '', runs: 1 };
    expect(dueSlot(sub, state, new Date('2030-01-01T05:59:00Z'))).toBeUndefined();
    expect(dueSlot(sub, state, new Date('2030-01-03T13:00:00Z'))).toBe('2030-01-03T12:00:00.000Z');
    expect(dueSlot(sub, undefined, new Date('2030-01-01T00:00:00Z'))).toBe('baseline:2030-01-01T00:00:00.000Z');
    expect(dueSlot({ ...sub, enabled: false }, undefined, new Date())).toBeUndefined();
  });

  it('with two instances on one store: one scan and one post per slot', async () => {
    const backend = new MemoryBackend();
    const clock = new FakeClock();
    const scanService = new ScriptedScanService([CLEAN, WORSE]);
    const sender = new RecordingSender();
    const a = setup([], { scanService, sender, instanceId: 'a' }, backend, clock);
    const b = setup([], { scanService, sender, instanceId: 'b' }, backend, clock);
    await subscribe(a); // the baseline scan
    const [pa, pb] = await Promise.all([a.service.runPass(), b.service.runPass()]);
    expect(scanService.requests).toHaveLength(1);
    expect(sender.sent).toHaveLength(1);
    expect([...pa.scans, ...pb.scans]).toEqual([]);
    clock.advance(DAY);
    await Promise.all([b.service.runPass(), a.service.runPass()]);
    expect(scanService.requests).toHaveLength(2);
    expect(sender.sent).toHaveLength(2);
  });

  it('does not post twice when a pass dies between enqueueing the card and recording the run', async () => {
    const backend = new MemoryBackend();
    const clock = new FakeClock();
    const base = new MemoryGuardianStore(clock.now, backend);
    let failRunState = false;
    const dying: GuardianStore = Object.assign(Object.create(base) as GuardianStore, {
      put: (key: string, value: unknown, ifMatch?: string) => {
        if (failRunState && key.startsWith('watch-state/')) {
          failRunState = false;
          return Promise.reject(new Error('process killed'));
        }
        return base.put(key, value, ifMatch);
      },
    });
    const before = setup([CLEAN, WORSE], { store: dying }, backend, clock);
    await subscribe(before);
    failRunState = true;
    clock.advance(3600_000); // 08:00: the change card is enqueued, then the process dies
    await expect(before.service.runPass()).rejects.toThrow('process killed');
    const after = setup([WORSE], { instanceId: 'restarted', sender: before.sender }, backend, clock);
    const summary = await after.service.runPass();
    expect(summary.scans).toEqual([expect.objectContaining({ outcome: 'changed', enqueued: 0 })]);
    expect(before.sender.sent.map((m) => m.text)).toEqual(['Now watching ws-prod.', 'ws-prod: 1 new finding']);
    expect((await after.service.runPass()).scans).toEqual([]);
  });

  it('posts a failed scan once, then the diff against the last good report when it recovers', async () => {
    const ctx = setup([CLEAN, new ScanError('forbidden', 'Missing Microsoft.MachineLearningServices/workspaces/read.'), new ScanError('forbidden', 'Missing Microsoft.MachineLearningServices/workspaces/read.'), WORSE]);
    await subscribe(ctx);
    await ctx.service.runPass();
    ctx.clock.advance(3600_000);
    expect((await ctx.service.runPass()).scans[0]?.outcome).toBe('scan-failed');
    ctx.clock.advance(DAY);
    expect((await ctx.service.runPass()).scans[0]?.outcome).toBe('scan-failed-again');
    ctx.clock.advance(DAY);
    expect((await ctx.service.runPass()).scans[0]?.outcome).toBe('changed');
    expect(ctx.sender.sent.map((m) => m.text)).toEqual(['Now watching ws-prod.', 'I could not scan ws-prod.', 'ws-prod: 1 new finding']);
  });

  it('sends a weekly digest when asked for one', async () => {
    const ctx = setup([CLEAN]);
    await subscribe(ctx, { weeklyDigest: true });
    await ctx.service.runPass();
    for (let day = 0; day < 8; day++) {
      ctx.clock.advance(DAY);
      await ctx.service.runPass();
    }
    expect(ctx.sender.sent.map((m) => m.text)).toEqual(['Now watching ws-prod.', 'Weekly digest for ws-prod.']);
  });

  it('stops scanning a subscription whose conversation refused a post (403)', async () => {
    const ctx = setup([CLEAN], { sender: new RecordingSender([new SendError(403, 'Forbidden', undefined, 'BotNotInConversationRoster')]) });
    await subscribe(ctx);
    const summary = await ctx.service.runPass();
    expect(summary.outbox.subscriptionsDisabled).toBe(1);
    ctx.clock.advance(DAY);
    await ctx.service.runPass();
    expect(ctx.scanService.requests).toHaveLength(1);
    const [sub] = await ctx.service.list(CONVERSATION_ID);
    expect(sub).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/403 BotNotInConversationRoster/) as unknown });
  });

  describe('subscribe / unsubscribe / list', () => {
    it('needs the conversation reference the bot saved', async () => {
      const ctx = setup([CLEAN]);
      const result = await ctx.service.subscribe({ conversationId: 'unknown', userId: 'u', target: 'ws-prod', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: watchPrincipal('unknown', 'u') });
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/do not know how to reach this conversation/) as unknown });
    });

    it('refuses ambiguous and unknown workspaces with the scan service’s answer', async () => {
      const ctx = setup([CLEAN]);
      await saveConversationRef(ctx.store);
      const base = { conversationId: CONVERSATION_ID, userId: 'u', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: watchPrincipal(CONVERSATION_ID, 'u') };
      expect(await ctx.service.subscribe({ ...base, target: 'ws-dup' })).toEqual({ ok: false, message: expect.stringMatching(/matches several workspaces: ws-prod \(rg-ml\), ws-prod \(rg-other\)/) as unknown });
      expect(await ctx.service.subscribe({ ...base, target: 'nope' })).toEqual({ ok: false, message: 'No workspace named nope.' });
    });

    it('records who set it up, updates on a second watch, and removes on unwatch', async () => {
      const ctx = setup([CLEAN]);
      const sub = await subscribe(ctx);
      expect(sub).toMatchObject({ conversationId: CONVERSATION_ID, workspace: { id: WS_ID, name: 'ws-prod' }, createdBy: { userId: 'u1', name: 'Ada' }, enabled: true });
      const again = await ctx.service.subscribe({ conversationId: CONVERSATION_ID, userId: 'u2', target: WS_ID, schedule: { cron: '0 */6 * * *', timezone: 'UTC' }, principal: watchPrincipal(CONVERSATION_ID, 'u2') });
      expect(again).toMatchObject({ ok: true, created: false, subscription: { id: sub.id, createdAt: sub.createdAt, schedule: { cron: '0 */6 * * *' } } });
      expect(await ctx.service.list(CONVERSATION_ID)).toHaveLength(1);
      expect(await ctx.service.unsubscribe('other-conversation', 'ws-prod')).toEqual([]);
      expect((await ctx.service.unsubscribe(CONVERSATION_ID, 'WS-PROD')).map((s) => s.id)).toEqual([sub.id]);
      expect(await ctx.service.list()).toEqual([]);
    });
  });

  it('start() and stop() run the timer without overlapping passes', async () => {
    const ctx = setup([CLEAN], { timerCron: '* * * * * *' }); // every second (seconds field) for the test
    await subscribe(ctx);
    ctx.service.start();
    ctx.service.start(); // idempotent
    while (ctx.sender.sent.length === 0) await new Promise((r) => setTimeout(r, 20));
    await ctx.service.stop();
    expect(ctx.scanService.requests).toHaveLength(1);
  });
});
