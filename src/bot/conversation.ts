/**
 * Who and where a turn is: conversation type, tenant, user, team and channel, and the user's time zone, read
 * from the activity the way Teams fills it in.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationInfo, ConversationType } from '../dialogs/port';
import type { GuardianStore } from '../storage/store';

/** Store key prefix of saved conversation references (notifications read them to send proactively). */
export const CONVERSATION_REF_PREFIX = 'conversation-ref/';

export function conversationRefKey(conversationId: string): string {
  return `${CONVERSATION_REF_PREFIX}${conversationId}`;
}

interface TeamsChannelData {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string };
  readonly channel?: { readonly id?: string };
}

function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  const data: unknown = activity.channelData;
  return typeof data === 'object' && data !== null ? data : {};
}

export function conversationTypeOf(activity: Partial<Activity>): ConversationType {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  // Some clients (the Emulator, older Teams payloads) mark group conversations only with isGroup.
  if (type === undefined && activity.conversation?.isGroup === true) return 'groupChat';
  return 'personal';
}

/** An IANA zone name is short and plain ("Europe/Berlin", "America/Argentina/Buenos_Aires"); anything else is dropped. */
const TIME_ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

function timeZoneOf(activity: Partial<Activity>): { readonly timeZone?: string } {
  const zone: unknown = activity.localTimezone;
  return typeof zone === 'string' && TIME_ZONE_SHAPE.test(zone) ? { timeZone: zone } : {};
}

export function conversationInfoOf(activity: Partial<Activity>): ConversationInfo {
  const channelData = channelDataOf(activity);
  const from = activity.from;
  return {
    ...timeZoneOf(activity),
    conversationId: activity.conversation?.id ?? '',
    conversationType: conversationTypeOf(activity),
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id,
    userId: from?.aadObjectId ?? from?.id ?? '',
    userName: from?.name,
    teamId: channelData.team?.id,
    channelId: channelData.channel?.id,
  };
}

/** Saves (or refreshes) the conversation reference so that later proactive sends can reach this conversation. */
export async function saveConversationReference(store: GuardianStore, activity: Partial<Activity>): Promise<void> {
  const conversationId = activity.conversation?.id;
  if (conversationId === undefined || conversationId === '') return;
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  await store.put(conversationRefKey(conversationId), reference);
}

export async function deleteConversationReference(store: GuardianStore, conversationId: string): Promise<void> {
  await store.delete([conversationRefKey(conversationId)]);
}
