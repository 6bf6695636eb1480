/**
 * User-delegated mode (GUARDIAN_AUTH_MODE=user): the teams-ai authentication settings.
 *
 * Choice: an Azure Bot OAuth connection (teams-ai `OAuthSettings` with `enableSso`), not `TeamsSsoSettings`.
 * - The on-behalf-of exchange happens in the Bot Framework Token Service: Teams hands the bot an SSO token for
 *   `api://botid-{appId}`, the token service exchanges it for an ARM token with the scopes of the connection
 *   (`https://management.azure.com/user_impersonation`). The bot never holds the app registration's secret, so
 *   it keeps working when the bot itself runs as a managed identity (BOT_TYPE=UserAssignedMsi).
 *   TeamsSsoSettings runs MSAL's OBO in the bot process and needs a client secret or certificate there.
 * - Tokens live in the token service, so every bot instance behind one Azure Bot sees the same sign-in;
 *   TeamsSsoSettings caches in each process's MSAL memory.
 * - No auth-start/auth-end pages to host (TeamsSsoSettings needs BOT_DOMAIN pages for its consent pop-up).
 * - Sign-in starts only when a scan needs a token (`autoSignIn: false`): questions, the workshop and the lab
 *   never ask anyone to sign in.
 */
import type { AuthenticationOptions, OAuthSettings } from '@microsoft/teams-ai';
import type { Config } from '../../config';

/** The name of the setting in teams-ai (`app.getTokenOrStartSignIn(context, state, ARM_SETTING)`). */
export const ARM_SETTING = 'arm';
/** The delegated ARM permission the OAuth connection asks for. */
export const ARM_USER_IMPERSONATION = 'https://management.azure.com/user_impersonation';

export const SIGN_IN_CARD_TEXT = {
  title: 'Sign in to Azure',
  text: 'Sign in so that I scan with your own Azure permissions: I will see only the workspaces your account can read.',
} as const;

export type AuthModeConfig = Pick<Config, 'azure' | 'sso' | 'bot'>;

/** Problems that keep user mode from working, as sentences for the start-up log (empty: ready). */
export function userModeProblems(config: AuthModeConfig): string[] {
  if (config.azure.authMode !== 'user') return [];
  const problems: string[] = [];
  if (config.bot.id === '') problems.push('GUARDIAN_AUTH_MODE=user needs BOT_ID (Teams SSO is tied to the bot registration).');
  if (config.sso.oauthConnectionName === '') problems.push('GUARDIAN_AUTH_MODE=user needs OAUTH_CONNECTION_NAME (the Azure Bot OAuth connection for ARM).');
  return problems;
}

/**
 * The `authentication` option for `new Application({...})`, or undefined in bot-identity mode (no sign-in at all).
 * `autoSignIn` is false: teams-ai would otherwise start a sign-in on every incoming activity.
 */
export function armAuthenticationOptions(config: AuthModeConfig): AuthenticationOptions | undefined {
  if (config.azure.authMode !== 'user' || userModeProblems(config).length > 0) return undefined;
  const arm: OAuthSettings = {
    connectionName: config.sso.oauthConnectionName,
    title: SIGN_IN_CARD_TEXT.title,
    text: SIGN_IN_CARD_TEXT.text,
    // Silent SSO token exchange in Teams; the card's button is the fallback when exchange is not possible.
    enableSso: true,
    // A sign-in left open for 15 minutes is abandoned: the next scan asks again.
    timeout: 15 * 60_000,
    endOnInvalidMessage: true,
  };
  return { settings: { [ARM_SETTING]: arm }, default: ARM_SETTING, autoSignIn: false };
}
