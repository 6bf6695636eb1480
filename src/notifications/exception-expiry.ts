/**
 * The expiry side of accepted risk, run in every notifications pass after the due scans:
 *
 * - `remindDays` before an exception expires (GUARDIAN_EXCEPTION_REMIND_DAYS, default 7), a reminder with *Renew*
 *   and *Revoke* goes to the conversation that accepted it, and to its owner in a personal chat when the bot has
 *   one with them. The outbox id is derived from (exception, expiry day, audience) and the record remembers the
 *   expiry it reminded for, so a reminder is sent once; a renewal (a new expiry) makes the next one due.
 * - Once it has expired, each watch of that conversation whose last report still shows a finding accepted by it
 *   gets the change card (the finding failed again) — once, under the watch's scan lease — and the watch's last
 *   report moves on, so the next scheduled scan does not announce it a second time. When a scheduled scan in the
 *   same pass already saw the finding fail, its last report no longer carries the exception and nothing more is sent.
 */
import type { Logger } from '../logging';
import { exceptionReminderCard, reminderSentence, type ReminderView } from '../cards/accept-risk-card';
import { daysLeft, expiryChoices, isExpired } from '../exceptions/model';
import { reopenAccepted } from '../exceptions/reopen';
import { ExceptionRepository, type StoredException } from '../exceptions/repository';
import type { GuardianStore } from '../storage/store';
import { changeCard } from './cards';
import { describeDiff, diffReports } from './diff';
import { outboxIdOf, type Outbox } from './outbox';
import { readRunState, writeRunState } from './run-state';
import { scanLeaseName } from './baseline';
import { isConversationRef, type ConversationRefJson } from './sender';
import { CONVERSATION_REF_PREFIX, conversationRefKey, type SubscriptionRepository } from './subscriptions';

export interface ExceptionExpirySettings {
  /** Days before the expiry day that the reminder is due (0: on the last day). */
  readonly remindDays: number;
  /** The longest renewal the reminder's date picker offers (GUARDIAN_EXCEPTION_MAX_DAYS). */
  readonly maxDays: number;
}

export interface ExceptionExpiryDeps extends ExceptionExpirySettings {
  readonly store: GuardianStore;
  readonly outbox: Outbox;
  readonly subscriptions: SubscriptionRepository;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly scanLeaseTtlMs: number;
}

export interface ExpiryRun {
  /** Reminder posts put in the outbox (one per audience). */
  readonly reminded: number;
  /** Change cards put in the outbox for exceptions that expired. */
  readonly expiredAnnounced: number;
}

/** Teams gives a user's AAD object id (and a channel-specific id); the accepting person was recorded by the first, else the second. */
function isUser(ref: ConversationRefJson, userId: string): boolean {
  const user = ref['user'];
  if (typeof user !== 'object' || user === null) return false;
  return ('aadObjectId' in user && user.aadObjectId === userId) || ('id' in user && user.id === userId);
}

/** The bot's personal chat with `userId`, from the conversation references it saved; undefined when they never wrote to it. */
async function personalChatWith(store: GuardianStore, userId: string): Promise<ConversationRefJson | undefined> {
  for (const { item } of await store.list<unknown>(CONVERSATION_REF_PREFIX)) {
    const ref = item.value;
    if (isConversationRef(ref) && ref.conversation['conversationType'] === 'personal' && isUser(ref, userId)) return ref;
  }
  return undefined;
}

function reminderView(stored: StoredException, now: Date, maxDays: number): ReminderView {
  const { entry } = stored;
  const renew = expiryChoices(now, maxDays);
  return {
    id: entry.id,
    conversationId: stored.conversationId,
    checkId: entry.checkId,
    workspaceName: stored.workspace.name,
    resource: entry.resource,
    owner: entry.owner,
    reason: entry.reason,
    expires: entry.expires,
    daysLeft: daysLeft(entry, now),
    renewMin: renew.min,
    renewMax: renew.max,
    renewDefault: renew.proposed,
  };
}

