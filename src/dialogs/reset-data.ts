/**
 * What `reset` deletes, found through the key functions of the modules that own the data (never hand-written
 * key strings): this conversation's last scan, its workshop (progress and every participant's answers), its
 * pending file offers, its watches (with their run state) and its accepted risks (with their audit log); in personal
 * chat also the user's lab progress.
 * Team bindings, conversation references and rate-limit buckets are not the user's data and stay.
 */
import type { GuardianStore } from '../storage/store';
import { FILE_CONSENT_PREFIX, type PendingFile } from './file-offers';
import { LabProgressStore } from '../lab/progress';
import { runStateKey } from '../notifications/run-state';
import { SubscriptionRepository, subscriptionKey } from '../notifications/subscriptions';
import { exceptionAuditPrefixFor, exceptionPrefixFor } from '../exceptions/repository';
import { lastScanKey } from './scan-state';
import { workshopKey } from './workshop/session';

export interface ResetScope {
  readonly conversationId: string;
  readonly userId: string;
  /** Personal chat: the user's own lab progress goes too (in a team or group chat it is not the conversation's). */
  readonly personal: boolean;
}

/** What is stored for a scope, with the keys that hold it. */
export interface ResetInventory {
  readonly lastScan: boolean;
  readonly workshop: boolean;
  readonly fileOffers: number;
  readonly labProgress: boolean;
  /** The watched workspaces' names. */
  readonly watches: readonly string[];
  /** Accepted risks (exceptions) recorded in this conversation, revoked ones included. */
  readonly exceptions: number;
  readonly keys: readonly string[];
}

export function isEmptyInventory(inventory: ResetInventory): boolean {
  return inventory.keys.length === 0;
}

async function exists(store: GuardianStore, key: string): Promise<boolean> {
  return (await store.get<unknown>(key)) !== undefined;
}

export async function inventoryOf(store: GuardianStore, scope: ResetScope): Promise<ResetInventory> {
  const keys: string[] = [];
  const scanKey = lastScanKey(scope.conversationId);
  const lastScan = await exists(store, scanKey);
  if (lastScan) keys.push(scanKey);

  const sessionKey = workshopKey(scope.conversationId);
  const workshop = await exists(store, sessionKey);
  if (workshop) keys.push(sessionKey);

  const offers = (await store.list<PendingFile>(FILE_CONSENT_PREFIX)).filter(({ item }) => item.value.conversationId === scope.conversationId);
  keys.push(...offers.map(({ key }) => key));

  const labKey = LabProgressStore.keyOf(scope.userId);
  const labProgress = scope.personal && (await exists(store, labKey));
  if (labProgress) keys.push(labKey);

  const watches = await new SubscriptionRepository(store).listForConversation(scope.conversationId);
  for (const watch of watches) keys.push(subscriptionKey(watch.id), runStateKey(watch.id));

  const exceptions = await store.list<unknown>(exceptionPrefixFor(scope.conversationId));
  const audit = await store.list<unknown>(exceptionAuditPrefixFor(scope.conversationId));
  keys.push(...exceptions.map(({ key }) => key), ...audit.map(({ key }) => key));

  return { lastScan, workshop, fileOffers: offers.length, labProgress, watches: watches.map((w) => w.workspace.name), exceptions: exceptions.length, keys };
}

/** Deletes what the scope holds now (not what a card showed earlier) and returns what that was. */
export async function resetData(store: GuardianStore, scope: ResetScope): Promise<ResetInventory> {
  const inventory = await inventoryOf(store, scope);
  if (inventory.keys.length > 0) await store.delete([...inventory.keys]);
  return inventory;
}
