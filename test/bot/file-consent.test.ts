import { Writable } from 'node:stream';
import { createFileConsent, FILE_MESSAGES, fileOfferKey, type FileConsentOptions, type PendingFile } from '../../src/bot/file-consent';
import type { FetchLike } from '../../src/bot/file-consent-upload';
import type { AdaptiveCard, AttachmentPort, ConversationInfo, MessageAttachment, TurnPort } from '../../src/dialogs/port';
import { createLogger, silentLogger } from '../../src/logging';
import { createMemoryStore } from '../../src/storage/memory-store';

const OFFER = '0f8fad5b-d9cb-469f-a165-70867728950e';
const UPLOAD_URL = 'https://contoso-my.sharepoint.com/personal/ada/_api/v2.0/drive/upload?tempauth=SECRET-TEMPAUTH-VALUE';
const CONTENT = '# Azure Machine Learning security baseline\n\nRésumé — données ✓\n';

type Sent = { kind: 'text'; text: string } | { kind: 'attachment'; attachment: MessageAttachment; text: string | undefined };

class FakePort implements AttachmentPort {
  readonly sent: Sent[] = [];
  readonly conversation: ConversationInfo;
  constructor(conversation: Partial<ConversationInfo> = {}) {
    this.conversation = { conversationId: 'a:conv-1', conversationType: 'personal', tenantId: 't', userId: 'aad-ada', userName: 'Ada', teamId: undefined, channelId: undefined, ...conversation };
  }
  sendText(text: string): Promise<void> {
    this.sent.push({ kind: 'text', text });
    return Promise.resolve();
  }
  sendAttachment(attachment: MessageAttachment, text?: string): Promise<string> {
    this.sent.push({ kind: 'attachment', attachment, text });
    return Promise.resolve(`act-${this.sent.length}`);
  }
  sendCard(_card: AdaptiveCard): Promise<string> {
    return Promise.resolve('card');
  }
  updateCard(): Promise<void> {
    return Promise.resolve();
  }
  typing(): Promise<void> {
    return Promise.resolve();
  }
  texts(): string[] {
    return this.sent.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
  }
  attachments(): MessageAttachment[] {
    return this.sent.flatMap((s) => (s.kind === 'attachment' ? [s.attachment] : []));
  }
}

interface Put {
  url: string;
  init: RequestInit;
}

function recordingFetch(statuses: number[] = [200]): { fetchImpl: FetchLike; puts: Put[] } {
  const puts: Put[] = [];
  const fetchImpl: FetchLike = (url, init) => {
    puts.push({ url, init });
    return Promise.resolve(new Response('{}', { status: statuses[Math.min(puts.length - 1, statuses.length - 1)] }));
  };
  return { fetchImpl, puts };
}

function setup(overrides: Partial<FileConsentOptions> = {}) {
  const store = createMemoryStore();
  const clock = { now: new Date('2026-03-01T10:00:00Z') };
  const { fetchImpl, puts } = recordingFetch();
  const consent = createFileConsent({ store, logger: silentLogger(), fetchImpl, now: () => clock.now, newId: () => OFFER, ...overrides });
  return { store, clock, puts, consent };
}

const accept = (extra: Record<string, unknown> = {}) => ({
  type: 'fileUpload',
  action: 'accept',
  context: { offerId: OFFER },
  uploadInfo: { name: 'baseline.md', uploadUrl: UPLOAD_URL, contentUrl: 'https://contoso-my.sharepoint.com/personal/ada/Documents/baseline.md', uniqueId: 'UNIQUE-1', fileType: 'md', ...extra },
});

