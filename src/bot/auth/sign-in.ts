/**
 * What the user hears around sign-in, and the handlers teams-ai 1.7.4 lacks.
 *
 * Teams sends a `signin/failure` invoke when its silent SSO token exchange fails (most often
 * `resourcematchfailed`: the Entra "Application ID URI", the OAuth connection's "Token Exchange URL" and the
 * manifest's `webApplicationInfo.resource` are not all `api://botid-{appId}`). teams-ai has no route for it, so
 * without this handler the user sees nothing at all. We answer 200 (so Teams does not show an error), tell the
 * user what happened in one sentence, and log the code (never a token) for the administrator.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, AuthError, TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../../logging';
import { scrubSecrets } from '../../logging';
import { ARM_SETTING } from './settings';
import { isRecord } from '../../shared/is-record';
import { errorMessage } from '../../shared/error-message';

export const SIGNIN_FAILURE_INVOKE = 'signin/failure';

export const SIGN_IN_TEXT = {
  started: 'I need you to sign in to Azure first, so that I scan with your own permissions. Use the sign-in button above, then ask me again.',
  succeeded: 'You are signed in to Azure. Ask me again to scan, for example "scan <workspace>".',
  alreadyStarted: 'A sign-in is already waiting for you above. Finish it (or say "sign out" to start over), then ask me again.',
  consent:
    'Your organization has not yet allowed this bot to read Azure on your behalf. Ask an administrator to grant consent ' +
    'to the bot\'s app registration (Azure Service Management, user_impersonation), then try again.',
  misconfigured:
    'Single sign-on to Azure is not set up correctly for this bot, so I could not sign you in. ' +
    'An administrator should check that the app registration\'s Application ID URI, the OAuth connection\'s token exchange URL ' +
    'and the app manifest\'s webApplicationInfo all use api://botid-<app id>.',
  failed: 'Sign-in to Azure did not complete, so I did not scan anything. Ask me again to retry.',
  signedOut: 'You are signed out of Azure. I will ask you to sign in again the next time you ask for a scan.',
} as const;

export interface SignInFailureValue {
  readonly code: string;
  readonly message: string;
}

/** The `value` of a `signin/failure` invoke, read defensively (it is client-supplied). */
export function parseSignInFailure(value: unknown): SignInFailureValue {
  const record = isRecord(value) ? value : {};
  // Scrubbed before it is cut, so a token cannot survive as a fragment too short for the patterns.
  const text = (v: unknown): string => (typeof v === 'string' ? scrubSecrets(v).replace(/[^\w .:/-]/g, '').slice(0, 200) : '');
  return { code: text(record.code) || 'unknown', message: text(record.message) };
}

/** One sentence for the user, chosen by the failure code. */
export function signInFailureText(failure: SignInFailureValue): string {
  const code = failure.code.toLowerCase();
  if (code === 'resourcematchfailed' || code === 'resourcemismatch') return SIGN_IN_TEXT.misconfigured;
  if (code.includes('consent') || /aadsts65001|consent/i.test(failure.message)) return SIGN_IN_TEXT.consent;
  return SIGN_IN_TEXT.failed;
}

/** One sentence for a teams-ai `onUserSignInFailure` error (the message may quote Entra's error text). */
export function authErrorText(error: Pick<AuthError, 'message'> | Error): string {
  const message = error.message;
  if (/AADSTS65001|consent_required|interaction_required|invalid_grant.*consent/i.test(message)) return SIGN_IN_TEXT.consent;
  if (/AADSTS500011|AADSTS50011|resource.*not found|resourcematchfailed/i.test(message)) return SIGN_IN_TEXT.misconfigured;
  return SIGN_IN_TEXT.failed;
}

export function isSignInFailureInvoke(context: Pick<TurnContext, 'activity'>): boolean {
  return context.activity.type === 'invoke' && context.activity.name === SIGNIN_FAILURE_INVOKE;
}

/** Handles one `signin/failure` invoke: tells the user, logs the code, answers the invoke with 200. */
export async function handleSignInFailure(context: TurnContext, logger: Logger): Promise<void> {
  const failure = parseSignInFailure(context.activity.value);
  logger.warn({ code: failure.code, detail: failure.message }, 'Teams SSO sign-in failed (signin/failure)');
  await context.sendActivity(signInFailureText(failure));
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } });
}

/**
 * Wires the sign-in handlers into the app. Call once, after `new Application(...)`:
 * the `signin/failure` invoke route always (harmless in bot mode: Teams only sends it after an SSO attempt),
 * and the success/failure messages when the app has user authentication configured.
 */
export function registerSignInHandlers<TState extends TurnState>(app: Application<TState>, logger: Logger, userAuthConfigured: boolean): void {
  app.addRoute((context) => Promise.resolve(isSignInFailureInvoke(context)), (context) => handleSignInFailure(context, logger), true);
  if (!userAuthConfigured) return;
  const arm = app.authentication.get(ARM_SETTING);
  arm.onUserSignInSuccess(async (context) => {
    await context.sendActivity(SIGN_IN_TEXT.succeeded);
  });
  arm.onUserSignInFailure(async (context, _state, error) => {
    logger.warn({ cause: error.cause, err: { message: scrubSecrets(error.message) } }, 'Azure sign-in failed');
    await context.sendActivity(authErrorText(error));
  });
}

export type ArmTokenResult =
  | { readonly kind: 'token'; readonly token: string }
  /** The sign-in card was sent (or a sign-in is pending): end the turn, the user will ask again. */
  | { readonly kind: 'signing-in'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

/**
 * The user's ARM token, or the start of a sign-in. Wraps `app.getTokenOrStartSignIn`, which throws when a
 * sign-in is already pending and returns undefined when it just sent the sign-in card.
 */
export async function armTokenOrSignIn<TState extends TurnState>(
  app: Pick<Application<TState>, 'getTokenOrStartSignIn'>,
  context: TurnContext,
  state: TState,
  logger: Logger,
): Promise<ArmTokenResult> {
  try {
    const token = await app.getTokenOrStartSignIn(context, state, ARM_SETTING);
    if (token !== undefined && token !== '') return { kind: 'token', token };
    return { kind: 'signing-in', text: SIGN_IN_TEXT.started };
  } catch (error) {
    const message = errorMessage(error);
    if (/already started/i.test(message)) return { kind: 'signing-in', text: SIGN_IN_TEXT.alreadyStarted };
    logger.warn({ err: { message: scrubSecrets(message) } }, 'could not start the Azure sign-in');
    return { kind: 'failed', text: authErrorText(error instanceof Error ? error : new Error(message)) };
  }
}
