/**
 * The few Azure Storage Queue REST calls the queue consumer needs (create, put, get with a visibility timeout,
 * delete), over fetch: the queue SDK is not a dependency. Requests are signed with the account key (SharedKey,
 * as a connection string gives it; Azurite in tests) or carry an Entra token (managed identity in Azure).
 */
import { createHmac } from 'node:crypto';

const API_VERSION = '2021-12-02';

export interface QueueMessage {
  readonly messageId: string;
  readonly popReceipt: string;
  readonly dequeueCount: number;
  /** The message text as stored (Event Grid writes base64 unless told otherwise). */
  readonly text: string;
}

export interface StorageQueue {
  readonly name: string;
  create(): Promise<void>;
  put(text: string): Promise<void>;
  /** Up to `count` messages (1–32), invisible to other consumers for `visibilitySeconds`. */
  receive(count: number, visibilitySeconds: number): Promise<QueueMessage[]>;
  delete(message: Pick<QueueMessage, 'messageId' | 'popReceipt'>): Promise<void>;
}

export type QueueAuth = { readonly kind: 'shared-key'; readonly account: string; readonly key: string } | { readonly kind: 'token'; readonly getToken: () => Promise<string> };

export class QueueRequestError extends Error {
  override readonly name = 'QueueRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** AccountName, AccountKey and QueueEndpoint (or the default https endpoint) of a storage connection string. */
export function parseQueueConnectionString(connectionString: string): { endpoint: string; auth: QueueAuth } {
  const parts = new Map(
    connectionString
      .split(';')
      .filter((p) => p.includes('='))
      .map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const),
  );
  const account = parts.get('accountname');
  const key = parts.get('accountkey');
  if (account === undefined || key === undefined) throw new Error('The queue connection string needs AccountName and AccountKey.');
  const endpoint = parts.get('queueendpoint') ?? `${parts.get('defaultendpointsprotocol') ?? 'https'}://${account}.queue.${parts.get('endpointsuffix') ?? 'core.windows.net'}`;
  return { endpoint: endpoint.replace(/\/+$/, ''), auth: { kind: 'shared-key', account, key } };
}

/** `endpoint` is the queue service URL (`https://acct.queue.core.windows.net`, or Azurite's `http://127.0.0.1:port/devstoreaccount1`). */
export function createStorageQueue(endpoint: string, name: string, auth: QueueAuth): StorageQueue {
  const base = `${endpoint.replace(/\/+$/, '')}/${name}`;

  const send = async (method: string, url: string, body?: string): Promise<string> => {
    const headers: Record<string, string> = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': API_VERSION };
    if (body !== undefined) headers['content-type'] = 'application/xml';
    const length = body === undefined ? 0 : Buffer.byteLength(body);
    headers.authorization = auth.kind === 'token' ? `Bearer ${await auth.getToken()}` : sharedKey(auth, method, new URL(url), headers, length);
    const response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    if (response.status >= 400) throw new QueueRequestError(response.status, `${method} ${new URL(url).pathname}: HTTP ${response.status} ${/<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? ''}`.trim());
    return text;
  };

  return {
    name,
    async create() {
      try {
        await send('PUT', base);
      } catch (error) {
        if (!(error instanceof QueueRequestError && error.status === 409)) throw error;
      }
    },
    async put(text) {
      await send('POST', `${base}/messages`, `<QueueMessage><MessageText>${escapeXml(text)}</MessageText></QueueMessage>`);
    },
    async receive(count, visibilitySeconds) {
      const xml = await send('GET', `${base}/messages?numofmessages=${Math.min(32, Math.max(1, count))}&visibilitytimeout=${visibilitySeconds}`);
      return [...xml.matchAll(/<QueueMessage>([\s\S]*?)<\/QueueMessage>/g)].flatMap((m) => {
        const field = (tag: string): string | undefined => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(m[1] ?? '')?.[1];
        const messageId = field('MessageId');
        const popReceipt = field('PopReceipt');
        if (messageId === undefined || popReceipt === undefined) return [];
        return [{ messageId, popReceipt: unescapeXml(popReceipt), dequeueCount: Number(field('DequeueCount') ?? '1'), text: unescapeXml(field('MessageText') ?? '') }];
      });
    },
    async delete(message) {
      await send('DELETE', `${base}/messages/${encodeURIComponent(message.messageId)}?popreceipt=${encodeURIComponent(message.popReceipt)}`);
    },
  };
}

/** The Shared Key signature of the Storage REST API (Blob, Queue and File services, version 2015-02-21 and later). */
function sharedKey(auth: Extract<QueueAuth, { kind: 'shared-key' }>, method: string, url: URL, headers: Record<string, string>, contentLength: number): string {
  const msHeaders = Object.entries(headers)
    .filter(([k]) => k.startsWith('x-ms-'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}:${v}\n`)
    .join('');
  const query = [...url.searchParams.entries()].map(([k, v]) => [k.toLowerCase(), v] as const).sort(([a], [b]) => a.localeCompare(b));
  const resource = `/${auth.account}${url.pathname}${query.map(([k, v]) => `\n${k}:${v}`).join('')}`;
  const toSign = [method, '', '', contentLength === 0 ? '' : String(contentLength), '', headers['content-type'] ?? '', '', '', '', '', '', ''].join('\n') + '\n' + msHeaders + resource;
  const signature = createHmac('sha256', Buffer.from(auth.key, 'base64')).update(toSign, 'utf8').digest('base64');
  return `SharedKey ${auth.account}:${signature}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
