/**
 * Every route in chat that can read Azure passes the scan guard. Each route below is driven twice against the
 * real scan service over the ARM stand-in (every request recorded): with the product's guard allowing, it reads
 * Azure — so the route is real — and with the product's guard for a bot that serves another tenant, or a guard
 * that refuses every question, the stand-in sees not one request.
 *
 * Not driven because they cannot read Azure: the baseline document (it shows the stored last scan, authorised
 * again), the checks catalog, Q&A, the workshop, reset, link and the sample changer are built without any Azure
 * access (src/wiring.ts). The last test below holds the product's list of features to this classification, so a
 * new feature must be placed on one side. A watch's scheduled run and its change re-check (src/events) are driven
 * too: they read Azure for the user who set the watch up, through the same guarded handle as the subscribe.
 */
import { checkById } from '../../src/checks/registry';
import { createApproverCheck } from '../../src/dialogs/exceptions-approvers';
import { createExceptionsFeature, workspaceResolverOver } from '../../src/dialogs/exceptions';
import type { CardAction, Feature, IncomingMessage, RouteResult } from '../../src/dialogs/feature';
import { createLabFeature } from '../../src/dialogs/lab';
import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import type { GuardDecision, ScanGuard } from '../../src/security/scan-guard';
import { createWatchFeature } from '../../src/dialogs/watch';
import { createExceptionService } from '../../src/exceptions/service';
import { loadLabContent } from '../../src/knowledge/lab-content';
import { createLabValidationService } from '../../src/lab/validation-service';
import { silentLogger } from '../../src/logging';
import { createNotificationService, type NotificationService } from '../../src/notifications/service';
import { createProductChangeAlerts, type ProductChangeAlerts } from '../../src/events/create-change-alerts';
import { createGuardedAzure } from '../../src/security/guarded-azure';
import { createWatchGuard } from '../../src/security/watch-guard';
import { createGuardedWatches } from '../../src/security/guarded-watches';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import type { ChangeEvent } from '../../src/shared/change-event';
import { buildProductFeatures } from '../../src/wiring';
import { testConfig } from '../support/bot-client';
import { RecordingSender, saveConversationRef } from '../notifications/helpers';
import { EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE_ID, startArmStandIn, type ArmStandIn } from '../support/arm-stand-in';
import { EXAMPLE_NAME, guardedArm, linkedChannel } from './guarded-arm';
import { RecordingPort } from './helpers';
import { offer } from '../support/conversation';
import type { CommandName } from '../../src/routing/intent';

let arm: ArmStandIn;
beforeAll(async () => {
  arm = await startArmStandIn();
});
afterAll(() => arm.close());

const REFUSED = 'Refused by the test guard.';

/** Which guard answers: the product's, the product's for a bot serving another tenant, or one refusing everything. */
type GuardMode = 'allow' | 'foreign-tenant' | 'refuse-all';

/** A guard whose answers come from the guard that `mode` names at the moment it is asked. */
function switchable(allow: ScanGuard, foreignTenant: ScanGuard): ScanGuard & { mode: GuardMode } {
  const pick = (): ScanGuard | undefined => (self.mode === 'allow' ? allow : self.mode === 'foreign-tenant' ? foreignTenant : undefined);
  const gate = (ask: (guard: ScanGuard) => Promise<GuardDecision>): Promise<GuardDecision> => {
    const guard = pick();
    return guard === undefined ? Promise.resolve({ allowed: false, reason: REFUSED }) : ask(guard);
  };
  const self: ScanGuard & { mode: GuardMode } = {
    mode: 'allow',
    authorize: (target, conversation) => gate((g) => g.authorize(target, conversation)),
    authorizeResolved: (id, conversation) => gate((g) => g.authorizeResolved(id, conversation)),
    authorizeSubscription: (subscription, conversation) => gate((g) => g.authorizeSubscription!(subscription, conversation)),
    authorizeListing: (conversation) => gate((g) => g.authorizeListing(conversation)),
    filterVisible: (workspaces, conversation) => pick()?.filterVisible(workspaces, conversation) ?? Promise.resolve([]),
    takeScan: (conversation, target) => gate((g) => g.takeScan(conversation, target)),
  };
  return self;
}