describe('offerFile', () => {
  test('in personal chat: sends the consent card and keeps the content in the store, not in the card', async () => {
    const { store, consent } = setup();
    const port = new FakePort();
    await consent.offerFile(port, 'baseline.md', CONTENT);
    const [card] = port.attachments();
    const bytes = Buffer.byteLength(CONTENT, 'utf8');
    expect(bytes).toBeGreaterThan(CONTENT.length); // the size is in bytes, not characters
    expect(card).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.consent',
      name: 'baseline.md',
      content: { sizeInBytes: bytes, acceptContext: { offerId: OFFER }, declineContext: { offerId: OFFER } },
    });
    expect(JSON.stringify(card)).not.toContain('Résumé');
    const pending = (await store.get<PendingFile>(fileOfferKey(OFFER)))?.value;
    expect(pending).toMatchObject({ content: CONTENT, conversationId: 'a:conv-1', userId: 'aad-ada', expiresAt: '2026-03-01T11:00:00.000Z' });
  });

  test.each(['channel', 'groupChat'] as const)('in a %s: says files come in personal chat, stores nothing', async (conversationType) => {
    const { store, consent } = setup();
    const port = new FakePort({ conversationType });
    await consent.offerFile(port, 'baseline.md', CONTENT);
    expect(port.attachments()).toHaveLength(0);
    expect(port.texts()).toEqual([FILE_MESSAGES.personalOnly]);
    expect(await store.list('file-consent/')).toHaveLength(0);
  });

  test('a port that cannot send attachments gets the same sentence', async () => {
    const { consent } = setup();
    const texts: string[] = [];
    const port: TurnPort = {
      conversation: new FakePort().conversation,
      sendText: (t) => Promise.resolve(void texts.push(t)),
      sendCard: () => Promise.resolve(''),
      updateCard: () => Promise.resolve(),
      typing: () => Promise.resolve(),
    };
    await consent.offerFile(port, 'baseline.md', CONTENT);
    expect(texts).toEqual([FILE_MESSAGES.personalOnly]);
  });

  test('a document over the size cap is not offered', async () => {
    const { store, consent } = setup({ maxBytes: 10 });
    const port = new FakePort();
    await consent.offerFile(port, 'baseline.md', CONTENT);
    expect(port.attachments()).toHaveLength(0);
    expect(port.texts()[0]).toMatch(/more than the 0 KB.*guardian baseline/);
    expect(await store.list('file-consent/')).toHaveLength(0);
  });

  test('a new offer sweeps offers that expired', async () => {
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const { store, clock, consent } = setup({ newId: () => ids.shift()! });
    await consent.offerFile(new FakePort(), 'a.md', CONTENT);
    clock.now = new Date('2026-03-01T12:00:00Z');
    await consent.offerFile(new FakePort(), 'b.md', CONTENT);
    expect((await store.list('file-consent/')).map((e) => e.key)).toEqual(['file-consent/22222222-2222-4222-8222-222222222222']);
  });
});

