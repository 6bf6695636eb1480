/**
 * The sample environment in one call, for the bot's sample mode, the CLI's `--sample` and tests: the local
 * sample ARM server, SDK clients that trust its certificate, a credential whose token never leaves loopback,
 * and a scan service whose `sample` / `sample:hardened` targets name the two sample workspaces.
 */
import { createArmClients, type ArmClients, type RetrySettings } from '../azure/clients';
import { createSampleCredential } from '../azure/credentials';
import { SAMPLE_WORKSPACE_IDS, startSampleArm, type SampleArm } from '../sample';
import { createScanService, type GuardianScanService } from './create-scan-service';

export interface SampleEnvironmentOptions {
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  readonly retry?: RetrySettings;
  readonly pageSize?: number;
  readonly now?: () => Date;
}

export interface SampleEnvironment {
  readonly arm: SampleArm;
  readonly clients: ArmClients;
  readonly scanService: GuardianScanService;
  close(): Promise<void>;
}

export async function startSampleEnvironment(options: SampleEnvironmentOptions = {}): Promise<SampleEnvironment> {
  const arm = await startSampleArm(options.pageSize !== undefined ? { pageSize: options.pageSize } : {});
  const clients = createArmClients({
    credential: createSampleCredential(),
    endpoint: arm.endpoint,
    ca: arm.ca,
    // Local server: no reason to back off for seconds.
    retry: options.retry ?? { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 100 },
    retryAfterCapMs: 2_000,
  });
  const scanService = createScanService({
    clients,
    timeoutMs: options.timeoutMs ?? 30_000,
    concurrency: options.concurrency ?? 16,
    samples: { ...SAMPLE_WORKSPACE_IDS },
    defaultSample: 'lab-default',
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  return { arm, clients, scanService, close: () => arm.close() };
}
