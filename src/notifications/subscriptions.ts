/**
 * Subscriptions: a conversation watches a workspace on a schedule. Stored at `subscriptions/<id>`, where the id
 * is derived from (conversation, workspace) so that watching the same workspace again updates the schedule
 * instead of adding a second subscription.
 */
import { createHash } from 'node:crypto';
import type { GuardianStore } from '../storage/store';
import { ETagConflictError } from '../storage/store';
import type { Schedule } from './schedule';
import type { ConversationRefJson } from './sender';

export { parseWatchCommand, type WatchCommand } from './watch-command';

import type { WatchPrincipal } from '../security/guarded-watches';

export interface Subscription {
  readonly id: string;
  /** Where to post; refreshed from `conversation-ref/<conversationId>` at send time when the bot has a newer one. */
  readonly conversationRef: ConversationRefJson;
  readonly conversationId: string;
  /** What the scan service is asked to scan (as the user typed it: a name, `sample`, or a resource id). */
  readonly workspaceTarget: string;
  /** The workspace it resolved to when subscribing. */
  readonly workspace: { readonly id: string; readonly name: string };
  readonly schedule: Schedule;
  readonly weeklyDigest: boolean;
  readonly createdBy: { readonly userId: string; readonly name?: string };
  readonly createdAt: string;
  readonly enabled: boolean;
  readonly disabledReason?: string;
  /** The conversation and user that set the watch up, authorised again before every run (src/security/watch-guard.ts). */
  readonly principal?: WatchPrincipal;
}

export const SUBSCRIPTION_PREFIX = 'subscriptions/';
/** Same key the bot saves references under (src/bot/conversation.ts). */
export const CONVERSATION_REF_PREFIX = 'conversation-ref/';

export function subscriptionKey(id: string): string {
  return `${SUBSCRIPTION_PREFIX}${id}`;
}

export function conversationRefKey(conversationId: string): string {
  return `${CONVERSATION_REF_PREFIX}${conversationId}`;
}

/** Stable id of (conversation, workspace); ARM ids are case-insensitive. */
export function subscriptionIdOf(conversationId: string, workspaceId: string): string {
  return createHash('sha256').update(`${conversationId}\n${workspaceId.toLowerCase()}`).digest('hex').slice(0, 24);
}

/** Whether a typed target names this subscription's workspace (by name, id or the original text). */
export function matchesTarget(subscription: Subscription, target: string): boolean {
  const t = target.toLowerCase();
  return [subscription.workspaceTarget, subscription.workspace.id, subscription.workspace.name].some((s) => s.toLowerCase() === t);
}

/** Store access for subscriptions. */
export class SubscriptionRepository {
  constructor(private readonly store: GuardianStore) {}

  async get(id: string): Promise<Subscription | undefined> {
    return (await this.store.get<Subscription>(subscriptionKey(id)))?.value;
  }

  async list(): Promise<Subscription[]> {
    return (await this.store.list<Subscription>(SUBSCRIPTION_PREFIX)).map((e) => e.item.value);
  }

  async listForConversation(conversationId: string): Promise<Subscription[]> {
    return (await this.list()).filter((s) => s.conversationId === conversationId);
  }

  async save(subscription: Subscription): Promise<void> {
    await this.store.put(subscriptionKey(subscription.id), subscription);
  }

  async remove(id: string): Promise<void> {
    await this.store.delete([subscriptionKey(id)]);
  }

  /** Applies `change` with compare-and-swap, so that a concurrent update (another instance) is not lost. */
  async update(id: string, change: (current: Subscription) => Subscription): Promise<Subscription | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.store.get<Subscription>(subscriptionKey(id));
      if (current === undefined) return undefined;
      const next = change(current.value);
      try {
        await this.store.put(subscriptionKey(id), next, current.eTag);
        return next;
      } catch (e) {
        if (!(e instanceof ETagConflictError)) throw e;
      }
    }
    throw new Error(`Subscription ${id} kept changing under an update.`);
  }

  async disable(id: string, reason: string): Promise<Subscription | undefined> {
    return this.update(id, (s) => ({ ...s, enabled: false, disabledReason: reason }));
  }

  /** The conversation reference to post with: the bot's latest one, else the one saved when subscribing. */
  async conversationRefFor(subscription: Subscription): Promise<ConversationRefJson> {
    const latest = await this.store.get<ConversationRefJson>(conversationRefKey(subscription.conversationId));
    return latest?.value ?? subscription.conversationRef;
  }
}
