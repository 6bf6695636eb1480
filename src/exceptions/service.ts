/**
 * Accepted risk as the bot keeps it: accept (validated completely before anything is written), renew, revoke,
 * list, and apply a conversation's exceptions to a report — marking those whose finding passes now as unused.
 * Chat-only limits live here: the expiry must be after today and at most `maxDays` away, and the scope must be
 * one the bot may scan.
 */
import type { ScanReport } from '../checks/types';
import { applyExceptions } from './apply';
import { daysLeft, isExpired, utcDay, type ExceptionEntry } from './model';
import { ExceptionRepository, newExceptionId, type StoredException } from './repository';
import type { GuardianStore } from '../storage/store';
import { expiryDayProblem, validateExceptionFields, type ExceptionFieldError } from './validate';

/** Where chat lists the checks (the command line's `guardian checks` means nothing here). */
const CHAT_CHECK_LIST = 'Say **checks** to see them.';

export interface ExceptionServiceOptions {
  readonly store: GuardianStore;
  readonly isKnownCheck: (checkId: string) => boolean;
  /** May this bot scan `resourceId` (an exception cannot reach beyond what the bot may scan)? */
  readonly mayScan: (resourceId: string) => boolean;
  readonly maxDays: number;
  readonly now?: () => Date;
}

export interface AcceptRequest {
  readonly conversationId: string;
  readonly workspace: { readonly id: string; readonly name: string };
  readonly checkId: string;
  readonly resource: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
  readonly createdBy: string;
  readonly ownerUserId?: string;
}

export type AcceptResult =
  /** `renewed`: the exception of the same risk that this accept renewed, as it was before. */
  | { readonly ok: true; readonly stored: StoredException; readonly renewed?: StoredException }
  | { readonly ok: false; readonly problems: readonly ExceptionFieldError[] };

/** One exception per risk in a conversation: the same check, accepted from the same workspace, on the same scope. */
function isSameRisk(stored: StoredException, request: AcceptRequest): boolean {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  return same(stored.entry.checkId, request.checkId) && same(stored.workspace.id, request.workspace.id) && same(stored.entry.resource, request.resource);
}

export interface ExceptionService {
  accept(request: AcceptRequest): Promise<AcceptResult>;
  renew(conversationId: string, id: string, expires: string, by: string): Promise<AcceptResult>;
  revoke(conversationId: string, id: string, by: string): Promise<StoredException | undefined>;
  list(conversationId: string): Promise<StoredException[]>;
  /** The report with this conversation's unexpired exceptions applied; records which exceptions went unused. */
  applyTo(report: ScanReport, conversationId: string): Promise<ScanReport>;
  readonly repository: ExceptionRepository;
}

export function createExceptionService(options: ExceptionServiceOptions): ExceptionService {
  const now = options.now ?? ((): Date => new Date());
  const repository = new ExceptionRepository(options.store, now);

  function expiryProblems(expires: string): ExceptionFieldError[] {
    const notADay = expiryDayProblem(expires);
    if (notADay !== undefined) return [notADay];
    const left = daysLeft({ expires }, now());
    if (left < 1) return [{ field: 'expires', message: `${expires} is not after today (${utcDay(now())}); an exception needs an expiry in the future.` }];
    if (left > options.maxDays) return [{ field: 'expires', message: `${expires} is ${left} days away; an exception may last at most ${options.maxDays} days.` }];
    return [];
  }

  return {
    repository,

    async accept(request) {
      const problems = validateExceptionFields(request, options.isKnownCheck, CHAT_CHECK_LIST);
      if (!problems.some((p) => p.field === 'expires')) problems.push(...expiryProblems(request.expires));
      if (!problems.some((p) => p.field === 'resource') && !options.mayScan(request.resource)) {
        problems.push({ field: 'resource', message: `${request.resource} is outside the scopes this bot may scan.` });
      }
      if (problems.length > 0) return { ok: false, problems };
      // Accepting a risk already accepted renews that exception with the new decision's terms: one record per
      // risk to review, every decision in the audit log.
      const existing = (await repository.listForConversation(request.conversationId)).find((s) => isSameRisk(s, request));
      if (existing !== undefined) {
        const terms = { reason: request.reason, owner: request.owner, ...(request.ownerUserId === undefined ? {} : { ownerUserId: request.ownerUserId }) };
        const renewed = await repository.renew(request.conversationId, existing.entry.id, request.expires, request.createdBy, terms);
        if (renewed !== undefined) return { ok: true, stored: renewed, renewed: existing };
      }
      const entry: ExceptionEntry = {
        id: newExceptionId(),
        checkId: request.checkId.toUpperCase(),
        resource: request.resource,
        reason: request.reason,
        owner: request.owner,
        expires: request.expires,
        createdBy: request.createdBy,
        createdAt: now().toISOString(),
      };
      const stored: StoredException = {
        entry,
        conversationId: request.conversationId,
        workspace: request.workspace,
        state: 'active',
        ...(request.ownerUserId === undefined ? {} : { ownerUserId: request.ownerUserId }),
      };
      await repository.create(stored);
      return { ok: true, stored };
    },

    async renew(conversationId, id, expires, by) {
      const problems = expiryProblems(expires);
      if (problems.length > 0) return { ok: false, problems };
      const stored = await repository.renew(conversationId, id, expires, by);
      return stored === undefined ? { ok: false, problems: [{ field: 'id', message: 'That exception no longer exists or was revoked.' }] } : { ok: true, stored };
    },

    revoke: (conversationId, id, by) => repository.revoke(conversationId, id, by),

    list: (conversationId) => repository.listForConversation(conversationId),

    async applyTo(report, conversationId) {
      const stored = await repository.listForConversation(conversationId);
      if (stored.length === 0) return report;
      const applied = applyExceptions(report, stored.map((s) => s.entry), now());
      const unused = new Set(applied.unused.map((e) => e.id));
      const used = new Set(applied.used.map((e) => e.id));
      for (const s of stored) {
        if (isExpired(s.entry, now())) continue;
        if (unused.has(s.entry.id) && s.unusedSince === undefined) await repository.update(conversationId, s.entry.id, (c) => ({ ...c, unusedSince: now().toISOString() }));
        if (used.has(s.entry.id) && s.unusedSince !== undefined) await repository.update(conversationId, s.entry.id, ({ unusedSince: _gone, ...c }) => c);
      }
      return applied.report;
    },
  };
}
