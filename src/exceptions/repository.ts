/**
 * Exceptions the bot keeps, per conversation (the channel that decided), with an audit log of every create,
 * renew and revoke: who and when. Stored at `exceptions/<conversation hash>/<id>` and
 * `exception-audit/<conversation hash>/<time>-<id>`, so that one prefix lists (and `reset` deletes) a
 * conversation's records and nothing of another's.
 */
import { createHash, randomUUID } from 'node:crypto';
import { isWithinScope } from '../shared/resource-id';
import type { GuardianStore } from '../storage/store';
import { ETagConflictError } from '../storage/store';
import type { ExceptionEntry } from './model';

export interface StoredException {
  readonly entry: ExceptionEntry;
  readonly conversationId: string;
  /** The workspace whose scan the exception was accepted from (export and `show exceptions` group by it). */
  readonly workspace: { readonly id: string; readonly name: string };
  readonly state: 'active' | 'revoked';
  /** The owner's chat user id when the owner is the person who accepted (the reminder goes to them in personal chat). */
  readonly ownerUserId?: string;
  /** Set by a scan in which the exception covered no failed finding (the finding passes now); cleared when it covers one again. */
  readonly unusedSince?: string;
  /** The expiry day a reminder was sent for: a renewal (a new expiry) makes a new reminder due. */
  readonly remindedFor?: string;
  /** The expiry day the "finding is back" change was announced for. */
  readonly expiryAnnouncedFor?: string;
}

export type AuditAction = 'create' | 'renew' | 'revoke';

export interface AuditRecord {
  readonly exceptionId: string;
  readonly action: AuditAction;
  readonly by: string;
  readonly at: string;
  readonly checkId: string;
  readonly resource: string;
  readonly expires: string;
  /** The reason and owner after the action (a second accept of the same risk may change them); absent in older records. */
  readonly reason?: string;
  readonly owner?: string;
}

/** What a second accept of the same risk brings besides its expiry: the latest decision's reason and owner. */
export interface RenewedTerms {
  readonly reason: string;
  readonly owner: string;
  /** The owner's chat user id when the owner is the person accepting; absent otherwise. */
  readonly ownerUserId?: string;
}

function withTerms(stored: StoredException, expires: string, terms: RenewedTerms | undefined): StoredException {
  if (terms === undefined) return { ...stored, entry: { ...stored.entry, expires } };
  const { ownerUserId: _previousOwner, ...rest } = stored;
  return {
    ...rest,
    entry: { ...stored.entry, expires, reason: terms.reason, owner: terms.owner },
    ...(terms.ownerUserId === undefined ? {} : { ownerUserId: terms.ownerUserId }),
  };
}

export const EXCEPTION_PREFIX = 'exceptions/';
export const EXCEPTION_AUDIT_PREFIX = 'exception-audit/';

function conversationHash(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('hex').slice(0, 24);
}

export function exceptionPrefixFor(conversationId: string): string {
  return `${EXCEPTION_PREFIX}${conversationHash(conversationId)}/`;
}

export function exceptionAuditPrefixFor(conversationId: string): string {
  return `${EXCEPTION_AUDIT_PREFIX}${conversationHash(conversationId)}/`;
}

export function exceptionKey(conversationId: string, id: string): string {
  return `${exceptionPrefixFor(conversationId)}${id}`;
}

export function newExceptionId(): string {
  return `exc-${randomUUID().slice(0, 8)}`;
}

/** Is the stored exception about `workspaceId`: accepted from its scan, or scoped at, above or below it? */
export function concernsWorkspace(stored: StoredException, workspaceId: string): boolean {
  return (
    stored.workspace.id.toLowerCase() === workspaceId.toLowerCase() ||
    isWithinScope(workspaceId, stored.entry.resource) ||
    isWithinScope(stored.entry.resource, workspaceId)
  );
}

export class ExceptionRepository {
  constructor(
    private readonly store: GuardianStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async listForConversation(conversationId: string, options: { readonly includeRevoked?: boolean } = {}): Promise<StoredException[]> {
    const all = (await this.store.list<StoredException>(exceptionPrefixFor(conversationId))).map((e) => e.item.value);
    return options.includeRevoked === true ? all : all.filter((s) => s.state === 'active');
  }

  /** Every active exception the bot holds, in any conversation. */
  async listAll(): Promise<StoredException[]> {
    return (await this.store.list<StoredException>(EXCEPTION_PREFIX)).map((e) => e.item.value).filter((s) => s.state === 'active');
  }

  async get(conversationId: string, id: string): Promise<StoredException | undefined> {
    return (await this.store.get<StoredException>(exceptionKey(conversationId, id)))?.value;
  }

  async audit(conversationId: string): Promise<AuditRecord[]> {
    return (await this.store.list<AuditRecord>(exceptionAuditPrefixFor(conversationId))).map((e) => e.item.value);
  }

  /** Saves a new exception; the caller has validated it completely (nothing is written for bad input). */
  async create(stored: StoredException): Promise<void> {
    await this.store.put(exceptionKey(stored.conversationId, stored.entry.id), stored, '*');
    await this.record(stored, 'create', stored.entry.createdBy);
  }

  /** A new expiry; with `terms`, also the reason and owner of the decision that renews it. */
  async renew(conversationId: string, id: string, expires: string, by: string, terms?: RenewedTerms): Promise<StoredException | undefined> {
    const next = await this.update(conversationId, id, (s) => (s.state === 'active' ? withTerms(s, expires, terms) : undefined));
    if (next !== undefined) await this.record(next, 'renew', by);
    return next;
  }

  async revoke(conversationId: string, id: string, by: string): Promise<StoredException | undefined> {
    const next = await this.update(conversationId, id, (s) => (s.state === 'active' ? { ...s, state: 'revoked' } : undefined));
    if (next !== undefined) await this.record(next, 'revoke', by);
    return next;
  }

  /** Compare-and-swap; `change` returns undefined to leave the record as it is. */
  async update(conversationId: string, id: string, change: (current: StoredException) => StoredException | undefined): Promise<StoredException | undefined> {
    const key = exceptionKey(conversationId, id);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.store.get<StoredException>(key);
      if (current === undefined) return undefined;
      const next = change(current.value);
      if (next === undefined) return undefined;
      try {
        await this.store.put(key, next, current.eTag);
        return next;
      } catch (e) {
        if (!(e instanceof ETagConflictError)) throw e;
      }
    }
    throw new Error(`Exception ${id} kept changing under an update.`);
  }

  private async record(stored: StoredException, action: AuditAction, by: string): Promise<void> {
    const at = this.now().toISOString();
    const { id: exceptionId, checkId, resource, expires, reason, owner } = stored.entry;
    const record: AuditRecord = { exceptionId, action, by, at, checkId, resource, expires, reason, owner };
    await this.store.put(`${exceptionAuditPrefixFor(stored.conversationId)}${at}-${stored.entry.id}-${action}`, record);
  }
}
