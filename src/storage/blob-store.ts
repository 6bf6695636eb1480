/**
 * The scale-out store: Azure Blob Storage, one block blob per key under `items/`, the blob's own eTag as the
 * item's eTag (conditional writes with If-Match / If-None-Match: *), and one small blob per lease under
 * `leases/`.
 *
 * Leases are optimistic (compare-and-swap on the lease blob's eTag), not native blob leases: a blob lease lasts
 * 15–60 s or forever, while callers ask for any ttl (a scan may hold one for minutes, tests for milliseconds).
 * The lease blob holds `{ holder, expires }`; taking it is a conditional write against the eTag that was read,
 * so of two contenders exactly one wins, and a crashed holder's lease simply expires. Expiry compares each
 * instance's clock, so instances must keep their clocks in sync (NTP) to well under the ttl.
 */
// Type only: the credential itself is built by the composition root (src/index.ts), not by the store.
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { StoreItems } from './store';
import { decodeKey, encodeKey } from './blob-keys';
import type { GuardianStore, StoredItem } from './store';
import { changesError, changeToJson, compareKeys, eTagOf, jsonToStoreItem, keysError, putConflict, writeConflict } from './items';
import { isRecord } from '../shared/is-record';

/**
 * A Microsoft Entra token credential (the managed identity's DefaultAzureCredential); the store asks it for
 * `https://storage.azure.com/.default` tokens. (Deriving this from BlobServiceClient's constructor picked its
 * last overload, a Pipeline, which no credential satisfies.)
 */
export type BlobCredential = TokenCredential;

export type BlobStoreOptions = (
  | { readonly connectionString: string }
  | { readonly accountUrl: string; readonly credential: BlobCredential }
) & {
  readonly container: string;
  readonly now?: () => number;
  /** Parallel blob requests for multi-key reads and listings. */
  readonly concurrency?: number;
  /** The HTTP client under the SDK pipeline; tests pass one that trusts a loopback certificate. */
  readonly httpClient?: StoragePipelineOptions['httpClient'];
};

interface LeaseBody {
  readonly holder: string;
  readonly expires: number;
}

const ITEMS = 'items/';
const LEASES = 'leases/';

export class BlobGuardianStore implements GuardianStore {
  private readonly container: ContainerClient;
  private readonly now: () => number;
  private readonly concurrency: number;
  private ready: Promise<void> | undefined;

