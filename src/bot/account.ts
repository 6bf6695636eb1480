/**
 * The `signin` and `signout` commands. In user-delegated mode they drive the Azure OAuth connection (the sign-in
 * card, or signing out of the token service); in bot mode the bot reads Azure with its own identity, so there is
 * nothing to sign in to, and the user is told so rather than "I did not catch that". A bot given no Azure scope
 * (local mode, the sample only) says that instead: it reads no Azure at all, with any identity.
 */
import type { TurnContext } from 'botbuilder';
import type { Application, AuthenticationManager, TurnState } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../logging';
import { scrubSecrets } from '../logging';
import { ARM_SETTING } from './auth/settings';
import { armTokenOrSignIn, SIGN_IN_TEXT } from './auth/sign-in';
import { errorMessage } from '../shared/error-message';
import type { AccountCommandHandlers } from '../dialogs/conversation';
import type { AccountPort } from '../dialogs/port';

/** What `signin` / `signout` answer in this turn (one sentence each). */
export type AccountCommands = AccountPort;

/** The bot's part of the command map: the two commands answer with the account of the turn. */
export const ACCOUNT_COMMANDS: AccountCommandHandlers = {
  signin: async (_intent, { port, account }) => port.sendText(await account.signIn()),
  signout: async (_intent, { port, account }) => port.sendText(await account.signOut()),
};

export const BOT_IDENTITY_TEXT =
  'No sign-in needed: this bot reads Azure with its own identity (its managed identity or service principal), so ' +
  'what it can scan is set by the roles an administrator gave it, not by your account.';

export const SAMPLE_ONLY_TEXT =
  'No sign-in needed: this bot is not connected to Azure yet, so it scans only the sample workspaces ("scan sample") ' +
  'and reads no Azure subscription with any account. Whoever runs the bot can connect it to your subscriptions.';

export const ALREADY_SIGNED_IN_TEXT = 'You are already signed in to Azure: I scan with your own permissions. Say "sign out" to stop.';

/** Bot mode: both commands explain that there is no user sign-in. */
export const botIdentityAccount: AccountCommands = {
  signIn: () => Promise.resolve(BOT_IDENTITY_TEXT),
  signOut: () => Promise.resolve(BOT_IDENTITY_TEXT),
};

/** Not connected to Azure (no allowed scope): both commands say that only the sample can be scanned. */
export const sampleOnlyAccount: AccountCommands = {
  signIn: () => Promise.resolve(SAMPLE_ONLY_TEXT),
  signOut: () => Promise.resolve(SAMPLE_ONLY_TEXT),
};

/** The account commands when users do not sign in: the bot identity's, or the sample-only answer when no Azure is set up. */
export function botAccount(azure: Pick<Config['azure'], 'allowedScopes'>): AccountCommands {
  return azure.allowedScopes.length > 0 ? botIdentityAccount : sampleOnlyAccount;
}

/** What of the teams-ai Application the account commands use. */
export type AccountApp<TState extends TurnState> = Pick<Application<TState>, 'getTokenOrStartSignIn'> & {
  readonly authentication: Pick<AuthenticationManager<TState>, 'signOutUser'>;
};

/** User-delegated mode: the OAuth connection of `app`, for the user of this turn. */
export function userAccount<TState extends TurnState>(app: AccountApp<TState>, context: TurnContext, state: TState, logger: Logger): AccountCommands {
  return {
    async signIn() {
      const result = await armTokenOrSignIn(app, context, state, logger);
      return result.kind === 'token' ? ALREADY_SIGNED_IN_TEXT : result.text;
    },
    async signOut() {
      try {
        await app.authentication.signOutUser(context, state, ARM_SETTING);
        return SIGN_IN_TEXT.signedOut;
      } catch (error) {
        logger.warn({ err: { message: scrubSecrets(errorMessage(error)) } }, 'could not sign the user out');
        return 'I could not sign you out of Azure just now. Try again in a moment.';
      }
    },
  };
}
