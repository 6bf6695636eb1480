/**
 * Azure access, composed once for every entry point: configuration → credential → ARM clients → scan service,
 * with the scopes it may read decided here, before any read. The bot (and through its scan service, lab
 * validation and Defender status), `guardian scan` and `guardian fleet` all build their Azure access with it.
 */
import type { TokenCredential } from '@azure/identity';
import { createArmClients, type ArmClientSettings, type ArmClients } from '../azure/clients';
import { createCredential } from '../azure/credentials';
import type { Config } from '../config';
import { createScanService, type GuardianScanService } from './create-scan-service';
import { scanFleet, type FleetScanOptions, type FleetScanResult } from './fleet-scan';

/** The scopes that bound every read, or 'any': only the identity's own RBAC bounds them. */
export type ScopePolicy = readonly string[] | 'any';

export interface AzureAccessOptions {
  /** Default: config.azure.allowedScopes (empty: nothing may be read). */
  readonly allowedScopes?: ScopePolicy;
  /** Instead of DefaultAzureCredential (user-delegated mode passes the user's own token). */
  readonly credential?: TokenCredential;
  /** Where ARM is and how to reach it, when not config.azure.armEndpoint (tests: a local server and its CA). */
  readonly arm?: Pick<ArmClientSettings, 'endpoint' | 'ca' | 'retry'>;
}

export interface AzureAccess {
  readonly clients: ArmClients;
  /** undefined: any scope the identity can read. */
  readonly allowedScopes: readonly string[] | undefined;
  readonly scanService: GuardianScanService;
  /** A fleet scan within the same scopes. */
  scanFleet(options: Omit<FleetScanOptions, 'allowedScopes'>): Promise<FleetScanResult>;
}

export function createAzureAccess(config: Config, options: AzureAccessOptions = {}): AzureAccess {
  const clients = createArmClients({
    credential: options.credential ?? createCredential(config.azure, 'azure'),
    endpoint: config.azure.armEndpoint,
    userAgent: `baseline-guardian/${config.version}`,
    ...options.arm,
  });
  const policy = options.allowedScopes ?? config.azure.allowedScopes;
  const allowedScopes = policy === 'any' ? undefined : policy;
  const bounded = allowedScopes !== undefined ? { allowedScopes } : {};
  const scanService = createScanService({ clients, timeoutMs: config.azure.scanTimeoutMs, concurrency: config.azure.armConcurrency, ...bounded });
  return { clients, allowedScopes, scanService, scanFleet: (fleet) => scanFleet(clients, { ...fleet, ...bounded }) };
}

/**
 * The scopes of an identity that signs in as itself (the CLI's `az login`, a Teams user in delegated mode): its
 * own RBAC, narrowed by GUARDIAN_ALLOWED_SCOPES when that is set.
 */
export function signedInScopePolicy(config: Config): ScopePolicy {
  return config.azure.allowedScopes.length > 0 ? config.azure.allowedScopes : 'any';
}