  constructor(options: BlobStoreOptions) {
    const pipeline: StoragePipelineOptions = options.httpClient === undefined ? {} : { httpClient: options.httpClient };
    const service =
      'connectionString' in options
        ? BlobServiceClient.fromConnectionString(options.connectionString, pipeline)
        : new BlobServiceClient(options.accountUrl, options.credential, pipeline);
    this.container = service.getContainerClient(options.container);
    this.now = options.now ?? Date.now;
    this.concurrency = options.concurrency ?? 8;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const invalid = keysError(keys, 'reading');
    if (invalid) throw invalid;
    const found = await mapLimit(keys, this.concurrency, (key) => this.download(ITEMS + encodeKey(key)));
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const blob = found[i];
      if (blob !== undefined) items[key] = jsonToStoreItem(blob.json, blob.eTag);
    });
    return items;
  }

  /** Not atomic across keys (neither is botbuilder-azure-blobs); each key follows BotBuilder's eTag rules. */
  async write(changes: StoreItems): Promise<void> {
    const invalid = changesError(changes);
    if (invalid) throw invalid;
    await mapLimit(Object.entries(changes), this.concurrency, async ([key, change]) => {
      const name = ITEMS + encodeKey(key);
      const json = changeToJson(change);
      const eTag = eTagOf(change);
      if (eTag === undefined || eTag === '*') {
        await this.upload(name, json);
        return;
      }
      if ((await this.upload(name, json, { ifMatch: eTag })) !== undefined) return;
      // BotBuilder (MemoryStorage) writes a key that does not exist whatever eTag the change carries.
      if ((await this.upload(name, json, { ifNoneMatch: '*' })) === undefined) throw writeConflict(key);
    });
  }

  async delete(keys: string[]): Promise<void> {
    const invalid = keysError(keys, 'deleting');
    if (invalid) throw invalid;
    await this.ensureContainer();
    await mapLimit(keys, this.concurrency, (key) => this.container.getBlockBlobClient(ITEMS + encodeKey(key)).deleteIfExists());
  }

  async get<T>(key: string): Promise<StoredItem<T> | undefined> {
    const blob = await this.download(ITEMS + encodeKey(key));
    return blob === undefined ? undefined : { value: JSON.parse(blob.json) as T, eTag: blob.eTag };
  }

  async put<T>(key: string, value: T, ifMatch?: string): Promise<string> {
    const conditions = ifMatch === undefined ? {} : ifMatch === '*' ? { ifNoneMatch: '*' } : { ifMatch };
    const eTag = await this.upload(ITEMS + encodeKey(key), JSON.stringify(value), conditions);
    if (eTag === undefined) throw putConflict(key, ifMatch ?? '');
    return eTag;
  }

  async list<T>(prefix: string): Promise<readonly { key: string; item: StoredItem<T> }[]> {
    await this.ensureContainer();
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: ITEMS + encodeKey(prefix) })) names.push(blob.name);
    const blobs = await mapLimit(names, this.concurrency, (name) => this.download(name));
    const out: { key: string; item: StoredItem<T> }[] = [];
    names.forEach((name, i) => {
      const blob = blobs[i];
      // A blob deleted between listing and reading is simply gone.
      if (blob !== undefined) out.push({ key: decodeKey(name.slice(ITEMS.length)), item: { value: JSON.parse(blob.json) as T, eTag: blob.eTag } });
    });
    return out.sort((a, b) => compareKeys(a.key, b.key));
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const blobName = LEASES + encodeKey(name);
    const now = this.now();
    const body = JSON.stringify({ holder, expires: now + ttlMs } satisfies LeaseBody);
    const current = await this.download(blobName);
    if (current === undefined) return (await this.upload(blobName, body, { ifNoneMatch: '*' })) !== undefined;
    const lease = parseLease(current.json);
    if (lease !== undefined && lease.holder !== holder && lease.expires > now) return false;
    // Exactly one of several contenders wins: the write is conditional on the eTag that showed it free.
    return (await this.upload(blobName, body, { ifMatch: current.eTag })) !== undefined;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    const blobName = LEASES + encodeKey(name);
    const current = await this.download(blobName);
    if (current === undefined || parseLease(current.json)?.holder !== holder) return;
    try {
      await this.container.getBlockBlobClient(blobName).delete({ conditions: { ifMatch: current.eTag } });
    } catch (e) {
      // Someone took over (our lease had expired) or it is already gone: nothing of ours to release.
      if (!isStatus(e, 404, 412)) throw e;
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (e: unknown) => {
        this.ready = undefined; // try again on the next call
        throw e;
      },
    );
    return this.ready;
  }

  private async download(name: string): Promise<{ json: string; eTag: string } | undefined> {
    await this.ensureContainer();
    try {
      const response = await this.container.getBlockBlobClient(name).download();
      const json = await readStream(response.readableStreamBody);
      return { json, eTag: response.etag ?? '' };
    } catch (e) {
      if (isStatus(e, 404)) return undefined;
      throw e;
    }
  }

  /** Uploads; returns the new eTag, or undefined when the condition failed (412, or 409 for If-None-Match). */
  private async upload(name: string, json: string, conditions: { ifMatch?: string; ifNoneMatch?: string } = {}): Promise<string | undefined> {
    await this.ensureContainer();
    try {
      const response = await this.container
        .getBlockBlobClient(name)
        .upload(json, Buffer.byteLength(json, 'utf8'), { conditions, blobHTTPHeaders: { blobContentType: 'application/json' } });
      return response.etag ?? '';
    } catch (e) {
      if (isStatus(e, 412, 409) || (conditions.ifMatch !== undefined && isStatus(e, 404))) return undefined;
      throw e;
    }
  }
}

export function createBlobStore(options: BlobStoreOptions): BlobGuardianStore {
  return new BlobGuardianStore(options);
}

function parseLease(json: string): LeaseBody | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return isRecord(value) && typeof value.holder === 'string' && typeof value.expires === 'number' ? { holder: value.holder, expires: value.expires } : undefined;
  } catch {
    return undefined; // unreadable lease blob: treat as free
  }
}

function isStatus(e: unknown, ...statuses: number[]): boolean {
  const status = isRecord(e) ? e.statusCode : undefined;
  return typeof status === 'number' && statuses.includes(status);
}

async function readStream(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (stream === undefined) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function mapLimit<I, O>(inputs: readonly I[], limit: number, fn: (input: I) => Promise<O>): Promise<O[]> {
  const out = new Array<O>(inputs.length);
  const queue = inputs.entries();
  const worker = async (): Promise<void> => {
    for (const [i, input] of queue) out[i] = await fn(input);
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return out;
}
