/**
 * What every backend shares: how a BotBuilder StoreItem maps to a stored value and back, key ordering, and
 * the eTag rules of a BotBuilder `write` (those of botbuilder-core's MemoryStorage).
 */
import { randomBytes } from 'node:crypto';
import { isRecord } from '../shared/is-record';
import { ETagConflictError, type StoreItem } from './store';

/** The eTag a BotBuilder change carries, if any. */
export function eTagOf(change: unknown): string | undefined {
  return isRecord(change) && typeof change.eTag === 'string' && change.eTag !== '' ? change.eTag : undefined;
}

/** The JSON text stored for a BotBuilder change: the item without its eTag (the store owns eTags). */
export function changeToJson(change: unknown): string {
  const copy: Record<string, unknown> = isRecord(change) ? { ...change } : { value: change };
  delete copy.eTag;
  return JSON.stringify(copy);
}

/** A stored value as BotBuilder `read` returns it: the object plus its current eTag. */
export function jsonToStoreItem(json: string, eTag: string): StoreItem {
  const value: unknown = JSON.parse(json);
  return isRecord(value) ? { ...value, eTag } : { value, eTag };
}

/**
 * BotBuilder write semantics (MemoryStorage): no eTag or `'*'` writes unconditionally (last write wins); a key
 * that does not exist is written whatever eTag the change carries; otherwise the eTag must match.
 */
export function writeAllowed(changeETag: string | undefined, currentETag: string | undefined): boolean {
  return changeETag === undefined || changeETag === '*' || currentETag === undefined || changeETag === currentETag;
}

/** GuardianStore.put semantics: no ifMatch writes; `'*'` only creates; an eTag must match an existing item. */
export function putAllowed(ifMatch: string | undefined, currentETag: string | undefined): boolean {
  if (ifMatch === undefined) return true;
  if (ifMatch === '*') return currentETag === undefined;
  return currentETag === ifMatch;
}

export function writeConflict(key: string): ETagConflictError {
  return new ETagConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
}

export function putConflict(key: string, ifMatch: string): ETagConflictError {
  return new ETagConflictError(ifMatch === '*' ? `Storage: "${key}" already exists.` : `Storage: eTag conflict on "${key}".`);
}

/** Keys sort by UTF-8 bytes (code point order) in every backend, as SQLite's BINARY collation does. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A fresh opaque eTag, unique across processes sharing one backend. */
export function newETag(): string {
  return randomBytes(9).toString('base64url');
}

/** BotBuilder rejects a read or delete without keys and a write without changes (a ReferenceError). */
export function keysError(keys: unknown, what: 'reading' | 'deleting'): ReferenceError | undefined {
  return Array.isArray(keys) ? undefined : new ReferenceError(`Keys are required when ${what}.`);
}

export function changesError(changes: unknown): ReferenceError | undefined {
  return isRecord(changes) ? undefined : new ReferenceError('Changes are required when writing.');
}