async function remind(deps: ExceptionExpiryDeps, repository: ExceptionRepository, stored: StoredException, now: Date): Promise<number> {
  const { entry } = stored;
  const view = reminderView(stored, now, deps.maxDays);
  const card = exceptionReminderCard(view);
  const audiences: { readonly name: 'conversation' | 'owner'; readonly ref: ConversationRefJson }[] = [];
  const channel = (await deps.store.get<unknown>(conversationRefKey(stored.conversationId)))?.value;
  if (isConversationRef(channel)) audiences.push({ name: 'conversation', ref: channel });
  const personal = stored.ownerUserId === undefined ? undefined : await personalChatWith(deps.store, stored.ownerUserId);
  if (personal !== undefined && personal.conversation.id !== stored.conversationId) audiences.push({ name: 'owner', ref: personal });
  let enqueued = 0;
  for (const { name, ref } of audiences) {
    const id = outboxIdOf(`exception:${entry.id}`, 'exception-reminder', `${entry.expires}:${name}`);
    const added = await deps.outbox.enqueue({ id, subscriptionId: '', conversationId: ref.conversation.id, kind: 'exception-reminder', card, text: reminderSentence(view), conversationRef: ref });
    if (added) enqueued += 1;
  }
  // Only for the expiry reminded about: a renewal that landed meanwhile keeps its own reminder due.
  await repository.update(stored.conversationId, entry.id, (current) => (current.entry.expires === entry.expires ? { ...current, remindedFor: entry.expires } : undefined));
  return enqueued;
}

/** Change cards for the watches of the exception's conversation whose last report it still accepts; undefined when a watch was busy (the next pass tries again). */
async function announceExpiry(deps: ExceptionExpiryDeps, repository: ExceptionRepository, stored: StoredException): Promise<number | undefined> {
  const { entry } = stored;
  let enqueued = 0;
  for (const subscription of await deps.subscriptions.listForConversation(stored.conversationId)) {
    if (!subscription.enabled) continue;
    const lease = scanLeaseName(subscription.id);
    if (!(await deps.store.acquireLease(lease, deps.instanceId, deps.scanLeaseTtlMs))) return undefined;
    try {
      const state = await readRunState(deps.store, subscription.id);
      if (state?.lastReport === undefined) continue;
      const reopened = reopenAccepted(state.lastReport, entry.id);
      if (reopened === state.lastReport) continue;
      const diff = diffReports(state.lastReport, reopened);
      const id = outboxIdOf(subscription.id, 'change', `exception-expired:${entry.id}:${entry.expires}`);
      const text = `${subscription.workspace.name}: ${describeDiff(diff)} (the accepted risk ${entry.checkId} expired)`;
      const added = await deps.outbox.enqueue({ id, subscriptionId: subscription.id, conversationId: subscription.conversationId, kind: 'change', card: changeCard(subscription, reopened, diff), text });
      if (added) enqueued += 1;
      await writeRunState(deps.store, subscription.id, { ...state, lastReport: reopened });
    } finally {
      await deps.store.releaseLease(lease, deps.instanceId);
    }
  }
  await repository.update(stored.conversationId, entry.id, (current) => (current.entry.expires === entry.expires ? { ...current, expiryAnnouncedFor: entry.expires } : undefined));
  return enqueued;
}

export async function runExceptionExpiry(deps: ExceptionExpiryDeps, now: Date): Promise<ExpiryRun> {
  const repository = new ExceptionRepository(deps.store, () => now);
  let reminded = 0;
  let expiredAnnounced = 0;
  for (const stored of await repository.listAll()) {
    const { entry } = stored;
    if (isExpired(entry, now)) {
      if (stored.expiryAnnouncedFor !== entry.expires) expiredAnnounced += (await announceExpiry(deps, repository, stored)) ?? 0;
    } else if (daysLeft(entry, now) <= deps.remindDays && stored.remindedFor !== entry.expires) {
      reminded += await remind(deps, repository, stored, now);
    }
  }
  if (reminded + expiredAnnounced > 0) deps.logger.info({ reminded, expiredAnnounced }, 'accepted-risk expiry pass');
  return { reminded, expiredAnnounced };
}
