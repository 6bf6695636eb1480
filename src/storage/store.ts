/**
 * One store interface for all state: conversation and user state, subscriptions, last findings, outbox,
 * workshop and lab progress. It has the shape of BotBuilder's `Storage` (read/write/delete with eTags), so the
 * same object backs teams-ai's turn state (src/bot checks that it fits), plus prefix listing and leases for work
 * that must run once. The shape is declared here: the stores depend on no bot SDK.
 */

/** One stored item as BotBuilder reads and writes it: the value's fields plus its `eTag`. */
export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}

/** Items by key, as BotBuilder's `Storage.read` returns and `write` takes them. */
export type StoreItems = Record<string, unknown>;

export interface StoredItem<T> {
  readonly value: T;
  readonly eTag: string;
}

export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
}

export interface GuardianStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;

  /** Typed single-key read. */
  get<T>(key: string): Promise<StoredItem<T> | undefined>;
  /**
   * Typed single-key write. With `ifMatch` the write succeeds only if the stored eTag matches
   * (`'*'`: only if the key does not exist yet); otherwise it throws ETagConflictError. Returns the new eTag.
   */
  put<T>(key: string, value: T, ifMatch?: string): Promise<string>;
  /** Keys (with values) under a prefix, in key order. */
  list<T>(prefix: string): Promise<readonly { key: string; item: StoredItem<T> }[]>;

  /** Takes or renews a lease; true when `holder` holds it until now + ttlMs. An expired lease can be taken by anyone. */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;

  close(): Promise<void>;
}
