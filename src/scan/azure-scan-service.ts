/**
 * The scan service over real Azure, from configuration: DefaultAzureCredential, the configured ARM endpoint
 * (sovereign clouds), deadline, concurrency and the scopes the bot may scan.
 */
import { createArmClients } from '../azure/clients';
import { createCredential } from '../azure/credentials';
import type { Config } from '../config';
import { createScanService, type GuardianScanService } from './create-scan-service';

export interface AzureScanServiceOptions {
  /** Overrides config.azure.allowedScopes; `undefined` here keeps the config's list (empty = nothing but samples). */
  readonly allowedScopes?: readonly string[] | 'any';
}

export function createAzureScanService(config: Config, options: AzureScanServiceOptions = {}): GuardianScanService {
  const clients = createArmClients({
    credential: createCredential(config.azure, 'azure'),
    endpoint: config.azure.armEndpoint,
    userAgent: `baseline-guardian/${config.version}`,
  });
  const scopes = options.allowedScopes ?? config.azure.allowedScopes;
  return createScanService({
    clients,
    timeoutMs: config.azure.scanTimeoutMs,
    concurrency: config.azure.armConcurrency,
    ...(scopes === 'any' ? {} : { allowedScopes: scopes }),
  });
}
