/**
 * The guided lab reaches Azure only through the guarded handle: "lab find" and "lab validate" read nothing the
 * scan guard refuses, list only workspaces the conversation may scan, and spend the same budgets as a scan.
 * The real scan service runs over the ARM stand-in, whose request log shows what was read.
 */
import type { IncomingMessage } from '../../src/dialogs/feature';
import type { Feature } from '../../src/dialogs/feature';
import { createLabFeature } from '../../src/dialogs/lab';
import { loadLabContent } from '../../src/knowledge/lab-content';
import { createLabValidationService } from '../../src/lab/validation-service';
import { createGuardedAzure } from '../../src/security/guarded-azure';
import { EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE_ID, startArmStandIn, type ArmStandIn } from '../support/arm-stand-in';
import { addWorkspaceRow, EXAMPLE_NAME, FORBIDDEN_SUB, guardedArm, linkedChannel, UNLINKED_SUB, workspaceIdIn } from './guarded-arm';
import { RecordingPort } from './helpers';
import { offer } from '../support/conversation';

let arm: ArmStandIn;
beforeAll(async () => {
  arm = await startArmStandIn();
});
afterAll(() => arm.close());
beforeEach(() => arm.reset());

const lab = (args: string): IncomingMessage => ({ text: `lab ${args}`, route: { intent: 'command', command: 'lab', args, confidence: 1 } });

async function setup(): Promise<{ say: (args: string) => Promise<string>; feature: Feature; port: RecordingPort }> {
  const { store, guard, scanService } = await guardedArm(arm);
  const azure = createGuardedAzure(scanService, guard);
  const feature = createLabFeature({ content: loadLabContent(), store, validation: (conversation) => createLabValidationService({ source: azure.for(conversation) }) });
  const port = new RecordingPort(linkedChannel);
  const say = async (args: string): Promise<string> => {
    const before = { texts: port.texts.length, cards: port.cards.length };
    await offer(feature, port, lab(args));
    return [...port.texts.slice(before.texts), ...port.cards.slice(before.cards).map((c) => JSON.stringify(c))].join('\n');
  };
  await say('start');
  return { say, feature, port };
}

test.each([
  ['outside the allowed scopes', FORBIDDEN_SUB, /outside the scopes/],
  ["outside the team's binding", UNLINKED_SUB, /This team is linked to .* is outside it/],
])('lab find of a workspace id %s is refused before any Azure read', async (_where, subscription, refusal) => {
  const { say } = await setup();
  const answer = await say(`find ${workspaceIdIn(subscription, 'rg-x')}`);
  expect(answer).toMatch(refusal);
  expect(arm.requests).toEqual([]);
});

test('lab find by name shows only the workspaces this team may scan, and names nothing outside them', async () => {
  const { say } = await setup();
  addWorkspaceRow(arm, workspaceIdIn(EXAMPLE_SUBSCRIPTION, 'rg-second-linked'));
  addWorkspaceRow(arm, workspaceIdIn(UNLINKED_SUB, 'rg-secret-unlinked'));
  addWorkspaceRow(arm, workspaceIdIn(FORBIDDEN_SUB, 'rg-secret-forbidden'));
  const answer = await say(`find ${EXAMPLE_NAME}`);
  expect(answer).toContain('rg-second-linked');
  for (const hidden of ['rg-secret-unlinked', 'rg-secret-forbidden', UNLINKED_SUB, FORBIDDEN_SUB]) expect(answer).not.toContain(hidden);
});

test('lab find of a name that exists only outside the team binding answers not found without its id or group', async () => {
  const { say } = await setup();
  const outside = workspaceIdIn(UNLINKED_SUB, 'rg-secret-unlinked', 'mlw-mlops-0002prod');
  addWorkspaceRow(arm, outside);
  const answer = await say('find mlw-mlops-0002prod');
  expect(answer).toMatch(/found no workspace named "mlw-mlops-0002prod" that this conversation may scan/);
  for (const hidden of ['rg-secret-unlinked', UNLINKED_SUB]) expect(answer).not.toContain(hidden);
  // Only the name lookup went out; nothing of the workspace itself was read.
  expect(arm.requests.filter((r) => r.path.toLowerCase().includes('/workspaces/'))).toEqual([]);
});

test('lab validate spends the scan budget: after five scans the rest of eight validations are refused and read nothing', async () => {
  const { say } = await setup();
  expect(await say(`find ${EXAMPLE_WORKSPACE_ID}`)).toContain('Found workspace');
  const answers: string[] = [];
  let readsWhenRefused: number | undefined;
  for (let i = 0; i < 8; i += 1) {
    const answer = await say('validate 6');
    if (/limit of 5 scans/.test(answer)) readsWhenRefused ??= arm.requests.length;
    answers.push(answer);
  }
  // The find took one scan of the five: four validations ran, four were refused.
  expect(answers.map((a) => /limit of 5 scans/.test(a))).toEqual([false, false, false, false, true, true, true, true]);
  expect(readsWhenRefused).toBeGreaterThan(0);
  expect(arm.requests.length).toBe(readsWhenRefused);
});

test.each([
  ['not allowed', FORBIDDEN_SUB, /outside the scopes/],
  ["outside the team's binding", UNLINKED_SUB, /This team is linked to .* is outside it/],
])('lab validate of a workspace in a subscription %s reads nothing', async (_where, subscription, refusal) => {
  const { say, feature, port } = await setup();
  await feature.onAction!(port, { verb: 'lab.params', data: { subscriptionId: subscription, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod' }, via: 'submit' });
  const answer = await say('validate 6');
  expect(answer).toMatch(refusal);
  expect(arm.requests).toEqual([]);
});

test('a validation that tries both naming variants of the workspace costs one scan, not two', async () => {
  const { say, feature, port } = await setup();
  await feature.onAction!(port, { verb: 'lab.params', data: { subscriptionId: EXAMPLE_SUBSCRIPTION, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod' }, via: 'submit' });
  const answers: string[] = [];
  for (let i = 0; i < 6; i += 1) answers.push(await say('validate 6'));
  // Neither variant is deployed on the stand-in: each validation looks for both, and the sixth is over the budget.
  expect(answers.map((a) => /limit of 5 scans/.test(a))).toEqual([false, false, false, false, false, true]);
  // Both variants were looked for in each of the five validations that ran (Resource Graph queries name them).
  const lookedFor = (group: string): number => arm.requests.filter((r) => JSON.stringify(r.body ?? '').includes(`/resourceGroups/${group}/`)).length;
  expect([lookedFor('rg-mlops-0001prod'), lookedFor('rg-mlops-0001-prod')]).toEqual([5, 5]);
});
