/**
 * What `guardian events` reads to check the push path of a subscription: its Event Grid system topics
 * (SystemTopics_ListBySubscription), the event subscriptions of the subscription's topic
 * (SystemTopicEventSubscriptions_ListBySystemTopic), and whether a Storage queue exists (Queue_Get). Parsed here:
 * what leaves is the few fields the check compares. A 403 is an answer (the permission missing), not a crash.
 */
import { isRestError } from '@azure/core-rest-pipeline';
import type { JsonReader } from './parse/json-reader';
import type { RawArm } from './raw';

export const EVENT_GRID_API_VERSION = '2022-06-15';
export const STORAGE_QUEUE_API_VERSION = '2023-01-01';
/** The topic type of a subscription's own system topic (resource changes). */
export const SUBSCRIPTION_TOPIC_TYPE = 'Microsoft.Resources.Subscriptions';

export type SetupRead<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'not_found' } | { readonly kind: 'forbidden'; readonly permission: string };

export interface SystemTopic {
  readonly id: string;
  readonly source: string;
  readonly topicType: string;
}

export interface EventSubscriptionSetup {
  readonly id: string;
  readonly endpointType: string | undefined;
  /** The storage account a StorageQueue destination names. */
  readonly queueAccountId: string | undefined;
  readonly queueName: string | undefined;
  readonly includedEventTypes: readonly string[];
  /** `subjectBeginsWith` and the values of every `StringBeginsWith` advanced filter on `subject`. */
  readonly subjectPrefixes: readonly string[];
  /** A `subjectEndsWith` filter (resource changes have no common suffix: any narrows what is delivered). */
  readonly subjectSuffix: string | undefined;
}

async function guarded<T>(permission: string, read: () => Promise<T>): Promise<SetupRead<T>> {
  try {
    return { kind: 'ok', value: await read() };
  } catch (error) {
    if (isRestError(error) && error.statusCode === 403) return { kind: 'forbidden', permission };
    if (isRestError(error) && error.statusCode === 404) return { kind: 'not_found' };
    throw error;
  }
}

export function readSystemTopics(raw: RawArm, subscriptionId: string, signal: AbortSignal): Promise<SetupRead<SystemTopic[]>> {
  return guarded('Microsoft.EventGrid/systemTopics/read', async () =>
    (await raw.list(`/subscriptions/${subscriptionId}/providers/Microsoft.EventGrid/systemTopics`, EVENT_GRID_API_VERSION, signal)).flatMap((topic) => {
      const id = topic.str('id');
      const p = topic.obj('properties');
      return id === undefined ? [] : [{ id, source: p.str('source') ?? '', topicType: p.str('topicType') ?? '' }];
    }),
  );
}

export function readEventSubscriptions(raw: RawArm, topicId: string, signal: AbortSignal): Promise<SetupRead<EventSubscriptionSetup[]>> {
  return guarded('Microsoft.EventGrid/systemTopics/eventSubscriptions/read', async () =>
    (await raw.list(`${topicId}/eventSubscriptions`, EVENT_GRID_API_VERSION, signal)).flatMap((s) => {
      const id = s.str('id');
      return id === undefined ? [] : [parseEventSubscription(id, s.obj('properties'))];
    }),
  );
}

/** A destination is either direct or delivered with the topic's identity (`deliveryWithResourceIdentity`). */
function parseEventSubscription(id: string, p: JsonReader): EventSubscriptionSetup {
  const withIdentity = p.obj('deliveryWithResourceIdentity').obj('destination');
  const destination = withIdentity.has('endpointType') ? withIdentity : p.obj('destination');
  const filter = p.obj('filter');
  const advanced = filter
    .list('advancedFilters')
    .filter((f) => f.str('operatorType') === 'StringBeginsWith' && f.str('key')?.toLowerCase() === 'subject')
    .flatMap((f) => f.strings('values'));
  const begins = filter.str('subjectBeginsWith');
  return {
    id,
    endpointType: destination.str('endpointType'),
    queueAccountId: destination.obj('properties').str('resourceId'),
    queueName: destination.obj('properties').str('queueName'),
    includedEventTypes: filter.strings('includedEventTypes'),
    subjectPrefixes: [...(begins !== undefined && begins !== '' ? [begins] : []), ...advanced],
    subjectSuffix: filter.str('subjectEndsWith') === '' ? undefined : filter.str('subjectEndsWith'),
  };
}

export async function readQueueExists(raw: RawArm, storageAccountId: string, queueName: string, signal: AbortSignal): Promise<SetupRead<true>> {
  return guarded('Microsoft.Storage/storageAccounts/queueServices/queues/read', async () => {
    await raw.get(`${storageAccountId}/queueServices/default/queues/${queueName}`, STORAGE_QUEUE_API_VERSION, signal);
    return true as const;
  });
}
