/**
 * Which conversation `guardian chat` is. In memory it is a new one each run; with --state it is kept in that folder's
 * store, so that a second run with the same --state continues the first (its workshop, watches, scans and lab), as
 * reopening a chat in Teams does. The stored record is checked on the way in: anything else starts a new one.
 */
import { localConversation, type LocalConversation } from '../bot/local-client';
import type { GuardianStore } from '../storage/store';

export const CHAT_CONVERSATION_KEY = 'chat/conversation';

interface StoredChatConversation {
  readonly id: string;
  readonly user: LocalConversation['user'];
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 200;
}

function parseStored(value: unknown): StoredChatConversation | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value) || !('user' in value)) return undefined;
  const { id, user } = value;
  if (!isText(id) || typeof user !== 'object' || user === null || !('id' in user) || !('name' in user) || !('aadObjectId' in user)) return undefined;
  return isText(user.id) && isText(user.name) && isText(user.aadObjectId) ? { id, user: { id: user.id, name: user.name, aadObjectId: user.aadObjectId } } : undefined;
}

/** The personal chat of this run: the one kept in `store` when `persistent`, else (and the first time) a new one. */
export async function chatConversation(store: GuardianStore, persistent: boolean, localTimezone: string | undefined): Promise<LocalConversation> {
  const zone = localTimezone === undefined ? {} : { localTimezone };
  if (!persistent) return localConversation('personal', zone);
  const kept = parseStored((await store.get<unknown>(CHAT_CONVERSATION_KEY))?.value);
  if (kept !== undefined) return localConversation('personal', { ...zone, id: kept.id, user: kept.user });
  const fresh = localConversation('personal', zone);
  await store.put<StoredChatConversation>(CHAT_CONVERSATION_KEY, { id: fresh.id, user: fresh.user });
  return fresh;
}
