/**
 * The bot: a teams-ai Application over a TeamsAdapter, with the routes for install/welcome, messages and card
 * actions. Everything the features see goes through TurnPort; this folder is the only one that knows the SDK.
 */
import {
  ActivityTypes,
  ConfigurationServiceClientCredentialFactory,
  type ConversationReference,
  type Request as BotRequest,
  type Response as BotResponse,
  type TurnContext,
} from 'botbuilder';
import { Application, type TurnState } from '@microsoft/teams-ai';
import { GuardianAdapter } from './guardian-adapter';
import type { Config } from '../config';
import { helpOnlyConversation, type Conversation } from '../dialogs/conversation';
import type { TurnPort } from '../dialogs/port';
import type { Logger } from '../logging';
import type { GuardianStore } from '../storage/store';
import { ACTION_INVOKE_NAME, isExecuteInvoke, isSubmitMessage } from './activity-kinds';
import { saveConversationReference } from './conversation';
import { defaultRouter } from './default-router';
import { createFileConsent, type FileConsent } from './file-consent';
import { MessageHandler } from './message-handler';
import { botAccount, userAccount } from './account';
import type { MessageRouter } from './router';
import { apologyText, logTurnError } from './turn-error';
import { TeamsTurnPort } from './turn-port';
import { DEFAULT_TYPING, type TypingOptions } from './typing';
import { WelcomeFlow } from './welcome-flow';
import { armAuthenticationOptions, userModeProblems } from './auth/settings';
import { armTokenOrSignIn, registerSignInHandlers } from './auth/sign-in';
import { runWithUserToken } from './auth/turn-token';
import { runInTurn } from './team-group';
import { errorMessage } from '../shared/error-message';

export interface BotDependencies {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: GuardianStore;
  /**
   * What messages do: free text goes first to a feature waiting for an answer (onFreeText), then every message to
   * the handler of its intent (src/dialogs/conversation.ts); card verbs go to the feature named by their prefix.
   * Defaults to help only: the help card, or "I did not catch that" with it.
   */
  readonly conversation?: Conversation;
  /** Defaults to the help/greeting router. */
  readonly router?: MessageRouter;
  readonly typing?: TypingOptions;
  /** Answers Teams' file-consent invokes (Allow/Decline on an offered file); defaults to HTTPS-only uploads. */
  readonly fileConsent?: FileConsent;
}

export interface Bot {
  readonly app: Application<TurnState>;
  readonly adapter: GuardianAdapter;
  /** Processes one POST /api/messages (token check, turn, invoke response). */
  handle(req: BotRequest, res: BotResponse): Promise<void>;
  /** Runs `logic` in a saved conversation (proactive send). */
  continueConversation(reference: Partial<ConversationReference>, logic: (port: TurnPort) => Promise<void>): Promise<void>;
}

export function createAdapter(config: Config): GuardianAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.bot.id,
    // An empty id means local mode: no password either, so botbuilder disables the token check.
    MicrosoftAppPassword: config.bot.id === '' ? '' : config.bot.password,
    MicrosoftAppType: config.bot.id === '' ? 'MultiTenant' : config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId,
  });
  return new GuardianAdapter({}, credentials);
}