describe('consent answers', () => {
  async function offered(overrides: Partial<FileConsentOptions> = {}) {
    const s = setup(overrides);
    const port = new FakePort();
    await s.consent.offerFile(port, 'aml-security-baseline-2026-03-01.md', CONTENT);
    port.sent.length = 0;
    return { ...s, port };
  }

  test('accept: PUTs the bytes in one range, shows the file info card, forgets the offer', async () => {
    const { store, puts, consent, port } = await offered();
    await consent.onConsentResponse(port, accept());
    expect(puts).toHaveLength(1);
    const [put] = puts;
    const bytes = Buffer.from(CONTENT, 'utf8');
    expect(put!.url).toBe(UPLOAD_URL);
    expect(put!.init.method).toBe('PUT');
    expect(put!.init.redirect).toBe('error');
    expect(put!.init.headers).toEqual({ 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` });
    expect(Buffer.from(put!.init.body as Uint8Array).equals(bytes)).toBe(true);
    expect(put!.init.headers).not.toHaveProperty('authorization');
    expect(port.sent).toEqual([
      {
        kind: 'attachment',
        text: FILE_MESSAGES.uploaded('baseline.md'),
        attachment: {
          contentType: 'application/vnd.microsoft.teams.card.file.info',
          name: 'baseline.md',
          contentUrl: 'https://contoso-my.sharepoint.com/personal/ada/Documents/baseline.md',
          content: { uniqueId: 'UNIQUE-1', fileType: 'md' },
        },
      },
    ]);
    expect(await store.get(fileOfferKey(OFFER))).toBeUndefined();
  });

  test('accept without a usable content URL: uploads and says so in text', async () => {
    const { consent, port, puts } = await offered();
    await consent.onConsentResponse(port, accept({ contentUrl: 'javascript:alert(1)' }));
    expect(puts).toHaveLength(1);
    expect(port.sent).toEqual([{ kind: 'text', text: FILE_MESSAGES.uploaded('baseline.md') }]);
  });

  test('a failed upload keeps the offer so that Allow can be clicked again', async () => {
    const { fetchImpl, puts } = recordingFetch([500, 201]);
    const { store, consent, port } = await offered({ fetchImpl });
    await consent.onConsentResponse(port, accept());
    expect(port.texts()).toEqual([FILE_MESSAGES.uploadFailed('OneDrive answered HTTP 500')]);
    expect(await store.get(fileOfferKey(OFFER))).toBeDefined();
    await consent.onConsentResponse(port, accept());
    expect(puts).toHaveLength(2);
    expect(port.attachments()[0]?.contentType).toBe('application/vnd.microsoft.teams.card.file.info');
    expect(await store.get(fileOfferKey(OFFER))).toBeUndefined();
  });

  test('a network error is a clear message, not a crash', async () => {
    const { store, consent, port } = await offered({ fetchImpl: () => Promise.reject(new TypeError('fetch failed')) });
    await consent.onConsentResponse(port, accept());
    expect(port.texts()).toEqual([FILE_MESSAGES.uploadFailed('the upload could not connect')]);
    expect(await store.get(fileOfferKey(OFFER))).toBeDefined();
  });

  test('an http upload URL is refused by default and nothing is sent', async () => {
    const { consent, port, puts } = await offered();
    await consent.onConsentResponse(port, accept({ uploadUrl: 'http://127.0.0.1:9/upload' }));
    expect(puts).toHaveLength(0);
    expect(port.texts()).toEqual([FILE_MESSAGES.untrustedUrl]);
  });

  test('an accept without upload info asks to try again', async () => {
    const { consent, port, puts } = await offered();
    await consent.onConsentResponse(port, { action: 'accept', context: { offerId: OFFER } });
    expect(puts).toHaveLength(0);
    expect(port.texts()).toEqual([FILE_MESSAGES.noUploadInfo]);
  });

  test('decline: acknowledges and forgets the offer', async () => {
    const { store, consent, port, puts } = await offered();
    await consent.onConsentResponse(port, { type: 'fileUpload', action: 'decline', context: { offerId: OFFER } });
    expect(port.texts()).toEqual([FILE_MESSAGES.declined]);
    expect(puts).toHaveLength(0);
    expect(await store.get(fileOfferKey(OFFER))).toBeUndefined();
  });

  test('an expired offer: says so, uploads nothing, forgets it', async () => {
    const { store, clock, consent, port, puts } = await offered();
    clock.now = new Date('2026-03-01T11:00:00Z');
    await consent.onConsentResponse(port, accept());
    expect(puts).toHaveLength(0);
    expect(port.texts()).toEqual([FILE_MESSAGES.expired]);
    expect(await store.get(fileOfferKey(OFFER))).toBeUndefined();
  });

  test('an unknown offer id reads as expired', async () => {
    const { consent, port, puts } = await offered();
    await consent.onConsentResponse(port, { ...accept(), context: { offerId: '33333333-3333-4333-8333-333333333333' } });
    expect(puts).toHaveLength(0);
    expect(port.texts()).toEqual([FILE_MESSAGES.expired]);
  });

  test('a forged context gets a clear answer', async () => {
    const { consent, port, puts } = await offered();
    await consent.onConsentResponse(port, { ...accept(), context: { fileName: '/etc/passwd' } });
    await consent.onConsentResponse(port, 'accept');
    expect(puts).toHaveLength(0);
    expect(port.texts()).toEqual([FILE_MESSAGES.unmatched, FILE_MESSAGES.unmatched]);
  });

  test.each([
    ['another user', { userId: 'aad-mallory' }],
    ['another conversation', { conversationId: 'a:conv-2' }],
  ])('an answer from %s is refused and the offer stays for its owner', async (_name, who) => {
    const { store, consent, puts } = await offered();
    const other = new FakePort(who);
    await consent.onConsentResponse(other, accept());
    await consent.onConsentResponse(other, { action: 'decline', context: { offerId: OFFER } });
    expect(puts).toHaveLength(0);
    expect(other.texts()).toEqual([FILE_MESSAGES.notYours, FILE_MESSAGES.notYours]);
    expect(await store.get(fileOfferKey(OFFER))).toBeDefined();
  });

  test('logs never carry the content or the upload URL query', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination });
    const { fetchImpl } = recordingFetch([500, 200]);
    const { consent, port } = await offered({ logger, fetchImpl });
    await consent.onConsentResponse(port, accept());
    await consent.onConsentResponse(port, accept());
    const log = lines.join('');
    expect(log).toContain('file uploaded');
    expect(log).toContain('contoso-my.sharepoint.com');
    expect(log).not.toContain('SECRET-TEMPAUTH-VALUE');
    expect(log).not.toContain('tempauth');
    expect(log).not.toContain('Résumé');
  });
});
