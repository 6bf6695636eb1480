/**
 * The composition root: configuration → logger → store → sample environment → features → bot → HTTP server.
 * It holds wiring only. `startServer` is also what the tests and `guardian chat` run in-process.
 */
import type * as restify from 'restify';
import { assertServerConfig, type Config, ConfigError, loadConfig, localModeExposureWarning } from './config';
import { createLogger, type Logger } from './logging';
import { createBot, type Bot } from './bot/app';
import type { MessageRouter } from './bot/router';
import type { TypingOptions } from './bot/typing';
import type { SampleEnvironment } from './scan/sample-environment';
import type { Conversation } from './dialogs/conversation';
import { createHttpServer, type HttpLimits } from './server';
import type { TokenCredential } from '@azure/identity';
import { createCredential } from './azure/credentials';
import { createStore as createConfiguredStore } from './storage/create-store';
import type { GuardianStore } from './storage/store';
import { buildProductFeatures, type ProductServices } from './wiring';
import { errorMessage } from './shared/error-message';

export interface StartServerOptions {
  /** The environment to read configuration from (defaults to the process environment). Ignored when `config` is given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly config?: Config;
  /** Overrides config.port; 0 picks a free port. */
  readonly port?: number;
  /** Interface to listen on; config.listenHost when omitted (127.0.0.1 in local mode, all interfaces with a BOT_ID). */
  readonly host?: string;
  readonly logger?: Logger;
  readonly store?: GuardianStore;
  /** Replaces the product's conversation: its features and handlers (tests inject their own). */
  readonly conversation?: Conversation;
  readonly router?: MessageRouter;
  readonly typing?: TypingOptions;
  /** More HTTP routes (tests). The notification trigger is registered by the product wiring. */
  readonly extraRoutes?: (server: restify.Server, services: Services) => void;
  /** Overrides the body size and timeouts of the HTTP server (tests use short timeouts). */
  readonly httpLimits?: Partial<HttpLimits>;
  /** Start the embedded sample environment (default true): "scan sample" and the lab work without Azure. */
  readonly sample?: boolean;
  /**
   * Use this sample environment instead of starting one (tests that restart the bot over the same sample ARM
   * state, or run several bots against one). The caller owns it: close() leaves it running.
   */
  readonly sampleEnvironment?: SampleEnvironment;
  /** Start the notification timer (default true; tests drive passes themselves). */
  readonly notificationTimer?: boolean;
  /** The clock of accepted risk and notification passes (tests move it to days before and after an expiry). */
  readonly clock?: () => Date;
}

/** What the wiring built, for routes and features that need it. */
export interface Services {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: GuardianStore;
  readonly bot: Bot;
  /** Present when the product features were built (not when a test injects its own). */
  readonly product?: ProductServices;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The address the listener is bound to (e.g. 127.0.0.1, or :: for all interfaces). */
  readonly address: string;
  readonly services: Services;
  /** Graceful: stops accepting, waits for turns in flight, closes the store and the sample environment. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig(options.env);
  // Before anything opens: a local-mode server must not be able to reach real Azure.
  assertServerConfig(config);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const store = options.store ?? createStore(config, logger);
  const closers: (() => Promise<void>)[] = [];

  let product: ProductServices | undefined;
  // Late-bound: the features need a proactive sender, the sender needs the bot built from the features.
  const late: { bot?: Bot } = {};
  if (options.conversation === undefined) {
    product = await buildProductFeatures({
      config,
      logger,
      store,
      sample: options.sample ?? true,
      ...(options.sampleEnvironment !== undefined ? { sampleEnvironment: options.sampleEnvironment } : {}),
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
      continueConversation: (reference, logic) => {
        if (late.bot === undefined) throw new Error('the bot is not ready yet');
        return late.bot.continueConversation(reference, logic);
      },
    });
    closers.push(() => product?.close() ?? Promise.resolve());
  }
  const conversation = options.conversation ?? product?.conversation;
  const router = options.router ?? product?.router;

  const bot = createBot({ config, logger, store, ...(conversation ? { conversation } : {}), ...(router ? { router } : {}), ...(options.typing ? { typing: options.typing } : {}) });
  late.bot = bot;
  const services: Services = { config, logger, store, bot, ...(product ? { product } : {}) };
  const http = createHttpServer({
    handleActivity: (req, res) => bot.handle(req, res),
    logger,
    version: config.version,
    ...(options.httpLimits ? { limits: options.httpLimits } : {}),
    extraRoutes: (server) => {
      product?.registerRoutes(server);
      options.extraRoutes?.(server, services);
    },
  });
  const host = options.host ?? config.listenHost;
  const { url, port, address } = await http.listen(options.port ?? config.port, host);
  const localMode = config.bot.id === '';
  logger.info({ url: `${url}/api/messages`, address, localMode }, 'Baseline Guardian is listening');
  const exposure = localModeExposureWarning(config, host);
  if (exposure !== undefined) logger.warn({ address }, exposure);
  if (options.notificationTimer ?? true) {
    product?.notifications.start();
    product?.changeAlerts.start();
  }

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    address,
    services,
    close: () => {
      closed ??= (async () => {
        await http.close();
        for (const close of closers.reverse()) await close();
        if (options.store === undefined) await store.close();
      })();
      return closed;
    },
  };
}

/**
 * The configured store (SQLite by default, Blob for scale-out, memory for tests). Blob with an account URL
 * (no connection string) signs in as the bot's identity: DefaultAzureCredential, i.e. the managed identity in
 * Azure (AZURE_CLIENT_ID picks a user-assigned one), which needs Storage Blob Data Contributor on the container.
 * `credential` is only called in that case; tests pass a fake.
 */
export function createStore(config: Config, logger: Logger, credential: () => TokenCredential = () => createCredential(config.azure, 'azure')): GuardianStore {
  logger.debug({ store: config.state.store }, 'opening the state store');
  const signsIn = config.state.store === 'blob' && config.state.blobConnectionString === '' && config.state.blobAccountUrl !== '';
  return createConfiguredStore(config.state, signsIn ? { credential: credential() } : {});
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    assertServerConfig(config);
  } catch (e) {
    if (e instanceof ConfigError) {
      // The logger needs a valid config, so configuration problems go straight to stderr, all at once.
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger({ level: config.logLevel });
  const running = await startServer({ config, logger });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: { message: errorMessage(e) } }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`Baseline Guardian failed to start: ${errorMessage(e)}\n`);
    process.exit(1);
  });
}
