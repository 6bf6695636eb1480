/**
 * The Activity Log poller against the sample ARM server: one request per watched subscription per interval, a
 * watermark that survives a restart, late events caught by the overlap and delivered once, and a 403 that names
 * the missing permission once and leaves the subscription to the scheduled scans.
 */
import { activityLogPath, activityLogReader, ACTIVITY_LOG_PERMISSION } from '../../src/azure/activity-log';
import { createActivityLogPoller, type ActivityLogPollerOptions, type ActivityLogReader } from '../../src/events/activity-log-poller';
import { silentLogger } from '../../src/logging';
import type { ChangeEvent } from '../../src/shared/change-event';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { GuardianStore } from '../../src/storage/store';
import { startTestArm, type TestArm } from '../support/fake-arm';
import { HARDENED_IDS, LAB_IDS } from '../support/sample-mutations';

const HARDENED_SUB = HARDENED_IDS.subscription.split('/')[2]!;
const LAB_SUB = LAB_IDS.subscription.split('/')[2]!;
const ADA = { name: 'Ada Lovelace', upn: 'ada@contoso.com' };

function poller(store: GuardianStore, read: ActivityLogReader, extra: Partial<ActivityLogPollerOptions> = {}): ReturnType<typeof createActivityLogPoller> {
  return createActivityLogPoller({ store, read, watchedSubscriptions: () => Promise.resolve([HARDENED_SUB, LAB_SUB]), intervalMs: 60_000, logger: silentLogger(), instanceId: 'a', ...extra });
}

function collector(): { sink: (events: readonly ChangeEvent[]) => Promise<void>; events: ChangeEvent[] } {
  const events: ChangeEvent[] = [];
  return { events, sink: (batch) => Promise.resolve(void events.push(...batch)) };
}

const activityRequests = (test: TestArm): number => test.arm.requests.filter((r) => /\/eventtypes\/management\/values$/i.test(r.path)).length;

describe('the Activity Log poller', () => {
  let test: TestArm;
  beforeEach(async () => {
    test = await startTestArm();
  });
  afterEach(() => test.close());

  it('delivers a change once, with its caller, and reads each watched subscription once per idle interval', async () => {
    const store = createMemoryStore();
    const source = poller(store, activityLogReader(test.clients.raw));
    const first = collector();
    expect((await source.pollOnce(first.sink)).polled).toBe(2);
    expect(first.events).toEqual([]);

    test.arm.write(HARDENED_IDS.storageAccount, { publicNetworkAccess: 'Enabled' }, ADA);
    test.arm.resetLog();
    const second = collector();
    const summary = await source.pollOnce(second.sink);
    expect(second.events).toHaveLength(1);
    expect(second.events[0]).toMatchObject({ resourceId: HARDENED_IDS.storageAccount, caller: { kind: 'user', upn: ADA.upn, displayName: ADA.name } });
    expect(summary).toMatchObject({ polled: 2, delivered: 1 });
    expect(activityRequests(test)).toBe(2);

    // The next window overlaps the last one: the same event comes back and is not delivered again.
    const third = collector();
    expect(await source.pollOnce(third.sink)).toMatchObject({ delivered: 0, duplicates: 1 });
    expect(third.events).toEqual([]);
  });

  it('keeps its watermark in the store, so a restarted instance does not deliver old events again', async () => {
    const store = createMemoryStore();
    test.arm.write(HARDENED_IDS.keyVault, { publicNetworkAccess: 'Enabled' }, ADA);
    const before = collector();
    await poller(store, activityLogReader(test.clients.raw)).pollOnce(before.sink);
    expect(before.events).toHaveLength(1);
    const after = collector();
    await poller(store, activityLogReader(test.clients.raw), { instanceId: 'b' }).pollOnce(after.sink);
    expect(after.events).toEqual([]);
  });

  it('asks for the window from the watermark minus the overlap, so an event published late is still delivered', async () => {
    let clock = Date.parse('2030-01-01T10:00:00Z');
    const windows: { from: Date; to: Date }[] = [];
    const published: ChangeEvent[] = [];
    const read: ActivityLogReader = (_sub, window) => {
      windows.push(window);
      return Promise.resolve({ kind: 'events', events: published.filter((e) => Date.parse(e.time) >= window.from.getTime() && Date.parse(e.time) <= window.to.getTime()) });
    };
    const store = createMemoryStore();
    const source = poller(store, read, { now: () => clock, overlapMs: 5 * 60_000, watchedSubscriptions: () => Promise.resolve([HARDENED_SUB]) });
    const seen = collector();
    await source.pollOnce(seen.sink);
    clock += 60_000;
    // Happened before the last poll, published only now.
    published.push({ id: 'late-1', resourceId: HARDENED_IDS.storageAccount, operation: 'Microsoft.Storage/storageAccounts/write', time: new Date(clock - 90_000).toISOString(), caller: { kind: 'unknown' }, source: 'test' });
    await source.pollOnce(seen.sink);
    clock += 60_000;
    await source.pollOnce(seen.sink);
    expect(seen.events.map((e) => e.id)).toEqual(['late-1']);
    expect(windows[1]!.from.toISOString()).toBe(new Date(Date.parse('2030-01-01T10:00:00Z') - 5 * 60_000).toISOString());
  });

  it('names the missing permission once on a 403, then leaves the subscription to the scheduled scans', async () => {
    const warnings: string[] = [];
    const logger = silentLogger();
    logger.warn = ((_obj: unknown, message: string) => void warnings.push(message)) as typeof logger.warn;
    test.arm.inject({ pathPattern: activityLogPath(HARDENED_SUB), status: 403, code: 'AuthorizationFailed' });
    const store = createMemoryStore();
    const source = poller(store, activityLogReader(test.clients.raw), { logger });
    expect(await source.pollOnce(collector().sink)).toMatchObject({ forbidden: 1, polled: 2 });
    test.arm.resetLog();
    expect(await source.pollOnce(collector().sink)).toMatchObject({ forbidden: 0, polled: 1, skipped: 1 });
    expect(activityRequests(test)).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(ACTIVITY_LOG_PERMISSION);
    expect(warnings[0]).toContain('scheduled scans');
  });

  it('lets one instance poll a subscription per interval when several share the store', async () => {
    const store = createMemoryStore();
    const a = poller(store, activityLogReader(test.clients.raw), { instanceId: 'a' });
    const b = poller(store, activityLogReader(test.clients.raw), { instanceId: 'b' });
    await a.pollOnce(collector().sink);
    expect(await b.pollOnce(collector().sink)).toMatchObject({ polled: 0, skipped: 2 });
  });
});
