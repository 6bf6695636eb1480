/**
 * Test wrapper over the sample ARM server: starts it and builds the real SDK clients against it, with an
 * injected fake credential and tiny retry delays (tests never wait on real back-off).
 */
import type { TokenCredential } from '@azure/identity';
import { createArmClients, type ArmClients, type RetrySettings } from '../../src/azure/clients';
import { startSampleArm, type SampleArm, type SampleArmOptions } from '../../src/sample';

export const fakeCredential: TokenCredential = {
  getToken: () => Promise.resolve({ token: 'x', expiresOnTimestamp: Date.now() + 3600e3 }),
};

export interface TestArm {
  readonly arm: SampleArm;
  readonly clients: ArmClients;
  close(): Promise<void>;
}

export const FAST_RETRY: RetrySettings = { maxRetries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 5 };

export async function startTestArm(
  options: SampleArmOptions & { readonly retry?: RetrySettings; readonly retryAfterCapMs?: number } = {},
): Promise<TestArm> {
  const arm = await startSampleArm(options);
  const clients = createArmClients({
    credential: fakeCredential,
    endpoint: arm.endpoint,
    ca: arm.ca,
    retry: options.retry ?? FAST_RETRY,
    ...(options.retryAfterCapMs !== undefined ? { retryAfterCapMs: options.retryAfterCapMs } : {}),
  });
  return { arm, clients, close: () => arm.close() };
}
