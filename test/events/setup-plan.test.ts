/**
 * The push-path plan for a workspace, and infra/change-events.bicep agreeing with it: the parameters the printed
 * deployment passes exist in the template, the template delivers exactly the event types the consumer reads, and
 * the queue names follow the bot's configuration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_EVENT_TYPES } from '../../src/events/queue-messages';
import { CHANGE_EVENTS_TEMPLATE, deploymentCommand, planEventSetup, prefixesCover } from '../../src/events/setup-plan';

const SUB = '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001';
const WS = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
const TEMPLATE = readFileSync(join(__dirname, '..', '..', CHANGE_EVENTS_TEMPLATE), 'utf8');

describe('the push-path plan', () => {
  it('delivers the workspace\'s and its linked resources\' groups once each, and the providers above it', () => {
    const plan = planEventSetup(WS, [`/subscriptions/${SUB}/resourceGroups/RG-ML/providers/Microsoft.KeyVault/vaults/kv`, `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/st`, undefined], 'guardian-changes');
    expect(plan.subjectPrefixes).toEqual([
      `/subscriptions/${SUB}/resourceGroups/rg-ml/`,
      `/subscriptions/${SUB}/resourceGroups/rg-data/`,
      `/subscriptions/${SUB}/providers/Microsoft.Authorization/`,
      `/subscriptions/${SUB}/providers/Microsoft.Security/`,
    ]);
    expect(plan.poisonQueueName).toBe('guardian-changes-poison');
  });

  it('names a linked resource in another subscription instead of filtering for it', () => {
    const other = '99999999-8888-7777-6666-555555555555';
    const plan = planEventSetup(WS, [`/subscriptions/${other}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st`], 'q-1');
    expect(plan.otherSubscriptions).toEqual([other]);
    expect(plan.subjectPrefixes.some((p) => p.includes(other))).toBe(false);
  });

  it('a prefix covers the subjects below it, case-insensitively, and not a sibling group that shares its start', () => {
    expect(prefixesCover([`/subscriptions/${SUB}/`], `/subscriptions/${SUB}/resourceGroups/rg-ml/`)).toBe(true);
    expect(prefixesCover([`/SUBSCRIPTIONS/${SUB}/resourcegroups/RG-ML/`], `/subscriptions/${SUB}/resourceGroups/rg-ml/`)).toBe(true);
    expect(prefixesCover([`/subscriptions/${SUB}/resourceGroups/rg-ml/`], `/subscriptions/${SUB}/resourceGroups/rg-ml2/`)).toBe(false);
    expect(prefixesCover([], `/subscriptions/${SUB}/`)).toBe(true);
  });
});

describe('infra/change-events.bicep', () => {
  it('declares every parameter the printed deployment passes', () => {
    const passed = [...deploymentCommand(planEventSetup(WS, [], 'guardian-changes')).matchAll(/ (\w+)=/g)].map((m) => m[1]);
    expect(passed.length).toBeGreaterThan(0);
    for (const name of passed) expect(TEMPLATE).toMatch(new RegExp(`^param ${name!} `, 'm'));
  });

  it('delivers exactly the change event types the queue consumer reads, in the Event Grid schema', () => {
    const types = [...TEMPLATE.matchAll(/'(Microsoft\.Resources\.Resource\w+)'/g)].map((m) => m[1]);
    expect(types.sort()).toEqual([...CHANGE_EVENT_TYPES].sort());
    expect(TEMPLATE).toContain("eventDeliverySchema: 'EventGridSchema'");
    expect(TEMPLATE).toContain("key: 'subject'");
  });

  it('names the poison queue as the bot does and grants the bot receive on the queue, send on the poison queue', () => {
    expect(TEMPLATE).toContain("name: '${queueName}-poison'");
    expect(TEMPLATE).toMatch(/botReadsQueue[\s\S]*?scope: queue\b[\s\S]*?roleDefinitionId: queueMessageProcessor/);
    expect(TEMPLATE).toMatch(/botWritesPoisonQueue[\s\S]*?scope: poisonQueue[\s\S]*?roleDefinitionId: queueMessageSender/);
    expect(TEMPLATE).toContain("'8a0f0c08-91a1-4084-bc3d-661d67233fed'"); // Storage Queue Data Message Processor
    expect(TEMPLATE).toContain("'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'"); // Storage Queue Data Message Sender
  });
});
