/**
 * The baseline document through Teams' file-consent flow, end to end over HTTP: "my baseline" in a personal chat
 * → summary card + FileConsentCard (fake Bot Connector) → `fileConsent/invoke` accept → the bot PUTs the Markdown
 * to the upload URL (a loopback server standing in for OneDrive) → FileInfoCard. Then decline, expired and forged
 * answers, and the product wiring (HTTPS-only uploads) through the real startServer.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Attachment } from 'botbuilder';
import { createBot } from '../../src/bot/app';
import { FILE_MESSAGES, createFileConsent, fileOfferKey } from '../../src/bot/file-consent';
import { createBaselineFeature } from '../../src/dialogs/baseline';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { silentLogger } from '../../src/logging';
import { createHttpServer, type HttpServer } from '../../src/server';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { LocalBotClient, localConversation, startBotHarness, testConfig, type BotHarness } from '../support/bot-client';
import { cardOf, messagesIn, startFakeConnector, type ConnectorRecord, type LocalConnector } from '../support/fake-connector';
import { openGuard } from '../dialogs/scan-fakes';
import { testConversation } from '../support/conversation';

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';
const TITLE = '# Azure Machine Learning security baseline';

interface ReceivedUpload {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A loopback stand-in for the OneDrive upload session: records each request, answers with the next status. */
async function startUploadServer(): Promise<{ url: string; received: ReceivedUpload[]; statuses: number[]; close(): Promise<void> }> {
  const received: ReceivedUpload[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 201, { 'content-type': 'application/json' });
      res.end('{"id":"item"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function attachmentOf(record: ConnectorRecord | undefined, contentType: string): Attachment | undefined {
  return record?.activity.attachments?.find((a) => a.contentType === contentType);
}

function consentIn(connector: LocalConnector, conversationId: string): Attachment | undefined {
  return messagesIn(connector, conversationId)
    .map((r) => attachmentOf(r, CONSENT))
    .find((a) => a !== undefined);
}

function consentInvoke(client: LocalBotClient, action: 'accept' | 'decline', context: unknown, uploadInfo?: Record<string, unknown>) {
  return client.post(
    client.activity({ type: 'invoke', name: 'fileConsent/invoke', replyToId: randomUUID(), value: { type: 'fileUpload', action, context, ...(uploadInfo ? { uploadInfo } : {}) } }),
  );
}

function uploadInfo(uploadUrl: string): Record<string, unknown> {
  return {
    name: 'aml-security-baseline.md',
    uploadUrl,
    contentUrl: 'https://contoso-my.sharepoint.com/personal/local_user/Documents/Applications/Baseline%20Guardian/aml-security-baseline.md',
    uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D',
    fileType: 'md',
  };
}

function lastText(connector: LocalConnector, conversationId: string): string | undefined {
  return messagesIn(connector, conversationId).at(-1)?.activity.text;
}

describe('baseline document as a Teams file (loopback uploads allowed for the test)', () => {
  const store = new MemoryGuardianStore();
  const logger = silentLogger();
  let connector: LocalConnector;
  let server: HttpServer;
  let botUrl: string;
  let upload: Awaited<ReturnType<typeof startUploadServer>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    upload = await startUploadServer();
    const knowledge = loadKnowledge();
    // The same composition as the product (src/wiring.ts + src/bot/app.ts), except that the upload target may be
    // plain HTTP on loopback: the stand-in OneDrive is a local server.
    const consent = createFileConsent({ store, logger, allowHttpLoopback: true });
    const bot = createBot({
      config: testConfig(),
      logger,
      store,
      conversation: testConversation([createBaselineFeature({ content: knowledge, store, offerFile: consent.offerFile, lastScanAccess: { guard: openGuard(), userScopedResults: false } })]),
      router: createRouter(knowledge),
      fileConsent: consent,
    });
    server = createHttpServer({ handleActivity: (req, res) => bot.handle(req, res), logger, version: '9.9.9-test' });
    botUrl = (await server.listen(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await server.close();
    await upload.close();
    await connector.close();
  });

  const personal = (): LocalBotClient => new LocalBotClient(botUrl, connector.serviceUrl, localConversation('personal'));

  test('"my baseline" → summary card and consent card → accept → the Markdown lands in "OneDrive" → file info card', async () => {
    const client = personal();
    const conversationId = client.conversation.id;
    expect((await client.sendText('my baseline')).status).toBe(200);

    const [summary, offer] = messagesIn(connector, conversationId);
    expect(cardOf(summary!)).toBeDefined();
    const consent = attachmentOf(offer, CONSENT);
    const content = consent?.content as { sizeInBytes: number; description: string; acceptContext: { offerId: string }; declineContext: unknown };
    expect(consent?.name).toMatch(/^aml-security-baseline-\d{4}-\d{2}-\d{2}\.md$/);
    expect(content.sizeInBytes).toBeGreaterThan(1000);
    expect(content.declineContext).toEqual(content.acceptContext);
    expect(Object.keys(content.acceptContext)).toEqual(['offerId']);
    expect(JSON.stringify(offer?.activity)).not.toContain(TITLE);

    const uploadUrl = `${upload.url}/personal/local_user/upload-session?tempauth=not-a-real-token`;
    const res = await consentInvoke(client, 'accept', content.acceptContext, uploadInfo(uploadUrl));
    expect(res.status).toBe(200);

    expect(upload.received).toHaveLength(1);
    const [put] = upload.received;
    const n = content.sizeInBytes;
    expect(put!.method).toBe('PUT');
    expect(put!.url).toBe('/personal/local_user/upload-session?tempauth=not-a-real-token');
    expect(put!.headers['content-range']).toBe(`bytes 0-${n - 1}/${n}`);
    expect(put!.headers['content-length']).toBe(String(n));
    expect(put!.headers.authorization).toBeUndefined();
    expect(put!.body.length).toBe(n);
    expect(put!.body.toString('utf8').startsWith(TITLE)).toBe(true);

    const done = messagesIn(connector, conversationId).at(-1);
    const info = attachmentOf(done, FILE_INFO);
    expect(info).toEqual({
      contentType: FILE_INFO,
      name: 'aml-security-baseline.md',
      contentUrl: 'https://contoso-my.sharepoint.com/personal/local_user/Documents/Applications/Baseline%20Guardian/aml-security-baseline.md',
      content: { uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: 'md' },
    });
    expect(done?.activity.text).toBe(FILE_MESSAGES.uploaded('aml-security-baseline.md'));
    expect(await store.get(fileOfferKey(content.acceptContext.offerId))).toBeUndefined();

    // The same Allow again: the offer is used up.
    await consentInvoke(client, 'accept', content.acceptContext, uploadInfo(uploadUrl));
    expect(lastText(connector, conversationId)).toBe(FILE_MESSAGES.expired);
    expect(upload.received).toHaveLength(1);
  });

  test('a failed upload says so and Allow can be retried', async () => {
    const client = personal();
    await client.sendText('my baseline');
    const context = (consentIn(connector, client.conversation.id)?.content as { acceptContext: unknown }).acceptContext;
    const before = upload.received.length;
    upload.statuses.push(503);
    await consentInvoke(client, 'accept', context, uploadInfo(`${upload.url}/retry`));
    expect(lastText(connector, client.conversation.id)).toBe(FILE_MESSAGES.uploadFailed('OneDrive answered HTTP 503'));
    await consentInvoke(client, 'accept', context, uploadInfo(`${upload.url}/retry`));
    expect(upload.received.length).toBe(before + 2);
    expect(attachmentOf(messagesIn(connector, client.conversation.id).at(-1), FILE_INFO)).toBeDefined();
  });

  test('decline → a short acknowledgement, the offer is forgotten, nothing uploaded', async () => {
    const client = personal();
    await client.sendText('my baseline');
    const content = consentIn(connector, client.conversation.id)?.content as { declineContext: { offerId: string } };
    const before = upload.received.length;
    expect((await consentInvoke(client, 'decline', content.declineContext)).status).toBe(200);
    expect(lastText(connector, client.conversation.id)).toBe(FILE_MESSAGES.declined);
    expect(await store.get(fileOfferKey(content.declineContext.offerId))).toBeUndefined();
    expect(upload.received.length).toBe(before);
  });

  test('an expired or unknown offer, a forged context, and another conversation each get a clear answer', async () => {
    const owner = personal();
    await owner.sendText('my baseline');
    const context = (consentIn(connector, owner.conversation.id)?.content as { acceptContext: { offerId: string } }).acceptContext;
    const before = upload.received.length;
    const stranger = personal();

    await consentInvoke(stranger, 'accept', context, uploadInfo(`${upload.url}/steal`));
    expect(lastText(connector, stranger.conversation.id)).toBe(FILE_MESSAGES.notYours);

    await consentInvoke(stranger, 'accept', { offerId: randomUUID() }, uploadInfo(`${upload.url}/x`));
    expect(lastText(connector, stranger.conversation.id)).toBe(FILE_MESSAGES.expired);

    await consentInvoke(stranger, 'accept', { fileName: 'x.md', content: '# forged' }, uploadInfo(`${upload.url}/x`));
    expect(lastText(connector, stranger.conversation.id)).toBe(FILE_MESSAGES.unmatched);

    // Past its TTL, the owner's own offer is refused too.
    const key = fileOfferKey(context.offerId);
    const pending = await store.get<Record<string, unknown>>(key);
    await store.put(key, { ...pending!.value, expiresAt: '2000-01-01T00:00:00.000Z' });
    await consentInvoke(owner, 'accept', context, uploadInfo(`${upload.url}/late`));
    expect(lastText(connector, owner.conversation.id)).toBe(FILE_MESSAGES.expired);
    expect(upload.received.length).toBe(before);
  });
});

describe('baseline document with the product wiring (HTTPS-only uploads)', () => {
  let harness: BotHarness;
  let upload: Awaited<ReturnType<typeof startUploadServer>>;

  beforeAll(async () => {
    upload = await startUploadServer();
    harness = await startBotHarness({ conversation: undefined, sample: false, notificationTimer: false });
  });
  afterAll(async () => {
    await harness.close();
    await upload.close();
  });

  test('personal chat gets the consent card; an http upload URL is refused and nothing is sent', async () => {
    const client = harness.client('personal');
    await client.sendText('my baseline');
    const consent = consentIn(harness.connector, client.conversation.id);
    expect(consent).toBeDefined();
    const context = (consent?.content as { acceptContext: unknown }).acceptContext;
    expect((await consentInvoke(client, 'accept', context, uploadInfo(`${upload.url}/upload`))).status).toBe(200);
    expect(lastText(harness.connector, client.conversation.id)).toBe(FILE_MESSAGES.untrustedUrl);
    expect(upload.received).toHaveLength(0);
  });

  test('a channel gets the summary card and no file offer', async () => {
    const channel = harness.client('channel');
    await channel.sendText('my baseline', { mention: true });
    const messages = harness.messages(channel.conversation.id);
    expect(messages.length).toBeGreaterThan(0);
    expect(cardOf(messages[0]!)).toBeDefined();
    expect(consentIn(harness.connector, channel.conversation.id)).toBeUndefined();
  });
});
