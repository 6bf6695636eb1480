/**
 * Starts the real server in-process (local mode, loopback, in-memory store) with the fake connector, and gives a
 * client that POSTs real Bot Framework activities to it. Every reply the bot sends lands in the connector.
 */
import { loadConfig, type Config } from '../../src/config';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/index';
import { LocalBotClient, localConversation, type LocalConversation, type PostResult } from '../../src/bot/local-client';
import type { ConversationType } from '../../src/dialogs/port';
import { silentLogger } from '../../src/logging';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { messagesIn, startFakeConnector, type ConnectorRecord, type LocalConnector } from './fake-connector';
import { testConversation } from './conversation';

export { LocalBotClient, localConversation, type LocalConversation, type PostResult };

export interface BotHarness {
  readonly server: RunningServer;
  readonly connector: LocalConnector;
  readonly store: MemoryGuardianStore;
  client(type?: ConversationType, overrides?: Partial<LocalConversation>, authorization?: string): LocalBotClient;
  /** Messages the bot sent into a conversation so far. */
  messages(conversationId: string): ConnectorRecord[];
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ GUARDIAN_STORE: 'memory', LOG_LEVEL: 'silent', ...env }, '9.9.9-test');
}

export async function startBotHarness(options: Partial<StartServerOptions> & { env?: Record<string, string> } = {}): Promise<BotHarness> {
  const connector = await startFakeConnector();
  const store = new MemoryGuardianStore();
  const { env, ...rest } = options;
  const server = await startServer({
    config: testConfig(env),
    logger: silentLogger(),
    store,
    host: '127.0.0.1',
    port: 0,
    conversation: testConversation([]),
    ...rest,
  });
  return {
    server,
    connector,
    store,
    client: (type = 'personal', overrides = {}, authorization) =>
      new LocalBotClient(server.url, connector.serviceUrl, localConversation(type, overrides), authorization),
    messages: (conversationId) => messagesIn(connector, conversationId),
    close: async () => {
      await server.close();
      await connector.close();
    },
  };
}
