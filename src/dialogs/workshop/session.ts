/**
 * Workshop state in the GuardianStore under `workshop/<conversationId>`: one session per conversation (a personal
 * chat is one user's session; a channel or group chat is a facilitated session where several people answer).
 * Updates are read-modify-write with eTags, retried on conflict, so that simultaneous answers are all kept.
 */
import { ETagConflictError, type GuardianStore } from '../../storage/store';
import type { WorkshopRecord } from '../../knowledge/workshop-record';

export function workshopKey(conversationId: string): string {
  return `workshop/${conversationId}`;
}

export async function readSession(store: GuardianStore, conversationId: string): Promise<WorkshopRecord | undefined> {
  return (await store.get<WorkshopRecord>(workshopKey(conversationId)))?.value;
}

const MAX_ATTEMPTS = 5;

/**
 * Applies `change` to the current session (undefined when none) and stores the result; `change` returns
 * undefined to leave the store untouched. Returns what was stored (or the unchanged session).
 */
export async function updateSession(
  store: GuardianStore,
  conversationId: string,
  change: (current: WorkshopRecord | undefined) => WorkshopRecord | undefined,
): Promise<WorkshopRecord | undefined> {
  const key = workshopKey(conversationId);
  for (let attempt = 1; ; attempt += 1) {
    const stored = await store.get<WorkshopRecord>(key);
    const next = change(stored?.value);
    if (next === undefined) return stored?.value;
    try {
      await store.put(key, next, stored?.eTag ?? '*');
      return next;
    } catch (error) {
      if (!(error instanceof ETagConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
