/**
 * A workspace name is looked up only where the conversation may scan: Resource Graph is asked about the allowed
 * subscriptions alone, and what it finds outside the team's binding is neither scanned nor named — no id, resource
 * group or subscription in a scan's, a watch's or an exception's answer. Real scan service over the ARM stand-in.
 */
import { checkById } from '../../src/checks/registry';
import { createApproverCheck } from '../../src/dialogs/exceptions-approvers';
import { createExceptionsFeature, workspaceResolverOver } from '../../src/dialogs/exceptions';
import type { IncomingMessage, RouteResult } from '../../src/dialogs/feature';
import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import { createWatchFeature } from '../../src/dialogs/watch';
import { createExceptionService } from '../../src/exceptions/service';
import { silentLogger } from '../../src/logging';
import { createNotificationService } from '../../src/notifications/service';
import { createGuardedAzure } from '../../src/security/guarded-azure';
import { createWatchGuard } from '../../src/security/watch-guard';
import { createGuardedWatches } from '../../src/security/guarded-watches';
import { RecordingSender, saveConversationRef } from '../notifications/helpers';
import { EXAMPLE_SUBSCRIPTION, startArmStandIn, type ArmStandIn } from '../support/arm-stand-in';
import { addWorkspaceRow, ALLOWED_SCOPES, FORBIDDEN_SUB, guardedArm, linkedChannel, UNLINKED_SUB, workspaceIdIn } from './guarded-arm';
import { RecordingPort } from './helpers';
import { offer } from '../support/conversation';

let arm: ArmStandIn;
beforeAll(async () => {
  arm = await startArmStandIn();
});
afterAll(() => arm.close());
beforeEach(() => arm.reset());

const NAME = 'mlw-shared-0001prod';
const HIDDEN = ['rg-secret-unlinked', 'rg-secret-forbidden', UNLINKED_SUB, FORBIDDEN_SUB];

const check = (target: string): IncomingMessage => ({ text: `scan ${target}`, route: { intent: 'check', check: 'all', target, confidence: 1 } });
const command = (name: NonNullable<RouteResult['command']>, args: string): IncomingMessage => ({ text: `${name} ${args}`, route: { intent: 'command', command: name, args, confidence: 1 } });

async function features() {
  const { store, guard, scanService } = await guardedArm(arm);
  await saveConversationRef(store);
  const azure = createGuardedAzure(scanService, guard);
  const notifications = createNotificationService({ store, watches: createGuardedWatches(scanService, createWatchGuard(guard)), sender: new RecordingSender(), logger: silentLogger(), instanceId: 'names' });
  const port = new RecordingPort(linkedChannel);
  const answer = (): string => [...port.texts, ...port.cards.flatMap(stringsIn)].join('\n');
  return {
    port,
    answer,
    scan: createScanFeature({ scans: createGuardedScans(scanService, guard), store, checks: checkById }),
    watch: createWatchFeature({ notifications }),
    exceptions: createExceptionsFeature({
      service: createExceptionService({ store, isKnownCheck: (id) => checkById(id) !== undefined, mayScan: () => true, maxDays: 365 }),
      approvers: createApproverCheck({ kind: 'anyone' }, { roster: { isTeamOwner: () => Promise.resolve(true) } }),
      checks: checkById,
      maxDays: 365,
      resolveWorkspace: workspaceResolverOver((conversation) => azure.for(conversation)),
      lastScan: { store, access: { guard, userScopedResults: false } },
    }),
    notifications,
  };
}

/** Every string in a card (texts, choices, action data), so that nothing it shows or carries goes unchecked. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Workspaces read beyond the Resource Graph lookup: a workspace path in any recorded request. */
const workspaceReads = (): string[] => arm.requests.map((r) => r.path).filter((p) => p.toLowerCase().includes('/workspaces/'));

describe('a name that matches only outside the team binding', () => {
  beforeEach(() => {
    addWorkspaceRow(arm, workspaceIdIn(UNLINKED_SUB, 'rg-secret-unlinked', NAME));
    addWorkspaceRow(arm, workspaceIdIn(FORBIDDEN_SUB, 'rg-secret-forbidden', NAME));
  });

  test('scan: not found, nothing of it read, nothing of it named', async () => {
    const { scan, port, answer } = await features();
    await offer(scan, port, check(NAME));
    expect(answer()).toContain(`I found no workspace named "${NAME}" that this conversation may scan`);
    for (const hidden of HIDDEN) expect(answer()).not.toContain(hidden);
    expect(workspaceReads()).toEqual([]);
  });

  test('watch: refused without naming it, and nothing is saved', async () => {
    const { watch, port, answer, notifications } = await features();
    await offer(watch, port, command('watch', NAME));
    expect(answer()).toContain(`I found no workspace named "${NAME}"`);
    for (const hidden of HIDDEN) expect(answer()).not.toContain(hidden);
    expect(await notifications.list(linkedChannel.conversationId)).toEqual([]);
  });

  test('accept risk: refused without naming it', async () => {
    const { exceptions, port, answer } = await features();
    await offer(exceptions, port, command('accept', `AML-NET-001 on ${NAME} for 30 days: partner network`));
    expect(answer()).toContain('I saved nothing');
    for (const hidden of HIDDEN) expect(answer()).not.toContain(hidden);
  });

  test('Resource Graph is asked about the allowed subscriptions only', async () => {
    const { scan, port } = await features();
    await offer(scan, port, check(NAME));
    const graphBodies = arm.requests.filter((r) => r.path.toLowerCase().endsWith('/resources')).map((r) => r.body as { subscriptions?: string[] });
    expect(graphBodies.length).toBeGreaterThan(0);
    for (const body of graphBodies) expect(body.subscriptions?.map((s) => `/subscriptions/${s}`).sort()).toEqual([...ALLOWED_SCOPES].map((s) => s.toLowerCase()).sort());
  });
});

describe('a name that matches inside and outside the team binding', () => {
  beforeEach(() => {
    addWorkspaceRow(arm, workspaceIdIn(EXAMPLE_SUBSCRIPTION, 'rg-linked-a', NAME));
    addWorkspaceRow(arm, workspaceIdIn(EXAMPLE_SUBSCRIPTION, 'rg-linked-b', NAME));
    addWorkspaceRow(arm, workspaceIdIn(UNLINKED_SUB, 'rg-secret-unlinked', NAME));
  });

  test('scan: the choice offers only the workspaces this team may scan', async () => {
    const { scan, port, answer } = await features();
    await offer(scan, port, check(NAME));
    expect(answer()).toContain('rg-linked-a');
    expect(answer()).toContain('rg-linked-b');
    for (const hidden of HIDDEN) expect(answer()).not.toContain(hidden);
  });

  test('watch: the "matches several" answer lists only the workspaces this team may scan', async () => {
    const { watch, port, answer } = await features();
    await offer(watch, port, command('watch', NAME));
    expect(answer()).toMatch(/matches several workspaces: .*rg-linked-a.*rg-linked-b/);
    for (const hidden of HIDDEN) expect(answer()).not.toContain(hidden);
  });
});
