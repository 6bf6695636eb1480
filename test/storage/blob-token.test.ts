/**
 * GUARDIAN_STORE=blob with GUARDIAN_BLOB_ACCOUNT_URL: the store signs its requests with the token credential
 * the composition root hands it (the managed identity in Azure). Offline: the account URL points at a loopback
 * HTTPS stub (self-signed certificate, trusted by this test's HTTP client only) that records what arrives and
 * answers like Blob Storage for the few calls a put and two gets make.
 */
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { toCompatResponse, type WebResourceLike } from '@azure/core-http-compat';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { generate } from 'selfsigned';
import { createStore as createProductStore } from '../../src/index';
import { silentLogger } from '../../src/logging';
import { BlobGuardianStore } from '../../src/storage/blob-store';
import { createStore } from '../../src/storage/create-store';
import type { Config } from '../../src/config';

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
}

const FAKE_TOKEN = 'fake-token-for-blob-test';
const fakeCredential = { getToken: () => Promise.resolve({ token: FAKE_TOKEN, expiresOnTimestamp: Date.now() + 3600e3 }) };

let server: https.Server;
let ca: string;
let accountUrl: string;
const recorded: Recorded[] = [];
const bodies = new Map<string, string>();

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  ca = pems.cert;
  server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      recorded.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
      const reply = (status: number, headers: Record<string, string>, body?: string): void => {
        res.writeHead(status, headers);
        res.end(body);
      };
      const common = { 'x-ms-request-id': 'r', 'x-ms-version': '2025-01-05', date: new Date().toUTCString() };
      if (req.method === 'PUT' && (req.url ?? '').includes('restype=container')) {
        reply(201, { ...common, etag: '"0x1"', 'last-modified': new Date().toUTCString() });
      } else if (req.method === 'PUT') {
        bodies.set(path, Buffer.concat(chunks).toString('utf8'));
        reply(201, { ...common, etag: '"0x2"', 'last-modified': new Date().toUTCString(), 'content-md5': '' });
      } else if (req.method === 'GET' && bodies.has(path)) {
        const body = bodies.get(path)!;
        reply(200, { ...common, etag: '"0x2"', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-ms-blob-type': 'BlockBlob' }, body);
      } else {
        reply(404, { ...common, 'x-ms-error-code': 'BlobNotFound', 'content-type': 'application/xml' }, '<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code><Message>none</Message></Error>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  accountUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/devstoreaccount1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The SDK's own HTTP client, trusting the stub's certificate (the storage SDK takes a v1-style client). */
function trustingClient() {
  const client = createDefaultHttpClient();
  return {
    sendRequest: async (web: WebResourceLike) => {
      const request = createPipelineRequest({
        url: web.url,
        method: web.method,
        headers: createHttpHeaders(web.headers.toJson({ preserveCase: true })),
        body: web.body as string | undefined,
        streamResponseStatusCodes: web.streamResponseStatusCodes ?? new Set<number>(),
      });
      // createPipelineRequest does not take tlsSettings; the node client reads them from the request.
      request.tlsSettings = { ca };
      // The response names the SDK's own request (`web`), which carries the operation the SDK deserializes for.
      return { ...toCompatResponse(await client.sendRequest(request)), request: web };
    },
  };
}

function blobConfig(): Config['state'] {
  return { store: 'blob', dir: '', blobConnectionString: '', blobAccountUrl: accountUrl, blobContainer: 'guardian-state' } as unknown as Config['state'];
}

describe('blob store with an account URL and a token credential', () => {
  it('sends every request with Authorization: Bearer <the credential\'s token>', async () => {
    recorded.length = 0;
    const store = createStore(blobConfig(), { credential: fakeCredential, httpClient: trustingClient() });
    expect(store).toBeInstanceOf(BlobGuardianStore);
    await store.put('subscriptions/abc', { id: 'abc' });
    expect((await store.get<{ id: string }>('subscriptions/abc'))?.value).toEqual({ id: 'abc' });
    expect(await store.get('subscriptions/none')).toBeUndefined();
    expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['PUT /devstoreaccount1/guardian-state', 'PUT /devstoreaccount1/guardian-state/items/subscriptions/abc', 'GET /devstoreaccount1/guardian-state/items/subscriptions/abc', 'GET /devstoreaccount1/guardian-state/items/subscriptions/none']),
    );
    expect(recorded.length).toBeGreaterThanOrEqual(4);
    for (const r of recorded) expect(r.authorization).toBe(`Bearer ${FAKE_TOKEN}`);
  });

  it('refuses to start without a credential (the composition root must pass one)', () => {
    expect(() => createStore(blobConfig())).toThrow(/credential/);
  });

  it('the composition root asks for the identity only for blob with an account URL', () => {
    const asked: string[] = [];
    const credential = () => (asked.push('credential'), fakeCredential);
    const config = { state: blobConfig(), azure: {} } as unknown as Config;
    expect(createProductStore(config, silentLogger(), credential)).toBeInstanceOf(BlobGuardianStore);
    expect(asked).toEqual(['credential']);
    const memory = { ...config, state: { ...config.state, store: 'memory' } } as Config;
    createProductStore(memory, silentLogger(), credential);
    const withConnectionString = { ...config, state: { ...config.state, blobConnectionString: 'UseDevelopmentStorage=true' } } as Config;
    createProductStore(withConnectionString, silentLogger(), credential);
    expect(asked).toEqual(['credential']);
  });
});