export function createBot(deps: BotDependencies): Bot {
  const { config, logger, store } = deps;
  const adapter = createAdapter(config);
  for (const problem of userModeProblems(config)) logger.error(problem);
  const authentication = armAuthenticationOptions(config);
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.bot.id,
    storage: store,
    // The bot sends typing itself (withTyping), only when work is slow and per turn.
    startTypingTimer: false,
    removeRecipientMention: true,
    // User-delegated mode only: sign-in to Azure when a scan needs it (autoSignIn false), never on every message.
    ...(authentication !== undefined ? { authentication } : {}),
  });
  registerSignInHandlers(app, logger, authentication !== undefined);
  /** Runs a handler with this turn's team (for the owner check) and, in user-delegated mode, the user's ARM token. */
  const asUser = <T>(context: TurnContext, state: TurnState, fn: () => Promise<T>): Promise<T> =>
    runInTurn(context, () => (authentication === undefined ? fn() : runWithUserToken({ armToken: () => armTokenOrSignIn(app, context, state, logger) }, fn)));

  const messages = new MessageHandler({
    logger,
    conversation: deps.conversation ?? helpOnlyConversation,
    router: deps.router ?? defaultRouter,
    typing: deps.typing ?? DEFAULT_TYPING,
  });
  const welcome = new WelcomeFlow(store, logger);
  const allowedTenants = tenantAllowList(config);
  const allowedChannels = config.allowedChannels === undefined ? undefined : new Set(config.allowedChannels);

  adapter.onTurnError = async (context: TurnContext, error: Error): Promise<void> => {
    // The stack is logged scrubbed of secrets (turn-error.ts), never the activity's payload; the user sees only a
    // reference that names the log line.
    const ref = logTurnError(logger, error, context.activity.type);
    try {
      await context.sendActivity(apologyText(ref));
    } catch (sendError) {
      logger.warn({ err: { message: errorMessage(sendError) } }, 'could not send the apology');
    }
  };

  app.turn('beforeTurn', async (context) => {
    // Typed as a string, but it is whatever the caller posted.
    const posted: unknown = context.activity.channelId;
    const channel = typeof posted === 'string' ? posted : '';
    if (allowedChannels !== undefined && !allowedChannels.has(channel.toLowerCase())) {
      // No answer: the channel's client is not one the bot serves, and its channelData is not trusted.
      logger.warn({ activityType: context.activity.type, channel: channel.slice(0, 32) }, 'activity from a channel that is not allowed');
      return false;
    }
    const tenantId = new TeamsTurnPort(context).conversation.tenantId;
    if (allowedTenants !== undefined && (tenantId === undefined || !allowedTenants.has(tenantId.toLowerCase()))) {
      logger.warn({ activityType: context.activity.type }, 'activity from a tenant that is not allowed');
      if (isMessage(context.activity.type)) await context.sendActivity('This bot is not available for your organization.');
      return false;
    }
    if (isMessage(context.activity.type)) await saveConversationReference(store, context.activity);
    return true;
  });

  app.conversationUpdate('membersAdded', (context) => welcome.onMembersAdded(context));
  app.activity(ActivityTypes.InstallationUpdate, (context) => welcome.onInstallationUpdate(context));

  // Any Action.Execute, whatever its verb: the verb is validated and dispatched in one place.
  app.adaptiveCards.actionExecute(
    (context) => Promise.resolve(isExecuteInvoke(context.activity)),
    (context, state) => asUser(context, state, () => messages.onExecute(context)),
  );
  app.activity(
    (context) => Promise.resolve(isSubmitMessage(context.activity)),
    (context, state) => asUser(context, state, () => messages.onSubmit(context)),
  );
  const withoutSignIn = botAccount(config.azure);
  app.activity(ActivityTypes.Message, (context, state) =>
    asUser(context, state, () => messages.onMessage(context, authentication === undefined ? withoutSignIn : userAccount(app, context, state, logger))),
  );

  // Allow/Decline on a file the bot offered (personal chat); teams-ai answers the invoke with 200 afterwards.
  const files = deps.fileConsent ?? createFileConsent({ store, logger });
  app.fileConsentAccept((context) => files.onConsentResponse(new TeamsTurnPort(context), context.activity.value));
  app.fileConsentDecline((context) => files.onConsentResponse(new TeamsTurnPort(context), context.activity.value));

  return {
    app,
    adapter,
    handle: (req, res) => adapter.handleRequest(req, res, async (context) => void (await app.run(context)), { logger, loopbackServiceUrlOnly: config.bot.id === '' }),
    continueConversation: async (reference, logic) => {
      // The adapter hands a failure inside a proactive turn to onTurnError, which logs it, posts an apology and
      // resolves. Callers (the notification outbox) must see the connector's error to retry a 429 or disable a
      // subscription on 403, and no apology belongs in a conversation nobody wrote in: carry the error out.
      let failure: { readonly error: unknown } | undefined;
      await adapter.continueConversationAsync(config.bot.id, reference, async (context) => {
        try {
          await logic(new TeamsTurnPort(context));
        } catch (error) {
          failure = { error };
        }
      });
      if (failure !== undefined) throw failure.error;
    },
  };
}

const isMessage = (type: string): boolean => type === 'message';

/**
 * Tenants allowed to talk to the bot: GUARDIAN_ALLOWED_TENANTS, else the bot's own tenant (BOT_TENANT_ID).
 * undefined = any tenant, which only local mode (no BOT_ID, on loopback) gets: with a BOT_ID and neither
 * setting (loadConfig refuses that, but a hand-built Config could), the gate stays closed to every tenant.
 */
export function tenantAllowList(config: Pick<Config, 'bot' | 'azure'>): ReadonlySet<string> | undefined {
  if (config.azure.allowedTenants.length > 0) return new Set(config.azure.allowedTenants.map((t) => t.toLowerCase()));
  if (config.bot.id === '') return undefined;
  return new Set(config.bot.tenantId === '' ? [] : [config.bot.tenantId.toLowerCase()]);
}

export { ACTION_INVOKE_NAME };
