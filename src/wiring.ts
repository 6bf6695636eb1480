/**
 * Part of the composition root: builds the product's services and conversation features — the embedded sample
 * environment, the scan service (sample + Azure), knowledge and router, workshop, lab, scan, watch and Q&A —
 * assembled into one conversation (src/dialogs/conversation.ts) — and the notification service with its admin route.
 * `startServer` calls it; tests inject their own conversation.
 */
import type * as restify from 'restify';
import type { Config } from './config';
import type { Logger } from './logging';
import type { GuardianStore } from './storage/store';
import type { Bot } from './bot/app';
import type { MessageRouter } from './bot/router';
import { createProactiveSender } from './bot/proactive-sender';
import { createFileConsent } from './bot/file-consent';
import { allChecks, checkById } from './checks/registry';
import { createAzureAccess } from './scan/azure-access';
import { createCombinedScanService } from './scan/combined-scan-service';
import { createUserScanService } from './scan/user-scan-service';
import { currentUserArmToken } from './bot/auth/turn-token';
import { createUserArmCredential } from './bot/auth/user-credential';
import { startSampleEnvironment, type SampleEnvironment } from './scan/sample-environment';
import { ScanError } from './scan/scan-service';
import { SAMPLE_WORKSPACE_IDS } from './sample';
import { isWithinScope, parseResourceId } from './shared/resource-id';
import type { ScanReport } from './checks/types';
import { createExceptionService } from './exceptions/service';
import { createExceptionsFeature, workspaceResolverOver } from './dialogs/exceptions';
import { createApproverCheck } from './dialogs/exceptions-approvers';
import { loadKnowledge } from './knowledge/content';
import { createRouter } from './knowledge/router';
import { loadLabContent } from './knowledge/lab-content';
import { createWorkshopFeature } from './dialogs/workshop';
import { createResetFeature } from './dialogs/reset';
import { createBaselineFeature } from './dialogs/baseline';
import { createQnaFeature } from './dialogs/qna';
import { createScanFeature } from './dialogs/scan';
import { createLabFeature } from './dialogs/lab';
import { createWatchFeature } from './dialogs/watch';
import { createChecksCatalogFeature } from './dialogs/checks-catalog';
import { createLabValidationService } from './lab/validation-service';
import { createNotificationService, defaultInstanceId, type NotificationService } from './notifications/service';
import { registerNotificationRoutes } from './notifications/http';
import { createChannelBindings } from './security/channel-binding';
import { createScanAuthorizerFromConfig } from './security/scan-authorization';
import { createScanRateLimiter } from './security/rate-limit';
import { createScanGuard } from './security/scan-guard';
import { limitScansInFlight } from './security/scans-in-flight';
import { createWatchGuard } from './security/watch-guard';
import { createGuardedWatches } from './security/guarded-watches';
import { createGuardedAzure } from './security/guarded-azure';
import { createGuardedScans } from './security/guarded-scans';
import { createLinkFeature, type TeamRosterCheck } from './dialogs/link';
import { createGraphTeamOwnerCheck } from './bot/auth/team-owner';
import { teamGroupIdFromTeams } from './bot/team-group';
import { createCredential } from './azure/credentials';
import { createArmClients } from './azure/clients';
import { activityLogReader } from './azure/activity-log';
import { createProductChangeAlerts, type ChangeAlertsDeps, type ProductChangeAlerts } from './events/create-change-alerts';
import { eventQueuesFrom } from './events/event-queues';
import { inSubscriptionsOf } from './events/event-scope';
import type { ActivityLogReader } from './events/activity-log-poller';
import { createSampleChanger } from './sample/changes';
import { publishSampleChanges } from './sample/event-grid';
import { createSampleChangeFeature } from './dialogs/sample-change';
import { assembleConversation, type Conversation } from './dialogs/conversation';
import { ACCOUNT_COMMANDS } from './bot/account';

