/**
 * The signed-in user's ARM token for the turn being handled, in user-delegated mode. The bot runs each turn
 * inside `runWithUserToken` (AsyncLocalStorage), so the scan service — which knows nothing of the bot — can
 * ask for the token of whoever is talking, and a scan never runs with another user's rights.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ArmTokenResult } from './sign-in';
import { UserSignInRequiredError } from './user-credential';

interface TurnTokenScope {
  armToken(): Promise<ArmTokenResult>;
}

const scope = new AsyncLocalStorage<TurnTokenScope>();

export function runWithUserToken<T>(provider: TurnTokenScope, fn: () => Promise<T>): Promise<T> {
  return scope.run(provider, fn);
}

/** The user's ARM token, or UserSignInRequiredError with the sentence to show (a sign-in card was sent, etc.). */
export async function currentUserArmToken(): Promise<string> {
  const provider = scope.getStore();
  if (provider === undefined) {
    throw new UserSignInRequiredError('Scans of your own workspaces run with your Azure sign-in, which only a conversation with you can provide.');
  }
  const result = await provider.armToken();
  if (result.kind === 'token') return result.token;
  throw new UserSignInRequiredError(result.text);
}
