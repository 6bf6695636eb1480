/**
 * `guardian events` as a user runs it (the built package, environment only), against the ARM stand-in serving the
 * official Event Grid and Storage examples: it prints the deployment for the workspace (subject prefixes for the
 * workspace's resource group and its linked storage account's, which the example puts elsewhere), then checks
 * what exists — nothing, all of it, a filter that misses an event type and a provider, a read it may not make.
 */
import { exampleBody, member, text } from '../support/arm-example';
import { EXAMPLE_FILES, EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE, EXAMPLE_WORKSPACE_ID } from '../support/arm-stand-in';
import { runNode, STACK_TRACE, useBuiltPackage } from '../support/entry-point';

jest.setTimeout(120_000);

const world = useBuiltPackage();
beforeEach(() => world.arm.reset());

const SUBSCRIPTION = `/subscriptions/${EXAMPLE_SUBSCRIPTION}`;
const WORKSPACE_GROUP = EXAMPLE_WORKSPACE_ID.split('/providers/')[0]!;
const STORAGE_GROUP = text(member(EXAMPLE_WORKSPACE, 'properties'), 'storageAccount').split('/providers/')[0]!;
const QUEUE_ACCOUNT = `${WORKSPACE_GROUP}/providers/Microsoft.Storage/storageAccounts/stguardianchanges`;
const TYPES = ['Microsoft.Resources.ResourceWriteSuccess', 'Microsoft.Resources.ResourceDeleteSuccess', 'Microsoft.Resources.ResourceActionSuccess'];

function events(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  return runNode('bin/guardian.js', ['events', ...args], world.around.env(world.arm, env));
}

/** The official system topic example, made the subscription's own resource-change topic. */
function subscriptionTopic() {
  const list = exampleBody(EXAMPLE_FILES.systemTopics);
  const [topic] = list.value as Record<string, unknown>[];
  return { value: [{ ...topic, properties: { ...(topic!.properties as object), source: SUBSCRIPTION, topicType: 'Microsoft.Resources.Subscriptions' } }] };
}

/** The official event subscription example, delivering `types` under `prefixes` to the guardian queue. */
function toQueue(types: readonly string[], prefixes: readonly string[]) {
  const body = exampleBody(EXAMPLE_FILES.systemTopicEventSubscription);
  const properties = member(body, 'properties');
  return {
    value: [
      {
        ...body,
        properties: {
          ...properties,
          destination: { endpointType: 'StorageQueue', properties: { resourceId: QUEUE_ACCOUNT, queueName: 'guardian-changes' } },
          filter: { includedEventTypes: types, advancedFilters: [{ operatorType: 'StringBeginsWith', key: 'subject', values: prefixes }] },
        },
      },
    ],
  };
}

const ok200 = (body: unknown) => ({ status: 200, body });

describe('guardian events, built, against ARM', () => {
  it('prints the deployment with the workspace\'s subject prefixes, and reports the push path missing (exit 1)', async () => {
    const run = await events([EXAMPLE_WORKSPACE_ID]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('az deployment group create');
    expect(run.stdout).toContain('infra/change-events.bicep');
    expect(run.stdout).toContain(`${WORKSPACE_GROUP}/`);
    expect(run.stdout).toContain(`${STORAGE_GROUP}/`);
    expect(run.stdout).toContain(`${SUBSCRIPTION}/providers/Microsoft.Authorization/`);
    expect(run.stdout).toContain('GUARDIAN_EVENTS_QUEUE=guardian-changes');
    expect(run.stdout).toContain('Storage Queue Data Message Processor on guardian-changes and Storage Queue Data Message Sender on guardian-changes-poison');
    expect(run.stdout).toMatch(/MISSING\s+system topic for the resource changes of subscription .*: none/);
    const paths = world.arm.requests.map((r) => r.path.toLowerCase());
    expect(paths).toEqual([EXAMPLE_WORKSPACE_ID.toLowerCase(), `${SUBSCRIPTION}/providers/microsoft.eventgrid/systemtopics`.toLowerCase()]);
  });

  it('finds the topic, an event subscription covering every prefix and both queues (exit 0)', async () => {
    world.arm.fault(/\/systemtopics$/, ok200(subscriptionTopic()));
    world.arm.fault(/\/eventsubscriptions$/, ok200(toQueue(TYPES, [`${SUBSCRIPTION}/`])));
    const run = await events([EXAMPLE_WORKSPACE_ID, '--queue-account', QUEUE_ACCOUNT, '--format', 'json']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const result = JSON.parse(run.stdout) as { checks: { item: string; ok: boolean }[] };
    expect(result.checks.map((c) => [c.item, c.ok])).toEqual([
      [`system topic for the resource changes of subscription ${EXAMPLE_SUBSCRIPTION}`, true],
      ['event subscription delivering changes to queue guardian-changes', true],
      [`queue guardian-changes in ${QUEUE_ACCOUNT}`, true],
      [`queue guardian-changes-poison in ${QUEUE_ACCOUNT}`, true],
    ]);
    expect(run.code).toBe(0);
  });

  it('names an event type and a provider the filter leaves out', async () => {
    world.arm.fault(/\/systemtopics$/, ok200(subscriptionTopic()));
    world.arm.fault(/\/eventsubscriptions$/, ok200(toQueue(TYPES.slice(0, 2), [`${WORKSPACE_GROUP}/`, `${STORAGE_GROUP}/`, `${SUBSCRIPTION}/providers/Microsoft.Authorization/`])));
    const run = await events([EXAMPLE_WORKSPACE_ID]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('event type Microsoft.Resources.ResourceActionSuccess not included');
    expect(run.stdout).toContain(`subjects under ${SUBSCRIPTION}/providers/Microsoft.Security/ not delivered`);
    expect(run.stdout).not.toContain(`subjects under ${WORKSPACE_GROUP}/ not delivered`);
  });

  it('says which permission it lacks when the topics cannot be read', async () => {
    world.arm.fault(/\/systemtopics$/, { status: 403 });
    const run = await events([EXAMPLE_WORKSPACE_ID]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).toMatch(/CANNOT CHECK\s+system topic for the resource changes of subscription .*: this identity needs Microsoft\.EventGrid\/systemTopics\/read \(the Reader role/);
    expect(run.stdout).not.toContain('MISSING');
  });

  it('refuses a workspace outside the allowed scopes (exit 2) before reading anything', async () => {
    const run = await events([EXAMPLE_WORKSPACE_ID], { GUARDIAN_ALLOWED_SCOPES: '/subscriptions/99999999-8888-7777-6666-555555555555' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is outside the scopes this identity may read');
    expect(world.arm.requests).toEqual([]);
  });

  it('answers an id that is not a workspace with a usage error (exit 2) and reads nothing', async () => {
    const run = await events([QUEUE_ACCOUNT]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/guardian events: .*workspace/i);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(world.arm.requests).toEqual([]);
  });
});
