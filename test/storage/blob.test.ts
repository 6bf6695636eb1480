import { randomBytes } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobGuardianStore } from '../../src/storage/blob-store';
import { decodeKey, encodeKey } from '../../src/storage/blob-keys';
import { startAzurite, type AzuriteHandle } from '../support/azurite';
import { describeStoreContract } from './store-contract';

let azurite: AzuriteHandle;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describeStoreContract('blob (Azurite)', {
  atomicBatches: false,
  newBackend: () => {
    const container = `t-${randomBytes(8).toString('hex')}`;
    return {
      open: () => new BlobGuardianStore({ connectionString: azurite.connectionString, container }),
      dispose: async () => {
        await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).deleteIfExists();
      },
    };
  },
});

describe('blob store layout', () => {
  it('creates its container on first use and keeps one readable blob per key', async () => {
    const container = `t-${randomBytes(8).toString('hex')}`;
    const store = new BlobGuardianStore({ connectionString: azurite.connectionString, container });
    await store.put('subscriptions/abc', { id: 'abc' });
    await store.acquireLease('scan/abc', 'me', 60_000);
    const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat()) names.push(blob.name);
    expect(names.sort()).toEqual(['items/subscriptions/abc', 'leases/scan/abc']);
    await client.delete();
  });
});

describe('blob key encoding', () => {
  it.each(['conversation-ref/19:abc@thread.tacv2;messageid=1', 'msteams//x', '/lead', 'ünï 名 😀', 'a~b%c.', ''])('round-trips %p', (key) => {
    const name = encodeKey(key);
    expect(name).toMatch(/^[A-Za-z0-9_~/-]*$/);
    expect(name).not.toMatch(/^\/|\/\//);
    expect(decodeKey(name)).toBe(key);
  });

  it('maps a prefix of a key to a prefix of its encoding', () => {
    const key = 'msteams//conversations/19:ü@x.y;z';
    for (let i = 0; i <= key.length; i++) expect(encodeKey(key).startsWith(encodeKey(key.slice(0, i)))).toBe(true);
  });
});