interface World {
  readonly guard: ScanGuard & { mode: GuardMode };
  readonly port: RecordingPort;
  readonly scan: Feature;
  readonly lab: Feature;
  readonly watch: Feature;
  readonly exceptions: Feature;
  readonly notifications: NotificationService;
  readonly changeAlerts: ProductChangeAlerts;
}

/** The features that read Azure, composed as src/wiring.ts composes them. */
async function world(): Promise<World> {
  const base = await guardedArm(arm);
  const { store, scanService } = base;
  const guard = switchable(base.guard, base.foreignTenantGuard);
  const azure = createGuardedAzure(scanService, guard);
  await saveConversationRef(store);
  const watches = createGuardedWatches(scanService, createWatchGuard(guard));
  const sender = new RecordingSender();
  const notifications = createNotificationService({ store, watches, sender, logger: silentLogger(), instanceId: 'routes' });
  const changeAlerts = createProductChangeAlerts({ store, watches, sender, logger: silentLogger(), instanceId: 'routes', readActivityLog: () => Promise.resolve({ kind: 'events', events: [] }), pollIntervalMs: 3_600_000 });
  const exceptionService = createExceptionService({ store, isKnownCheck: (id) => checkById(id) !== undefined, mayScan: () => true, maxDays: 365 });
  return {
    guard,
    port: new RecordingPort(linkedChannel),
    scan: createScanFeature({ scans: createGuardedScans(scanService, guard), store, checks: checkById }),
    lab: createLabFeature({ content: loadLabContent(), store, validation: (conversation) => createLabValidationService({ source: azure.for(conversation) }) }),
    watch: createWatchFeature({ notifications }),
    exceptions: createExceptionsFeature({ service: exceptionService, approvers: createApproverCheck({ kind: 'anyone' }, { roster: { isTeamOwner: () => Promise.resolve(true) } }), checks: checkById, maxDays: 365, resolveWorkspace: workspaceResolverOver((conversation) => azure.for(conversation)), lastScan: { store, access: { guard, userScopedResults: false } } }),
    notifications,
    changeAlerts,
  };
}

/** The example workspace written by someone: a change that concerns every check. */
const workspaceWritten: ChangeEvent = { id: 'event-1', resourceId: EXAMPLE_WORKSPACE_ID, operation: 'Microsoft.MachineLearningServices/workspaces/write', time: '2030-01-01T08:00:00Z', caller: { kind: 'user', displayName: 'Ada' }, source: 'activity-log' };

const check = (check: NonNullable<RouteResult['check']>, target: string): IncomingMessage => ({ text: `${check} ${target}`, route: { intent: 'check', check, ...(target === '' ? {} : { target }), confidence: 1 } });
const command = (name: CommandName, args: string): IncomingMessage => ({ text: `${name} ${args}`, route: { intent: 'command', command: name, args, confidence: 1 } });
const card = (verb: string, data: Record<string, unknown>): CardAction => ({ verb, data, via: 'execute' });

interface Route {
  /** Puts the world in the state the route starts from (run with the guard allowing; its reads are forgotten). */
  readonly prepare?: (w: World) => Promise<unknown>;
  readonly act: (w: World) => Promise<unknown>;
}

