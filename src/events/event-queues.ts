/**
 * The Event Grid queue and its poison queue from configuration: a connection string (SharedKey: Azurite, or an
 * account key kept as a secret) or the queue service URL with an Entra token (the bot's managed identity, which
 * needs "Storage Queue Data Message Processor" on the queue and "Storage Queue Data Message Sender" on the poison one).
 */
import { createStorageQueue, parseQueueConnectionString, type QueueAuth, type StorageQueue } from './storage-queue';

export interface EventQueueSettings {
  readonly connectionString: string;
  readonly serviceUrl: string;
  readonly name: string;
}

export interface EventQueues {
  readonly queue: StorageQueue;
  readonly poisonQueue: StorageQueue;
}

export const poisonQueueName = (name: string): string => `${name}-poison`;

/** `getToken` is asked only for the URL form, on the first request (no credential probe at start-up). */
export function eventQueuesFrom(settings: EventQueueSettings, getToken: () => Promise<string>): EventQueues {
  const { endpoint, auth }: { endpoint: string; auth: QueueAuth } =
    settings.connectionString !== '' ? parseQueueConnectionString(settings.connectionString) : { endpoint: settings.serviceUrl, auth: { kind: 'token', getToken } };
  return { queue: createStorageQueue(endpoint, settings.name, auth), poisonQueue: createStorageQueue(endpoint, poisonQueueName(settings.name), auth) };
}
