/**
 * The scan service of user-delegated mode: every call runs with the ARM token of the user who asked, through
 * clients built for that call, so each user sees exactly what their own Azure RBAC allows. The token comes from
 * an injected provider (the bot's turn scope); a missing sign-in becomes ScanError('auth') with the sentence
 * to show.
 */
import type { TokenCredential } from '@azure/identity';
import type { ArmClientSettings } from '../azure/clients';
import type { Config } from '../config';
import { createAzureAccess, signedInScopePolicy } from './azure-access';
import type { GuardianScanService } from './create-scan-service';
import { ScanError, type ScanRequest } from './scan-service';

export interface UserScanServiceOptions {
  /** The current user's ARM token; throws with a user-facing sentence when there is none (sign-in needed). */
  readonly userToken: () => Promise<string>;
  /** Wraps the user's token as a credential limited to ARM (src/bot/auth/user-credential.ts). */
  readonly credentialFor: (token: string) => TokenCredential;
  /** Where ARM is and how to reach it, when not config.azure.armEndpoint (tests: the sample server and its CA). */
  readonly arm?: Pick<ArmClientSettings, 'endpoint' | 'ca' | 'retry'>;
}

export function createUserScanService(config: Config, options: UserScanServiceOptions): GuardianScanService {
  const forUser = async (): Promise<GuardianScanService> => {
    let token: string;
    try {
      token = await options.userToken();
    } catch (error) {
      throw new ScanError('auth', error instanceof Error ? error.message : 'Sign in to Azure first.');
    }
    // Built per call: cheap (no I/O), and a client never outlives the token it was given.
    return createAzureAccess(config, {
      credential: options.credentialFor(token),
      allowedScopes: signedInScopePolicy(config),
      ...(options.arm !== undefined ? { arm: options.arm } : {}),
    }).scanService;
  };
  return {
    scan: async (request: ScanRequest) => (await forUser()).scan(request),
    resolve: async (target, signal) => (await forUser()).resolve(target, signal),
    listWorkspaces: async (signal) => (await forUser()).listWorkspaces(signal),
    snapshot: async (target, signal) => (await forUser()).snapshot(target, signal),
    defenderStatus: async (subscriptionId, signal) => {
      const service = await forUser();
      if (service.defenderStatus === undefined) throw new ScanError('usage', 'This service cannot read the Defender plans of a subscription.');
      return service.defenderStatus(subscriptionId, signal);
    },
  };
}
