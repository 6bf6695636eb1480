/**
 * The Activity Log edge: records shaped like the spec's own example (ActivityLogs_List, 2015-04-01) become
 * change events with their caller; what is not a succeeded change is left out; the sample server's log validates
 * against the vendored contract.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonReader } from '../../src/azure/parse/json-reader';
import { activityLogPath, parseActivityLogRecord, readActivityLog } from '../../src/azure/activity-log';
import { describeCaller } from '../../src/shared/change-event';
import { SPEC_ROOT, ArmContract } from '../contract/arm-contract';
import { startTestArm, type TestArm } from '../support/fake-arm';
import { HARDENED_IDS } from '../support/sample-mutations';

const EXAMPLE = 'specification/monitor/resource-manager/Microsoft.Insights/stable/2015-04-01/examples/GetActivityLogsFiltered.json';

function exampleRecord(): Record<string, unknown> {
  const parsed = JSON.parse(readFileSync(join(SPEC_ROOT, EXAMPLE), 'utf8')) as { responses: { '200': { body: { value: Record<string, unknown>[] } } } };
  const record = parsed.responses['200'].body.value[0];
  if (record === undefined) throw new Error('the example has no record');
  return record;
}

const parse = (record: Record<string, unknown>): ReturnType<typeof parseActivityLogRecord> => parseActivityLogRecord(JsonReader.of(record, 'record'));

describe('Activity Log records', () => {
  it('turns a succeeded write into a change naming the resource, the operation, the time and the person', () => {
    const record = exampleRecord();
    const event = parse(record);
    expect(event).toEqual({
      id: record.eventDataId,
      resourceId: (record.authorization as { scope: string }).scope,
      operation: 'microsoft.support/supporttickets/write',
      time: new Date(String(record.eventTimestamp)).toISOString(),
      caller: { kind: 'user', upn: 'admin@contoso.com', displayName: 'John Smith' },
      source: 'activity-log',
      correlationId: record.correlationId,
    });
  });

  it('uses the authorization scope when a record has no resourceId, as the spec example does', () => {
    const record = exampleRecord();
    expect(record.resourceId).toBeUndefined();
    expect(parse(record)?.resourceId).toBe((record.authorization as { scope: string }).scope);
  });

  it('names a service principal by its app id when the token has no UPN', () => {
    const record = exampleRecord();
    const claims = { ...(record.claims as Record<string, string>) };
    delete claims['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'];
    delete claims.name;
    const event = parse({ ...record, caller: '6f1e3b2a-0000-4000-8000-00000000aaaa', claims });
    expect(event?.caller).toEqual({ kind: 'app', appId: claims.appid });
    expect(describeCaller(event!.caller)).toBe(`app ${claims.appid}`);
  });

  it.each([
    ['a Started record of the same operation', { status: { value: 'Started' } }],
    ['a failed write', { status: { value: 'Failed' } }],
    ['a read', { operationName: { value: 'Microsoft.Storage/storageAccounts/read' } }],
    ['a record without an event id', { eventDataId: undefined }],
    ['a record with an unreadable time', { eventTimestamp: 'yesterday' }],
  ])('leaves out %s', (_, change) => {
    expect(parse({ ...exampleRecord(), ...change })).toBeUndefined();
  });
});

describe('the sample server Activity Log', () => {
  let test: TestArm;
  beforeAll(async () => {
    test = await startTestArm({ pageSize: 2 });
  });
  afterAll(() => test.close());

  it('records a PATCH with its caller and answers the subscription window, paged, in the contract shape', async () => {
    const contract = ArmContract.load();
    const bodies: unknown[] = [];
    const subscriptionId = HARDENED_IDS.subscription.split('/')[2]!;
    for (let i = 0; i < 3; i++) test.arm.write(HARDENED_IDS.storageAccount, { minimumTlsVersion: i % 2 === 0 ? 'TLS1_0' : 'TLS1_2' }, { name: 'Ada Lovelace', upn: 'ada@contoso.com' });
    const from = new Date(Date.now() - 60_000);
    const events = await readActivityLog(test.clients.raw, subscriptionId, { from, to: new Date(Date.now() + 1_000) }, AbortSignal.timeout(10_000));
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(events[0]).toMatchObject({ resourceId: HARDENED_IDS.storageAccount, operation: 'Microsoft.Storage/storageAccounts/write', caller: { kind: 'user', displayName: 'Ada Lovelace', upn: 'ada@contoso.com' } });
    // Two pages of two: the window's filter travels with the next link.
    const pages = test.arm.requests.filter((r) => r.path.toLowerCase() === activityLogPath(subscriptionId).toLowerCase());
    expect(pages).toHaveLength(2);
    for (const record of test.arm.activityLog.list(subscriptionId, `eventTimestamp ge '${from.toISOString()}' and eventTimestamp le '${new Date(Date.now() + 1_000).toISOString()}'`) ?? []) bodies.push(record);
    const operation = contract.find('GET', activityLogPath(subscriptionId), '2015-04-01');
    expect(operation?.operationId).toBe('ActivityLogs_List');
    expect(contract.validate(operation!, { value: bodies })).toEqual([]);
  });

  it('refuses a filter the API does not accept, as ARM does', async () => {
    const subscriptionId = HARDENED_IDS.subscription.split('/')[2]!;
    await expect(test.clients.raw.list(activityLogPath(subscriptionId), '2015-04-01', AbortSignal.timeout(10_000), { $filter: "resourceUri eq 'x'" })).rejects.toMatchObject({ statusCode: 400 });
  });
});
