/**
 * Credentials for ARM. Real Azure gets DefaultAzureCredential (managed identity in Azure, `az login` locally),
 * created only when asked for; the sample environment gets a fixed fake token that the clients refuse to send
 * anywhere but loopback (see clients.ts).
 */
import {
  AggregateAuthenticationError,
  AuthenticationError,
  CredentialUnavailableError,
  DefaultAzureCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential,
} from '@azure/identity';
import type { Config } from '../config';

export type CredentialMode = 'azure' | 'sample';

export type AzureCredentialConfig = Pick<Config['azure'], 'managedIdentityClientId' | 'authorityHost'>;

/** Marks the sample credential so that clients can keep it on loopback. */
export const SAMPLE_CREDENTIAL = Symbol('guardian.sampleCredential');

export interface SampleCredential extends TokenCredential {
  readonly [SAMPLE_CREDENTIAL]: true;
}

export function createCredential(azure: AzureCredentialConfig, mode: CredentialMode): TokenCredential {
  if (mode === 'sample') return createSampleCredential();
  return sharedTokens(
    new DefaultAzureCredential({
      ...(azure.managedIdentityClientId !== '' ? { managedIdentityClientId: azure.managedIdentityClientId } : {}),
      authorityHost: azure.authorityHost,
    }),
  );
}

/** A token is handed out again while it has at least this long to live (the SDK refreshes 2 minutes before expiry). */
const REUSE_MARGIN_MS = 5 * 60_000;

/**
 * One token per set of scopes for all SDK clients: a scan starts with every client asking at once, and then
 * each new client asks again; without this, DefaultAzureCredential would run its chain (a managed-identity
 * request, an `az` process…) for each of them. A request with claims or a tenant goes alone, and the shared
 * request is not tied to one caller's abort signal.
 */
export function sharedTokens(credential: TokenCredential, now: () => number = Date.now): TokenCredential {
  const pending = new Map<string, Promise<AccessToken | null>>();
  const issued = new Map<string, AccessToken>();
  return {
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      if (options?.claims !== undefined || options?.tenantId !== undefined) return credential.getToken(scopes, options);
      const { abortSignal: _own, ...shared } = options ?? {};
      const key = `${[scopes].flat().join(' ')}|${shared.enableCae === true ? 'cae' : ''}`;
      const fresh = issued.get(key);
      if (fresh !== undefined && fresh.expiresOnTimestamp - now() > REUSE_MARGIN_MS) return Promise.resolve(fresh);
      const existing = pending.get(key);
      if (existing !== undefined) return existing;
      const request = credential
        .getToken(scopes, shared)
        .then((token) => {
          if (token !== null) issued.set(key, token);
          return token;
        })
        .finally(() => pending.delete(key));
      pending.set(key, request);
      return request;
    },
  };
}

/** A credential for the sample ARM server: a constant, meaningless token. */
export function createSampleCredential(): SampleCredential {
  return {
    [SAMPLE_CREDENTIAL]: true,
    getToken: (): Promise<AccessToken> => Promise.resolve({ token: 'guardian-sample-token', expiresOnTimestamp: Date.now() + 3600_000 }),
  };
}

export function isSampleCredential(credential: TokenCredential): boolean {
  return SAMPLE_CREDENTIAL in credential && credential[SAMPLE_CREDENTIAL] === true;
}

/** Is this error a credential problem (no login, no identity, token refused by Entra)? */
export function isCredentialError(error: unknown): boolean {
  return error instanceof AggregateAuthenticationError || error instanceof CredentialUnavailableError || error instanceof AuthenticationError;
}

/**
 * What MSAL and Node say when the sign-in server could not be reached at all (DNS, refused connection, TLS, an
 * authority whose metadata cannot be fetched). EnvironmentCredential wraps these as an HTTP 400
 * AuthenticationError, which would otherwise read as a rejected secret.
 */
const UNREACHABLE_AUTHORITY = /\b(endpoints_resolution_error|openid_config_error|network_error|network_request_failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|CERT_[A-Z_]+|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\b/;

/** One sentence for a credential failure; the SDK's multi-line detail belongs behind --verbose. */
export function describeCredentialError(error: unknown): string | undefined {
  if (!isCredentialError(error)) return undefined;
  const unreachable = unreachableAuthorityCode(error);
  if (unreachable !== undefined) {
    return `Could not reach the Microsoft Entra ID sign-in server to get a token (${unreachable}): the network, a proxy or the configured authority host is at fault, not the credential; check that the authority host is right and reachable, then try again.`;
  }
  if (error instanceof AuthenticationError) {
    return `Microsoft Entra ID refused the credential (HTTP ${error.statusCode}); sign in again with \`az login\` or check the identity's secret.`;
  }
  return 'No Azure credentials found: run `az login`, or set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, or give the bot a managed identity.';
}

/** The MSAL or Node code naming an unreachable sign-in server, found in the error or the errors it aggregates. */
function unreachableAuthorityCode(error: unknown): string | undefined {
  const texts: string[] = [];
  const collect = (e: unknown): void => {
    if (!(e instanceof Error)) return;
    texts.push(e.message);
    if (e instanceof AuthenticationError) texts.push(e.errorResponse.errorDescription);
    if (e instanceof AggregateAuthenticationError) for (const inner of e.errors) collect(inner);
  };
  collect(error);
  for (const text of texts) {
    const match = UNREACHABLE_AUTHORITY.exec(text);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}
