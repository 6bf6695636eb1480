/**
 * The whole product in-process for end-to-end tests: the real server with the product's features (scan, lab,
 * watch, Q&A…), the embedded sample environment, the fake Bot Connector, and notification passes driven by the
 * test (no timer). Loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/index';
import { silentLogger } from '../../src/logging';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan/sample-environment';
import type { ProductServices } from '../../src/wiring';
import type { GuardianStore } from '../../src/storage/store';
import { LocalBotClient, localConversation, testConfig, type LocalConversation } from './bot-client';
import type { ConversationType } from '../../src/dialogs/port';
import { messagesIn, startFakeConnector, type ConnectorRecord, type LocalConnector } from './fake-connector';

/** 32+ characters, as the configuration demands. */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef-not-a-secret';

export interface ProductBotOptions {
  /** Where the bot sends replies: the connector's URL (or a proxy in front of it). */
  readonly serviceUrl: string;
  readonly connector: LocalConnector;
  readonly env?: Record<string, string>;
  readonly store?: GuardianStore;
  readonly sampleEnvironment?: SampleEnvironment;
  /** The clock of accepted risk and notification passes (the system clock by default). */
  readonly clock?: () => Date;
}

export interface ProductBot {
  readonly server: RunningServer;
  readonly product: ProductServices;
  readonly sample: SampleEnvironment;
  client(type?: ConversationType, overrides?: Partial<LocalConversation>): LocalBotClient;
  /** POST /api/notifications/run with the admin bearer (or the given Authorization header). */
  runNotifications(authorization?: string | null): Promise<{ status: number; body: unknown }>;
  messages(conversationId: string): ConnectorRecord[];
  close(): Promise<void>;
}

export async function startProductBot(options: ProductBotOptions): Promise<ProductBot> {
  const server = await startServer({
    config: testConfig({ GUARDIAN_ADMIN_TOKEN: E2E_ADMIN_TOKEN, ...options.env }),
    logger: silentLogger(),
    host: '127.0.0.1',
    port: 0,
    notificationTimer: false,
    ...(options.store !== undefined ? { store: options.store } : {}),
    ...(options.sampleEnvironment !== undefined ? { sampleEnvironment: options.sampleEnvironment } : {}),
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
  });
  const product = server.services.product;
  if (product?.sampleEnvironment === undefined) {
    await server.close();
    throw new Error('the product features or the sample environment were not built');
  }
  return {
    server,
    product,
    sample: product.sampleEnvironment,
    client: (type = 'personal', overrides = {}) => new LocalBotClient(server.url, options.serviceUrl, localConversation(type, overrides)),
    runNotifications: (authorization = `Bearer ${E2E_ADMIN_TOKEN}`) => postNotificationRun(server.url, authorization),
    messages: (conversationId) => messagesIn(options.connector, conversationId),
    close: () => server.close(),
  };
}

/**
 * The product bot behind a fresh fake Bot Connector for the calling describe block: started before its tests,
 * closed after them. Returns the bot (for use inside tests).
 */
export function productBotForSuite(): () => ProductBot {
  let connector: LocalConnector | undefined;
  let bot: ProductBot | undefined;
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector });
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });
  return () => {
    if (bot === undefined) throw new Error('the product bot has not started');
    return bot;
  };
}

export async function postNotificationRun(botUrl: string, authorization: string | null = `Bearer ${E2E_ADMIN_TOKEN}`): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  const res = await fetch(`${botUrl}/api/notifications/run`, { method: 'POST', headers, body: '{}' });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}

/** A fresh temporary state folder for the SQLite store; `remove()` deletes it. */
export function tempStateDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'guardian-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export { startSampleEnvironment, type SampleEnvironment };
