/**
 * A GuardianStore in process memory: tests, `guardian chat`, and `GUARDIAN_STORE=memory`. Values are kept as
 * JSON text so that callers never share object references with the store (the isolation a real store gives).
 * Several store objects may share one `MemoryBackend`, which stands in for "two instances, one database".
 */
import type { StoreItems } from './store';
import type { GuardianStore, StoredItem } from './store';
import {
  changesError,
  changeToJson,
  compareKeys,
  eTagOf,
  jsonToStoreItem,
  keysError,
  putAllowed,
  putConflict,
  writeAllowed,
  writeConflict,
} from './items';

interface Entry {
  readonly json: string;
  readonly eTag: string;
}

interface Lease {
  readonly holder: string;
  readonly until: number;
}

/** The shared state behind one or more MemoryGuardianStore objects. */
export class MemoryBackend {
  readonly entries = new Map<string, Entry>();
  readonly leases = new Map<string, Lease>();
  private counter = 1;

  newETag(): string {
    return String(this.counter++);
  }
}

export class MemoryGuardianStore implements GuardianStore {
  constructor(
    private readonly now: () => number = Date.now,
    private readonly backend: MemoryBackend = new MemoryBackend(),
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    const invalid = keysError(keys, 'reading');
    if (invalid) return Promise.reject(invalid);
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.backend.entries.get(key);
      if (entry !== undefined) items[key] = jsonToStoreItem(entry.json, entry.eTag);
    }
    return Promise.resolve(items);
  }

  write(changes: StoreItems): Promise<void> {
    const invalid = changesError(changes);
    if (invalid) return Promise.reject(invalid);
    // Check every eTag first so that a conflicting batch writes nothing.
    for (const [key, change] of Object.entries(changes)) {
      if (!writeAllowed(eTagOf(change), this.backend.entries.get(key)?.eTag)) return Promise.reject(writeConflict(key));
    }
    for (const [key, change] of Object.entries(changes)) {
      this.backend.entries.set(key, { json: changeToJson(change), eTag: this.backend.newETag() });
    }
    return Promise.resolve();
  }

  delete(keys: string[]): Promise<void> {
    const invalid = keysError(keys, 'deleting');
    if (invalid) return Promise.reject(invalid);
    for (const key of keys) this.backend.entries.delete(key);
    return Promise.resolve();
  }

  get<T>(key: string): Promise<StoredItem<T> | undefined> {
    const entry = this.backend.entries.get(key);
    if (entry === undefined) return Promise.resolve(undefined);
    return Promise.resolve({ value: JSON.parse(entry.json) as T, eTag: entry.eTag });
  }

  put<T>(key: string, value: T, ifMatch?: string): Promise<string> {
    if (!putAllowed(ifMatch, this.backend.entries.get(key)?.eTag)) return Promise.reject(putConflict(key, ifMatch ?? ''));
    const eTag = this.backend.newETag();
    this.backend.entries.set(key, { json: JSON.stringify(value), eTag });
    return Promise.resolve(eTag);
  }

  list<T>(prefix: string): Promise<readonly { key: string; item: StoredItem<T> }[]> {
    const keys = [...this.backend.entries.keys()].filter((k) => k.startsWith(prefix)).sort(compareKeys);
    const out: { key: string; item: StoredItem<T> }[] = [];
    for (const key of keys) {
      const entry = this.backend.entries.get(key);
      if (entry !== undefined) out.push({ key, item: { value: JSON.parse(entry.json) as T, eTag: entry.eTag } });
    }
    return Promise.resolve(out);
  }

  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const lease = this.backend.leases.get(name);
    if (lease !== undefined && lease.holder !== holder && lease.until > now) return Promise.resolve(false);
    this.backend.leases.set(name, { holder, until: now + ttlMs });
    return Promise.resolve(true);
  }

  releaseLease(name: string, holder: string): Promise<void> {
    if (this.backend.leases.get(name)?.holder === holder) this.backend.leases.delete(name);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export function createMemoryStore(options: { now?: () => number; backend?: MemoryBackend } = {}): MemoryGuardianStore {
  return new MemoryGuardianStore(options.now, options.backend);
}
