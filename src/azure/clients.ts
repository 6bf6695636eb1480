/**
 * The Azure SDK clients, all built from one options object: the ARM endpoint (sovereign clouds and the sample
 * server are just other endpoints), trust for the sample server's certificate, retry settings, a cap on
 * Retry-After, and our user agent. Clients that need a subscription are made per subscription, once.
 */
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { MonitorClient } from '@azure/arm-monitor';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SecurityCenter } from '@azure/arm-security';
import { StorageManagementClient } from '@azure/arm-storage';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';
import { isSampleCredential } from './credentials';
import { createRawArm, type RawArm } from './raw';
import { HIDDEN_RETRY_AFTER_MS, retryAfterMs } from './retry-after';

export interface RetrySettings {
  readonly maxRetries?: number;
  readonly retryDelayInMs?: number;
  readonly maxRetryDelayInMs?: number;
}

export interface ArmClientSettings {
  readonly credential: TokenCredential;
  /** ARM endpoint, e.g. https://management.azure.com (config.azure.armEndpoint) or the sample server's. */
  readonly endpoint: string;
  /** Extra CA certificate (PEM) to trust: the sample server's self-signed certificate. */
  readonly ca?: string;
  readonly retry?: RetrySettings;
  /** Longest Retry-After honoured; a longer one fails the read at once instead of hanging the scan. */
  readonly retryAfterCapMs?: number;
  /** e.g. `baseline-guardian/0.1.0` */
  readonly userAgent?: string;
}

/** The option bag every client constructor receives (old and new SDK generations accept the same keys). */
export interface SharedClientOptions {
  readonly endpoint: string;
  readonly credentialScopes: string[];
  readonly tlsOptions?: { ca: string };
  readonly retryOptions: { maxRetries: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  readonly userAgentOptions: { userAgentPrefix: string };
  readonly additionalPolicies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[];
}

export interface SubscriptionClients {
  readonly subscriptionId: string;
  readonly ml: AzureMachineLearningWorkspaces;
  readonly authorization: AuthorizationManagementClient;
  readonly security: SecurityCenter;
  readonly monitor: MonitorClient;
  readonly storage: StorageManagementClient;
  readonly keyVault: KeyVaultManagementClient;
  readonly containerRegistry: ContainerRegistryManagementClient;
  readonly resources: ResourceManagementClient;
}

export interface ArmClients {
  readonly endpoint: string;
  readonly options: SharedClientOptions;
  readonly graph: ResourceGraphClient;
  /** Raw reads at pinned api-versions through an SDK client's pipeline (auth, TLS, retry, user agent). */
  readonly raw: RawArm;
  forSubscription(subscriptionId: string): SubscriptionClients;
}

export const DEFAULT_RETRY_AFTER_CAP_MS = 10_000;
const DEFAULT_USER_AGENT = 'baseline-guardian';

export function createArmClients(settings: ArmClientSettings): ArmClients {
  const endpoint = settings.endpoint.replace(/\/+$/, '');
  assertEndpointFitsCredential(endpoint, settings.credential);
  const options: SharedClientOptions = {
    endpoint,
    credentialScopes: [`${endpoint}/.default`],
    ...(settings.ca !== undefined ? { tlsOptions: { ca: settings.ca } } : {}),
    retryOptions: {
      maxRetries: settings.retry?.maxRetries ?? 3,
      ...(settings.retry?.retryDelayInMs !== undefined ? { retryDelayInMs: settings.retry.retryDelayInMs } : {}),
      ...(settings.retry?.maxRetryDelayInMs !== undefined ? { maxRetryDelayInMs: settings.retry.maxRetryDelayInMs } : {}),
    },
    userAgentOptions: { userAgentPrefix: settings.userAgent ?? DEFAULT_USER_AGENT },
    additionalPolicies: [{ policy: retryAfterCapPolicy(settings.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS), position: 'perRetry' }],
  };
  const credential = settings.credential;
  // New-generation clients take token scopes as `credentials.scopes`; old ones as `credentialScopes`.
  const modern = { ...options, credentials: { scopes: options.credentialScopes } };
  const perSubscription = new Map<string, SubscriptionClients>();
  const forSubscription = (subscriptionId: string): SubscriptionClients => {
    const key = subscriptionId.toLowerCase();
    const existing = perSubscription.get(key);
    if (existing !== undefined) return existing;
    const made: SubscriptionClients = {
      subscriptionId: key,
      ml: new AzureMachineLearningWorkspaces(credential, key, options),
      authorization: new AuthorizationManagementClient(credential, key, options),
      security: new SecurityCenter(credential, key, options),
      monitor: new MonitorClient(credential, key, modern),
      storage: new StorageManagementClient(credential, key, modern),
      keyVault: new KeyVaultManagementClient(credential, key, modern),
      containerRegistry: new ContainerRegistryManagementClient(credential, key, modern),
      resources: new ResourceManagementClient(credential, key, modern),
    };
    perSubscription.set(key, made);
    return made;
  };
  // Raw reads need a pipeline, not a subscription: a client made for the nil subscription serves them all.
  const pipelineHost = new AzureMachineLearningWorkspaces(credential, '00000000-0000-0000-0000-000000000000', options);
  return {
    endpoint,
    options,
    graph: new ResourceGraphClient(credential, modern),
    raw: createRawArm(pipelineHost, endpoint),
    forSubscription,
  };
}

/**
 * The SDK's throttling strategy sleeps for any Retry-After, with no upper bound (measured: an hour). Above the
 * cap we hide the header from it so that the read fails now as `throttled`, and the rest of the scan goes on;
 * the wait stays on the response under our own header, for the sentence that tells the user how long to wait.
 */
export function retryAfterCapPolicy(capMs: number): PipelinePolicy {
  return {
    name: 'guardianRetryAfterCap',
    async sendRequest(request, next) {
      const response = await next(request);
      const waitMs = retryAfterMs(response.headers);
      if (waitMs !== undefined && waitMs > capMs) {
        response.headers.delete('retry-after');
        response.headers.delete('retry-after-ms');
        response.headers.delete('x-ms-retry-after-ms');
        response.headers.set(HIDDEN_RETRY_AFTER_MS, String(Math.round(waitMs)));
      }
      return response;
    },
  };
}

/** The sample credential's token must never leave the machine. */
function assertEndpointFitsCredential(endpoint: string, credential: TokenCredential): void {
  if (!isSampleCredential(credential)) return;
  const host = new URL(endpoint).hostname;
  if (host !== 'localhost' && host !== '127.0.0.1' && host !== '[::1]') {
    throw new Error(`The sample credential is only for the local sample server, not ${host}.`);
  }
}
