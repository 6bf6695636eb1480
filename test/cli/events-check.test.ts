/**
 * `guardian events` checks the push path read by read, over the ARM stand-in serving the official Event Grid and
 * Storage examples: the queues are checked whatever the topic's state, a refused read is "cannot check" (naming the
 * permission and the role), not missing, and the pull path names the interval the bot it is for would poll at.
 */
import { createArmClients } from '../../src/azure/clients';
import { loadConfig } from '../../src/config';
import { checkEventSetup, type SetupCheck } from '../../src/cli/events-check';
import { pollIntervalText, renderEventsText } from '../../src/cli/events';
import { planEventSetup, type EventSetupPlan } from '../../src/events/setup-plan';
import { EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE_ID, startArmStandIn, type ArmStandIn } from '../support/arm-stand-in';
import { fakeCredential, FAST_RETRY } from '../support/fake-arm';

const QUEUE_ACCOUNT = `${EXAMPLE_WORKSPACE_ID.split('/providers/')[0]!}/providers/Microsoft.Storage/storageAccounts/stguardianchanges`;
const BOT_ID = '00000000-0000-0000-0000-0000000000b0';

let arm: ArmStandIn;
beforeAll(async () => {
  arm = await startArmStandIn();
});
afterAll(() => arm.close());
beforeEach(() => arm.reset());

const plan: EventSetupPlan = planEventSetup(EXAMPLE_WORKSPACE_ID, [], 'guardian-changes');
const check = (queueAccountId?: string): Promise<SetupCheck[]> => {
  const { raw } = createArmClients({ credential: fakeCredential, endpoint: arm.endpoint, ca: arm.caPem, retry: FAST_RETRY });
  return checkEventSetup(raw, plan, queueAccountId, AbortSignal.timeout(30_000));
};
const states = (checks: readonly SetupCheck[]): [string, string][] => checks.map((c) => [c.item.split(' ')[0] ?? '', c.state]);

describe('the push path check', () => {
  test('checks both queues when the subscription has no resource-change topic', async () => {
    const checks = await check(QUEUE_ACCOUNT);
    expect(states(checks)).toEqual([
      ['system', 'missing'],
      ['queue', 'ok'],
      ['queue', 'ok'],
    ]);
    expect(arm.requests.filter((r) => /\/queueservices\/default\/queues\//i.test(r.path))).toHaveLength(2);
  });

  test('checks both queues when the topics cannot be read, and calls the topic "cannot check" with the permission and role', async () => {
    arm.fault(/\/systemtopics$/, { status: 403 });
    const checks = await check(QUEUE_ACCOUNT);
    expect(states(checks)).toEqual([
      ['system', 'cannot check'],
      ['queue', 'ok'],
      ['queue', 'ok'],
    ]);
    expect(checks[0]).toMatchObject({ ok: false, detail: `this identity needs Microsoft.EventGrid/systemTopics/read (the Reader role on subscription ${EXAMPLE_SUBSCRIPTION} has it)` });
    const text = renderEventsText(plan, loadConfig({}), checks);
    expect(text).toMatch(/CANNOT CHECK\s+system topic for the resource changes/);
    expect(text).not.toContain('MISSING');
  });

  test('a refused queue read is "cannot check" too, a missing queue is missing', async () => {
    arm.fault(/\/queues\/guardian-changes$/, { status: 403 });
    arm.fault(/\/queues\/guardian-changes-poison$/, { status: 404, body: { error: { code: 'QueueNotFound', message: 'The specified queue does not exist.' } } });
    const checks = await check(QUEUE_ACCOUNT);
    expect(states(checks).slice(1)).toEqual([
      ['queue', 'cannot check'],
      ['queue', 'missing'],
    ]);
    expect(checks[1]!.detail).toMatch(/the Reader role on storage account .*stguardianchanges has it/);
  });
});

describe('the pull path interval', () => {
  test('is the deployed default (60 s) when this configuration is not the bot\'s and sets none', () => {
    const text = pollIntervalText(loadConfig({}));
    expect(text).toMatch(/^every 60 s /);
    expect(text).not.toMatch(/^every 5 s/);
  });

  test('is the configured interval when one is set, or when the configuration is the bot\'s', () => {
    expect(pollIntervalText(loadConfig({ GUARDIAN_CHANGE_POLL_SECONDS: '120' }))).toMatch(/^every 120 s /);
    expect(pollIntervalText(loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' }))).toMatch(/^every 60 s /);
    expect(pollIntervalText(loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47', GUARDIAN_CHANGE_POLL_SECONDS: '30' }))).toMatch(/^every 30 s /);
  });
});