export interface ProductDependencies {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: GuardianStore;
  readonly sample: boolean;
  /** A sample environment the caller started and will close (used instead of starting one when `sample` is true). */
  readonly sampleEnvironment?: SampleEnvironment;
  readonly continueConversation: Bot['continueConversation'];
  /** The clock of accepted risk (expiry, reminders) and of notification passes; the system clock by default. */
  readonly clock?: () => Date;
}

export interface ProductServices {
  /** The chat features and the one map of intent and command handlers assembled from them. */
  readonly conversation: Conversation;
  readonly router: MessageRouter;
  readonly notifications: NotificationService;
  /** Change events → targeted re-checks → alert cards (started with the notification timer). */
  readonly changeAlerts: ProductChangeAlerts;
  /** The embedded sample environment, when started (tests mutate it to see re-scans change). */
  readonly sampleEnvironment: SampleEnvironment | undefined;
  registerRoutes(server: restify.Server): void;
  close(): Promise<void>;
}

export async function buildProductFeatures(deps: ProductDependencies): Promise<ProductServices> {
  const { config, logger, store } = deps;
  const clock = deps.clock ?? ((): Date => new Date());
  const ownsSample = deps.sample && deps.sampleEnvironment === undefined;
  const sampleEnvironment = !deps.sample
    ? undefined
    : (deps.sampleEnvironment ?? (await startSampleEnvironment({ timeoutMs: config.azure.scanTimeoutMs, concurrency: config.azure.armConcurrency })));
  // DefaultAzureCredential only when a real Azure is configured: no probe of the managed-identity endpoint otherwise.
  const azure =
    config.azure.authMode === 'user'
      ? createUserScanService(config, {
          userToken: currentUserArmToken,
          credentialFor: (token) => createUserArmCredential({ token, armEndpoint: config.azure.armEndpoint }),
        })
      : config.azure.allowedScopes.length > 0
        ? createAzureAccess(config).scanService
        : undefined;
  if (azure !== undefined) logger.info({ armEndpoint: config.azure.armEndpoint, authMode: config.azure.authMode, allowedScopes: config.azure.allowedScopes.length }, 'Azure access composed');
  const sampleSubscriptionIds = [...new Set(Object.values(SAMPLE_WORKSPACE_IDS).map((id) => parseResourceId(id).subscriptionId))];
  const scanService = limitScansInFlight(
    sampleEnvironment
      ? createCombinedScanService({ sample: sampleEnvironment.scanService, sampleSubscriptionIds, ...(azure ? { azure } : {}) })
      : (azure ?? createCombinedScanService({ sample: unavailableSample(), sampleSubscriptionIds: [] })),
  );

  // Who may scan what, and how often — decided before any ARM read (src/security). Buckets live in the store so
  // that several instances share one budget.
  const bindings = createChannelBindings(store);
  const authorizer = createScanAuthorizerFromConfig(config, { bindings, sampleSubscriptionIds });
  const guard = createScanGuard(authorizer, createScanRateLimiter({ store }));
  const guardedAzure = createGuardedAzure(scanService, guard);

  const knowledge = loadKnowledge();
  const router = createRouter(knowledge, { describeCheck: checkById });
  // Accepted risk: kept per conversation, applied to every report the conversation sees (scans and watches).
  const exceptions = createExceptionService({
    store,
    isKnownCheck: (id) => checkById(id) !== undefined,
    mayScan: (id) => config.azure.allowedScopes.some((scope) => isWithinScope(id, scope)) || (sampleEnvironment !== undefined && sampleSubscriptionIds.some((sub) => isWithinScope(id, `/subscriptions/${sub}`))),
    maxDays: config.exceptions.maxDays,
    now: clock,
  });
  const acceptRisks = (report: ScanReport, conversationId: string): Promise<ScanReport> => exceptions.applyTo(report, conversationId);
  const sender = createProactiveSender({ continueConversation: deps.continueConversation });
  const instanceId = defaultInstanceId();
  // Watches and change re-checks reach Azure only through this handle: no scan service, no guard of their own.
  const watches = createGuardedWatches(scanService, createWatchGuard(guard));
  const notifications = createNotificationService({
    store,
    watches,
    sender,
    logger,
    instanceId,
    acceptRisks,
    exceptionExpiry: { remindDays: config.exceptions.remindDays, maxDays: config.exceptions.maxDays },
    clock,
  });
  const changeQueues = changeQueuesFor(config, sampleSubscriptionIds);
  const changeAlerts = createProductChangeAlerts({
    store,
    watches,
    sender,
    logger,
    instanceId,
    readActivityLog: activityLogReaderFor(config, sampleEnvironment, sampleSubscriptionIds),
    pollIntervalMs: config.events.pollSeconds * 1000,
    acceptRisks,
    ...changeQueues,
  });
  // With a queue configured, the sample's changes arrive as Event Grid events too (the push path, without Azure).
  const stopSamplePublishing = sampleEnvironment !== undefined && changeQueues.queues !== undefined
    ? publishSampleChanges(sampleEnvironment.arm.activityLog, (text) => changeQueues.queues?.queue.put(text) ?? Promise.resolve(), (e) => logger.warn({ err: e }, 'publishing a sample change to the queue failed'))
    : undefined;

  // Who gets a message is one rule (dialogs/turn-precedence.ts): commands and buttons run, free text answers a
  // pending prompt; then the intent's handler, from the maps conversation.ts assembles (the bot's own commands,
  // signin and signout, included).
  const conversation = assembleConversation(
    {
      reset: createResetFeature({ store }),
      workshop: createWorkshopFeature({ content: knowledge, store, checks: checkById }),
      lab: createLabFeature({ content: loadLabContent(), store, validation: (info) => createLabValidationService({ source: guardedAzure.for(info) }) }),
      sample: createSampleChangeFeature({ changes: sampleEnvironment !== undefined ? createSampleChanger(sampleEnvironment.arm) : undefined }),
      watch: createWatchFeature({ notifications }),
      // The offer side of Teams' file consent; the bot (src/bot/app.ts) answers Allow/Decline over the same store.
      baseline: createBaselineFeature({ content: knowledge, store, offerFile: createFileConsent({ store, logger }).offerFile, lastScanAccess: { guard, userScopedResults: config.azure.authMode === 'user' } }),
      link: createLinkFeature({ bindings, rosterCheck: teamOwnerCheck(config), allowedScopes: config.azure.allowedScopes, onError: (e) => logger.warn({ err: e }, 'link command failed') }),
      exceptions: createExceptionsFeature({
        service: exceptions,
        approvers: createApproverCheck(config.exceptions.approvers, { roster: teamOwnerCheck(config) }),
        checks: checkById,
        maxDays: config.exceptions.maxDays,
        now: clock,
        resolveWorkspace: workspaceResolverOver((info) => guardedAzure.for(info)),
        lastScan: { store, access: { guard, userScopedResults: config.azure.authMode === 'user' } },
      }),
      scan: createScanFeature({ scans: createGuardedScans(scanService, guard), store, logger, checks: checkById, sampleWorkspaceId, acceptRisks, userScopedResults: config.azure.authMode === 'user' }),
      checks: createChecksCatalogFeature({ checks: allChecks }),
      qna: createQnaFeature({ content: knowledge, router, checks: checkById }),
    },
    ACCOUNT_COMMANDS,
  );

  return {
    conversation,
    router,
    notifications,
    changeAlerts,
    sampleEnvironment,
    registerRoutes(server) {
      if (registerNotificationRoutes(server, { adminToken: config.adminToken, service: notifications, logger })) {
        logger.info('POST /api/notifications/run is enabled (GUARDIAN_ADMIN_TOKEN is set)');
      }
    },
    async close() {
      stopSamplePublishing?.();
      await changeAlerts.stop();
      await notifications.stop();
      if (ownsSample) await sampleEnvironment?.close();
    },
  };
}

