/**
 * The embedded default store: one SQLite file (better-sqlite3) in the state folder. WAL mode and a busy
 * timeout let two processes share the file; every multi-row change runs in an IMMEDIATE transaction, and a
 * lease is one UPSERT whose WHERE clause only lets the current holder renew or anyone take an expired lease.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItems } from './store';
import type { GuardianStore, StoredItem } from './store';
import {
  changesError,
  changeToJson,
  compareKeys,
  eTagOf,
  jsonToStoreItem,
  keysError,
  newETag,
  putAllowed,
  putConflict,
  writeAllowed,
  writeConflict,
} from './items';

export const SQLITE_FILE_NAME = 'guardian.db';

export interface SqliteStoreOptions {
  /** Folder of the database file; created when missing. */
  readonly dir: string;
  readonly fileName?: string;
  /** How long a writer waits for another process's lock before failing. */
  readonly busyTimeoutMs?: number;
  readonly now?: () => number;
}

interface ItemRow {
  readonly key: string;
  readonly json: string;
  readonly etag: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (
  key     TEXT PRIMARY KEY,
  json    TEXT NOT NULL,
  etag    TEXT NOT NULL,
  updated INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS leases (
  name    TEXT PRIMARY KEY,
  holder  TEXT NOT NULL,
  expires INTEGER NOT NULL
);
`;

/**
 * The state folder 0700 and the database 0600, created so or narrowed if they exist: the store holds
 * conversation references, findings and bindings that no other local user should read.
 */
function ownerOnly(dir: string, file: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
}

export class SqliteGuardianStore implements GuardianStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly stmt;

  constructor(options: SqliteStoreOptions) {
    this.file = path.join(options.dir, options.fileName ?? SQLITE_FILE_NAME);
    ownerOnly(options.dir, this.file);
    this.now = options.now ?? Date.now;
    this.db = new Database(this.file, { timeout: options.busyTimeoutMs ?? 5_000 });
    this.db.pragma('journal_mode = WAL');
    // SQLite gives the -wal and -shm files the database file's mode; an older state folder may have wider ones.
    for (const side of [`${this.file}-wal`, `${this.file}-shm`]) if (fs.existsSync(side)) fs.chmodSync(side, 0o600);
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.stmt = {
      get: this.db.prepare<[string], ItemRow>('SELECT key, json, etag FROM items WHERE key = ?'),
      upsert: this.db.prepare<[string, string, string, number]>(
        'INSERT INTO items (key, json, etag, updated) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated = excluded.updated',
      ),
      delete: this.db.prepare<[string]>('DELETE FROM items WHERE key = ?'),
      list: this.db.prepare<[number, string], ItemRow>(
        // Compared as bytes so that a prefix with any character (astral ones too) matches exactly.
        'SELECT key, json, etag FROM items WHERE substr(CAST(key AS BLOB), 1, ?) = CAST(? AS BLOB) ORDER BY key',
      ),
      // Renew (same holder) or take over (expired); a live lease of someone else matches no row and changes nothing.
      acquire: this.db.prepare<[string, string, number, number]>(
        `INSERT INTO leases (name, holder, expires) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
         WHERE leases.expires <= ? OR leases.holder = excluded.holder`,
      ),
      release: this.db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?'),
    };
  }

  read(keys: string[]): Promise<StoreItems> {
    const invalid = keysError(keys, 'reading');
    if (invalid) return Promise.reject(invalid);
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.stmt.get.get(key);
      if (row !== undefined) items[key] = jsonToStoreItem(row.json, row.etag);
    }
    return Promise.resolve(items);
  }

  write(changes: StoreItems): Promise<void> {
    const invalid = changesError(changes);
    if (invalid) return Promise.reject(invalid);
    const writeAll = this.db.transaction(() => {
      const now = this.now();
      // All or nothing: a conflict on any key throws and rolls the batch back.
      for (const [key, change] of Object.entries(changes)) {
        if (!writeAllowed(eTagOf(change), this.stmt.get.get(key)?.etag)) throw writeConflict(key);
        this.stmt.upsert.run(key, changeToJson(change), newETag(), now);
      }
    });
    return this.run(() => writeAll.immediate());
  }

  delete(keys: string[]): Promise<void> {
    const invalid = keysError(keys, 'deleting');
    if (invalid) return Promise.reject(invalid);
    const deleteAll = this.db.transaction(() => {
      for (const key of keys) this.stmt.delete.run(key);
    });
    return this.run(() => deleteAll.immediate());
  }

  get<T>(key: string): Promise<StoredItem<T> | undefined> {
    return this.run(() => {
      const row = this.stmt.get.get(key);
      return row === undefined ? undefined : { value: JSON.parse(row.json) as T, eTag: row.etag };
    });
  }

  put<T>(key: string, value: T, ifMatch?: string): Promise<string> {
    const json = JSON.stringify(value);
    const putOne = this.db.transaction((): string => {
      if (!putAllowed(ifMatch, this.stmt.get.get(key)?.etag)) throw putConflict(key, ifMatch ?? '');
      const eTag = newETag();
      this.stmt.upsert.run(key, json, eTag, this.now());
      return eTag;
    });
    return this.run(() => putOne.immediate());
  }

  list<T>(prefix: string): Promise<readonly { key: string; item: StoredItem<T> }[]> {
    return this.run(() =>
      this.stmt.list
        .all(Buffer.byteLength(prefix, 'utf8'), prefix)
        .sort((a, b) => compareKeys(a.key, b.key))
        .map((row) => ({ key: row.key, item: { value: JSON.parse(row.json) as T, eTag: row.etag } })),
    );
  }

  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    return this.run(() => {
      const now = this.now();
      return this.stmt.acquire.run(name, holder, now + ttlMs, now).changes === 1;
    });
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return this.run(() => {
      this.stmt.release.run(name, holder);
    });
  }

  close(): Promise<void> {
    return this.run(() => {
      if (this.db.open) this.db.close();
    });
  }

  /** better-sqlite3 is synchronous: turn its throws into rejections so callers see one error style. */
  private run<R>(work: () => R): Promise<R> {
    try {
      return Promise.resolve(work());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteGuardianStore {
  return new SqliteGuardianStore(options);
}
