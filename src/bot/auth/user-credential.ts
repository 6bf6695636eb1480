/**
 * A TokenCredential over the signed-in user's ARM token, so that the same collectors run with the user's own
 * Azure rights in user-delegated mode. It hands out that token for ARM scopes only: if any code asked it for
 * another audience (Graph, Key Vault data plane, Storage), it refuses instead of leaking a token that would be
 * rejected anyway, or worse, sent to the wrong host.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { isRecord } from '../../shared/is-record';

/** Thrown when the user's token is missing, expired or asked for another audience: the bot should ask to sign in. */
export class UserSignInRequiredError extends Error {
  override readonly name = 'UserSignInRequiredError';
}

export function isUserSignInRequired(error: unknown): error is UserSignInRequiredError {
  return error instanceof UserSignInRequiredError;
}

export interface UserArmCredentialOptions {
  /** The user's ARM access token (from `app.getTokenOrStartSignIn(context, state, ARM_SETTING)`). */
  readonly token: string;
  /** config.azure.armEndpoint: the audience the token is for (sovereign clouds differ). */
  readonly armEndpoint: string;
  readonly now?: () => number;
}

/** Lifetime assumed when the token carries no readable `exp` (opaque tokens): short, so a stale one is not reused. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;
/** Tokens this close to expiry are treated as expired, so a scan never starts with one that dies mid-way. */
const EXPIRY_MARGIN_MS = 60_000;

/** `exp` of a JWT in milliseconds, read without verification (only to know when to ask again), or undefined. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined || payload === '') return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return isRecord(claims) && typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** ARM audiences: the configured endpoint, plus the classic `management.core.windows.net` alias of public Azure. */
function armAudiences(armEndpoint: string): Set<string> {
  const out = new Set<string>();
  try {
    out.add(new URL(armEndpoint).origin.toLowerCase());
  } catch {
    // config.ts validates the endpoint; an invalid one simply matches nothing.
  }
  if (out.has('https://management.azure.com')) out.add('https://management.core.windows.net');
  return out;
}

function isArmScope(scope: string, audiences: ReadonlySet<string>): boolean {
  try {
    return audiences.has(new URL(scope).origin.toLowerCase());
  } catch {
    return false;
  }
}

export function createUserArmCredential(options: UserArmCredentialOptions): TokenCredential {
  const now = options.now ?? Date.now;
  const audiences = armAudiences(options.armEndpoint);
  const issuedAt = now();
  const expiresOnTimestamp = jwtExpiry(options.token) ?? issuedAt + FALLBACK_LIFETIME_MS;
  return {
    getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken | null> {
      const list = Array.isArray(scopes) ? scopes : [scopes];
      if (options.token === '') return Promise.reject(new UserSignInRequiredError('You are not signed in to Azure.'));
      if (list.length === 0 || !list.every((s) => isArmScope(s, audiences))) {
        // The scope names a service, not a secret: safe in the message.
        return Promise.reject(new UserSignInRequiredError(`Your sign-in covers Azure Resource Manager only, not ${list.join(', ') || 'an empty scope'}.`));
      }
      if (expiresOnTimestamp - EXPIRY_MARGIN_MS <= now()) {
        return Promise.reject(new UserSignInRequiredError('Your Azure sign-in has expired.'));
      }
      return Promise.resolve({ token: options.token, expiresOnTimestamp });
    },
  };
}