/**
 * The Activity Log of a watched subscription: the sample server's for the sample subscriptions, Azure's (bot
 * identity, clients made on first use so that start-up probes nothing) for the rest when Azure is configured.
 * In delegated mode the bot has no identity of its own to poll with: those watches keep the scheduled scans.
 */
function activityLogReaderFor(config: Config, sample: SampleEnvironment | undefined, sampleSubscriptionIds: readonly string[]): ActivityLogReader {
  const samples = new Set(sampleSubscriptionIds.map((s) => s.toLowerCase()));
  const sampleRead = sample === undefined ? undefined : activityLogReader(sample.clients.raw);
  let azureRead: ActivityLogReader | undefined;
  const azure = (): ActivityLogReader | undefined => {
    if (config.azure.authMode !== 'bot' || config.azure.allowedScopes.length === 0) return undefined;
    azureRead ??= activityLogReader(createArmClients({ credential: createCredential(config.azure, 'azure'), endpoint: config.azure.armEndpoint, userAgent: `baseline-guardian/${config.version}` }).raw);
    return azureRead;
  };
  return (subscriptionId, window, signal) => {
    const read = samples.has(subscriptionId.toLowerCase()) ? sampleRead : azure();
    return read === undefined ? Promise.resolve({ kind: 'events', events: [] }) : read(subscriptionId, window, signal);
  };
}

