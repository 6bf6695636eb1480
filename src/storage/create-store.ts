/**
 * Picks the store the configuration names. The composition root builds the Azure credential (only it may
 * import @azure/identity) and passes it in for a blob account URL.
 */
import type { Config } from '../config';
import { BlobGuardianStore, type BlobCredential, type BlobStoreOptions } from './blob-store';
import { MemoryGuardianStore } from './memory-store';
import { SqliteGuardianStore } from './sqlite-store';
import type { GuardianStore } from './store';

export interface CreateStoreOptions {
  /** Needed for `blobAccountUrl` (managed identity); ignored otherwise. */
  readonly credential?: BlobCredential;
  readonly now?: () => number;
  /** Blob only: the HTTP client under the SDK pipeline (tests). */
  readonly httpClient?: BlobStoreOptions['httpClient'];
}

export function createStore(state: Config['state'], options: CreateStoreOptions = {}): GuardianStore {
  switch (state.store) {
    case 'memory':
      return new MemoryGuardianStore(options.now);
    case 'sqlite':
      return new SqliteGuardianStore({ dir: state.dir, now: options.now });
    case 'blob': {
      if (state.blobConnectionString !== '') {
        return new BlobGuardianStore({ connectionString: state.blobConnectionString, container: state.blobContainer, now: options.now, httpClient: options.httpClient });
      }
      if (state.blobAccountUrl === '') throw new Error('GUARDIAN_STORE=blob needs a connection string or an account URL.');
      if (options.credential === undefined) throw new Error('GUARDIAN_STORE=blob with an account URL needs a credential from the composition root.');
      return new BlobGuardianStore({ accountUrl: state.blobAccountUrl, credential: options.credential, container: state.blobContainer, now: options.now, httpClient: options.httpClient });
    }
  }
}
