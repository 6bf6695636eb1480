/**
 * The sample's changes as an Event Grid system topic on its subscription would deliver them to a storage queue:
 * each Activity Log record becomes a `Microsoft.Resources.ResourceWriteSuccess` (or `…DeleteSuccess`) event in the
 * Event Grid schema, base64-encoded as Event Grid writes queue messages. A workshop with a queue configured sees
 * the push path work without Azure.
 */
import { isJsonObject, type Json, type JsonObject } from './json';

const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');
const field = (value: Json | undefined, key: string): Json | undefined => (isJsonObject(value) ? value[key] : undefined);

/** The Event Grid event for one sample Activity Log record. */
export function eventGridEventOf(record: JsonObject): JsonObject {
  const operation = text(field(record.operationName, 'value'));
  const resourceUri = text(record.resourceId);
  const subscriptionId = text(record.subscriptionId);
  return {
    id: text(record.eventDataId),
    topic: `/subscriptions/${subscriptionId}`,
    subject: resourceUri,
    eventType: operation.endsWith('/delete') ? 'Microsoft.Resources.ResourceDeleteSuccess' : 'Microsoft.Resources.ResourceWriteSuccess',
    eventTime: text(record.eventTimestamp),
    data: {
      authorization: record.authorization ?? {},
      claims: record.claims ?? {},
      correlationId: text(record.correlationId),
      httpRequest: record.httpRequest ?? {},
      resourceProvider: text(field(record.resourceProviderName, 'value')),
      resourceUri,
      operationName: operation,
      status: 'Succeeded',
      subscriptionId,
    },
    dataVersion: '',
    metadataVersion: '1',
  };
}

/** The queue message text Event Grid writes for `event` (base64 of its JSON). */
export function queueMessageOf(event: JsonObject): string {
  return Buffer.from(JSON.stringify(event)).toString('base64');
}

/** Publishes every change the sample records from now on with `put` (a queue's); returns the stop. */
export function publishSampleChanges(activityLog: { onRecord(listener: (record: JsonObject) => void): () => void }, put: (text: string) => Promise<void>, onError: (error: unknown) => void): () => void {
  return activityLog.onRecord((record) => void put(queueMessageOf(eventGridEventOf(record))).catch(onError));
}
