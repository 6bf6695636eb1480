/**
 * Part of the composition root: builds the product's services and conversation features — the embedded sample
 * environment, the scan service (sample + Azure), knowledge and router, workshop, lab, scan, watch and Q&A —
 * and the notification service with its admin route. `startServer` calls it; tests inject their own features.
 */
import type { ConversationReference } from 'botbuilder';
import type * as restify from 'restify';
import type { Config } from './config';
import type { Logger } from './logging';
import type { GuardianStore } from './storage/store';
import type { Feature } from './dialogs/feature';
import type { TurnPort } from './dialogs/port';
import type { MessageRouter } from './bot/router';
import { createProactiveSender } from './bot/proactive-sender';
import { checkById } from './checks/registry';
import { createAzureScanService } from './scan/azure-scan-service';
import { createCombinedScanService } from './scan/combined-scan-service';
import { startSampleEnvironment, type SampleEnvironment } from './scan/sample-environment';
import { ScanError, type ScanService } from './scan/scan-service';
import type { SnapshotSource } from './scan/snapshot-source';
import { SAMPLE_WORKSPACE_IDS } from './sample';
import { parseResourceId } from './shared/resource-id';
import { loadKnowledge } from './knowledge/content';
import { createRouter } from './knowledge/router';
import { loadLabContent } from './knowledge/lab-content';
import { createWorkshopFeature } from './dialogs/workshop';
import { createBaselineFeature } from './dialogs/baseline';
import { createQnaFeature } from './dialogs/qna';
import { createScanFeature } from './dialogs/scan';
import { createLabFeature } from './dialogs/lab';
import { createWatchFeature } from './dialogs/watch';
import { createLabValidationService } from './lab/validation-service';
import { createNotificationService, defaultInstanceId, type NotificationService } from './notifications/service';
import { registerNotificationRoutes } from './notifications/http';

export interface ProductDependencies {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: GuardianStore;
  readonly sample: boolean;
  readonly continueConversation: (reference: Partial<ConversationReference>, logic: (port: TurnPort) => Promise<void>) => Promise<void>;
}

export interface ProductServices {
  readonly features: readonly Feature[];
  readonly router: MessageRouter;
  readonly scanService: ScanService & SnapshotSource;
  readonly notifications: NotificationService;
  /** The embedded sample environment, when started (tests mutate it to see re-scans change). */
  readonly sampleEnvironment: SampleEnvironment | undefined;
  registerRoutes(server: restify.Server): void;
  close(): Promise<void>;
}

export async function buildProductFeatures(deps: ProductDependencies): Promise<ProductServices> {
  const { config, logger, store } = deps;
  const sampleEnvironment = deps.sample
    ? await startSampleEnvironment({ timeoutMs: config.azure.scanTimeoutMs, concurrency: config.azure.armConcurrency })
    : undefined;
  // DefaultAzureCredential only when a real Azure is configured: no probe of the managed-identity endpoint otherwise.
  const azure = config.azure.allowedScopes.length > 0 ? createAzureScanService(config) : undefined;
  const sampleSubscriptionIds = [...new Set(Object.values(SAMPLE_WORKSPACE_IDS).map((id) => parseResourceId(id).subscriptionId))];
  const scanService = sampleEnvironment
    ? createCombinedScanService({ sample: sampleEnvironment.scanService, sampleSubscriptionIds, ...(azure ? { azure } : {}) })
    : (azure ?? createCombinedScanService({ sample: unavailableSample(), sampleSubscriptionIds: [] }));

  const knowledge = loadKnowledge();
  const router = createRouter(knowledge);
  const notifications = createNotificationService({
    store,
    scanService,
    sender: createProactiveSender({ continueConversation: deps.continueConversation }),
    logger,
    instanceId: defaultInstanceId(),
  });

  // Order matters: a workshop in progress takes free-text answers first; the lab only takes lab commands
  // (and inputs it asked for); the rest act on routed intents; Q&A answers questions and the fallback.
  const features: Feature[] = [
    createWorkshopFeature({ content: knowledge, store }),
    createLabFeature({ content: loadLabContent(), store, validation: createLabValidationService({ source: scanService }) }),
    createWatchFeature({ notifications }),
    createBaselineFeature({ content: knowledge, store }),
    createScanFeature({ scanService, store, logger, checks: checkById }),
    createQnaFeature({ content: knowledge, router }),
  ];

  return {
    features,
    router,
    scanService,
    notifications,
    sampleEnvironment,
    registerRoutes(server) {
      if (registerNotificationRoutes(server, { adminToken: config.adminToken, service: notifications, logger })) {
        logger.info('POST /api/notifications/run is enabled (GUARDIAN_ADMIN_TOKEN is set)');
      }
    },
    async close() {
      await notifications.stop();
      await sampleEnvironment?.close();
    },
  };
}

/** Without the sample environment and without Azure, every scan is refused with the same sentence. */
function unavailableSample(): Parameters<typeof createCombinedScanService>[0]['sample'] {
  const refuse = (): never => {
    throw new ScanError('usage', 'The sample environment is not running and no Azure scope is configured (GUARDIAN_ALLOWED_SCOPES).');
  };
  return { scan: refuse, resolve: refuse, listWorkspaces: () => Promise.resolve([]), snapshot: refuse };
}