const ROUTES: Readonly<Record<string, Route>> = {
  'message: scan a workspace by id': { act: (w) => offer(w.scan, w.port, check('all', EXAMPLE_WORKSPACE_ID)) },
  'message: scan a workspace by name': { act: (w) => offer(w.scan, w.port, check('all', EXAMPLE_NAME)) },
  'message: Defender status of a subscription': { act: (w) => offer(w.scan, w.port, check('defender', `/subscriptions/${EXAMPLE_SUBSCRIPTION}`)) },
  'message: a scan without a workspace (the choice lists workspaces)': { act: (w) => offer(w.scan, w.port, check('all', '')) },
  'card: re-check one finding': { act: (w) => w.scan.onAction!(w.port, card('scan.recheck', { target: EXAMPLE_WORKSPACE_ID, workspaceId: EXAMPLE_WORKSPACE_ID, checkId: 'AML-NET-001' })) },
  'card: re-scan': { act: (w) => w.scan.onAction!(w.port, card('scan.rescan', { workspaceId: EXAMPLE_WORKSPACE_ID })) },
  'card: scan the workspace chosen': { act: (w) => w.scan.onAction!(w.port, card('scan.run', { target: EXAMPLE_WORKSPACE_ID })) },
  'card: run related checks': { act: (w) => w.scan.onAction!(w.port, card('scan.run-checks', { checkIds: ['AML-NET-001'] })) },
  'watch: subscribe by id': { act: (w) => offer(w.watch, w.port, command('watch', EXAMPLE_WORKSPACE_ID)) },
  'watch: subscribe by name': { act: (w) => offer(w.watch, w.port, command('watch', EXAMPLE_NAME)) },
  'watch: a scheduled run': {
    prepare: (w) => offer(w.watch, w.port, command('watch', EXAMPLE_WORKSPACE_ID)),
    // A day on: the run is due whether the baseline was taken at subscribe or by a first pass.
    act: (w) => w.notifications.runPass(new Date(Date.now() + 26 * 3600_000)),
  },
  'watch: a change re-check': {
    prepare: async (w) => {
      await offer(w.watch, w.port, command('watch', EXAMPLE_WORKSPACE_ID));
      await w.notifications.runPass(); // the baseline, if the subscribe did not take it
    },
    act: async (w) => {
      await w.changeAlerts.sink([workspaceWritten]);
      return w.changeAlerts.flush();
    },
  },
  'lab: find by name': { prepare: (w) => offer(w.lab, w.port, command('lab', 'start')), act: (w) => offer(w.lab, w.port, command('lab', `find ${EXAMPLE_NAME}`)) },
  'lab: find by id': { prepare: (w) => offer(w.lab, w.port, command('lab', 'start')), act: (w) => offer(w.lab, w.port, command('lab', `find ${EXAMPLE_WORKSPACE_ID}`)) },
  'lab: validate an exercise': {
    prepare: (w) => w.lab.onAction!(w.port, card('lab.params', { subscriptionId: EXAMPLE_SUBSCRIPTION, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod' })),
    act: (w) => offer(w.lab, w.port, command('lab', 'validate 6')),
  },
  'exceptions: accept a risk on a workspace named in chat': { act: (w) => offer(w.exceptions, w.port, command('accept', `AML-NET-001 on ${EXAMPLE_NAME} for 30 days: partner network`)) },
};

async function requestsOf(route: Route, mode: GuardMode): Promise<number> {
  const w = await world();
  await route.prepare?.(w);
  arm.reset();
  w.guard.mode = mode;
  await route.act(w);
  return arm.requests.length;
}

describe.each(Object.entries(ROUTES))('%s', (_name, route) => {
  test('reads Azure when the guard allows it', async () => {
    expect(await requestsOf(route, 'allow')).toBeGreaterThan(0);
  });

  test("reads nothing from Azure when the user's tenant is not one the bot serves", async () => {
    expect(await requestsOf(route, 'foreign-tenant')).toBe(0);
  });

  test('reads nothing from Azure when the guard refuses everything', async () => {
    expect(await requestsOf(route, 'refuse-all')).toBe(0);
  });
});

/** The product's chat features, by whether they can read Azure (the first four are driven above). */
const READS_AZURE = ['scan', 'lab', 'watch', 'exceptions'];
const NO_AZURE = ['reset', 'workshop', 'sample-change', 'baseline', 'link', 'checks', 'qna'];

test('every feature the product composes is classified: those that can read Azure are the ones driven above', async () => {
  const product = await buildProductFeatures({
    config: testConfig(),
    logger: silentLogger(),
    store: new MemoryGuardianStore(),
    sample: true,
    continueConversation: () => Promise.reject(new Error('no proactive messages in this test')),
  });
  try {
    expect(product.conversation.features.map((f) => f.name).sort()).toEqual([...READS_AZURE, ...NO_AZURE].sort());
  } finally {
    await product.close();
  }
});