/**
 * The Event Grid queues when configured (the bot identity's token for the URL form), and the rule that drops a
 * queued change from a subscription the bot may not read before anything else is done with it.
 */
function changeQueuesFor(config: Config, sampleSubscriptionIds: readonly string[]): Pick<ChangeAlertsDeps, 'queues' | 'acceptsEvent'> {
  const settings = config.events.queue;
  if (settings === undefined) return {};
  let credential: ReturnType<typeof createCredential> | undefined;
  const getToken = async (): Promise<string> => {
    const token = await (credential ??= createCredential(config.azure, 'azure')).getToken('https://storage.azure.com/.default');
    if (token === null) throw new Error('No token for Azure Storage from the bot identity.');
    return token.token;
  };
  const allowed = inSubscriptionsOf([...config.azure.allowedScopes, ...sampleSubscriptionIds.map((s) => `/subscriptions/${s}`)]);
  return { queues: eventQueuesFrom(settings, getToken), acceptsEvent: (event) => allowed(event.resourceId) };
}

/** The workspace a sample target names (`sample` alone is lab-default), as the sample scan service maps it. */
function sampleWorkspaceId(target: string): string | undefined {
  const name = (/^sample(?::(.+))?$/i.exec(target.trim())?.[1] ?? 'lab-default').toLowerCase();
  return Object.entries(SAMPLE_WORKSPACE_IDS).find(([key]) => key === name)?.[1];
}

/** Without the sample environment and without Azure, every scan is refused with the same sentence. */
function unavailableSample(): Parameters<typeof createCombinedScanService>[0]['sample'] {
  const refuse = (): never => {
    throw new ScanError('usage', 'The sample environment is not running and no Azure scope is configured (GUARDIAN_ALLOWED_SCOPES).');
  };
  return { scan: refuse, resolve: refuse, listWorkspaces: () => Promise.resolve([]), snapshot: refuse };
}

/**
 * Only a team owner may bind a team to scopes. With a registered bot that is asked of Microsoft Graph (the
 * roster the Bot Framework gives has no owner role). In local mode there is no token check and no Graph, so
 * the one developer at the keyboard counts as the owner: a binding can only narrow what may be scanned.
 */
function teamOwnerCheck(config: Config): TeamRosterCheck {
  if (config.bot.id === '') return { isTeamOwner: (conversation) => Promise.resolve(conversation.teamId !== undefined) };
  let credential: ReturnType<typeof createCredential> | undefined;
  return createGraphTeamOwnerCheck({
    // Created on first use: no managed-identity probe at start-up.
    credential: { getToken: (scopes, options) => (credential ??= createCredential(config.azure, 'azure')).getToken(scopes, options) },
    teamGroupId: teamGroupIdFromTeams,
  });
}
