/**
 * A sample fleet in one call, for `guardian fleet --sample-fleet`, the fleet tests and the benchmarks: the
 * sample ARM server in fleet mode and SDK clients that trust it. Clients retry throttled requests more often
 * than the default (a fleet meets 429s by design) and never wait longer than 5 s on one Retry-After.
 */
import { createArmClients, type ArmClients, type RetrySettings } from '../azure/clients';
import { createSampleCredential } from '../azure/credentials';
import type { SampleArm } from '../sample';
import { startSampleFleetArm, type FleetSpec } from '../sample/fleet';
import type { ThrottleSettings } from '../sample/fleet-throttle';

export interface SampleFleetOptions {
  readonly latencyMs?: number;
  readonly throttle?: ThrottleSettings;
  readonly retry?: RetrySettings;
}

export interface SampleFleet {
  readonly arm: SampleArm;
  readonly clients: ArmClients;
  close(): Promise<void>;
}

/** Retries enough that a 20% throttle rate leaves no read failed (0.2^9 per read). */
export const FLEET_RETRY: RetrySettings = { maxRetries: 8, retryDelayInMs: 10, maxRetryDelayInMs: 100 };

export async function startSampleFleet(spec: FleetSpec, options: SampleFleetOptions = {}): Promise<SampleFleet> {
  const arm = await startSampleFleetArm(spec, {
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.throttle !== undefined ? { throttle: options.throttle } : {}),
  });
  const clients = createArmClients({
    credential: createSampleCredential(),
    endpoint: arm.endpoint,
    ca: arm.ca,
    retry: options.retry ?? FLEET_RETRY,
    retryAfterCapMs: 5_000,
  });
  return { arm, clients, close: () => arm.close() };
}
