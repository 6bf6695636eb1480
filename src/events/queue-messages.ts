/**
 * A queue message from an Event Grid system topic on a subscription, as a change: the Event Grid schema
 * (`eventType`, `eventTime`, `subject`) or CloudEvents 1.0 (`specversion`, `type`, `time`), the text base64
 * (Event Grid's default for storage queues) or plain JSON. Only the three resource events that are changes count.
 */
import { callerFromClaims, correlationOf, type ChangeEvent } from '../shared/change-event';

export const CHANGE_EVENT_TYPES = ['Microsoft.Resources.ResourceWriteSuccess', 'Microsoft.Resources.ResourceDeleteSuccess', 'Microsoft.Resources.ResourceActionSuccess'] as const;

export type ParsedQueueMessage =
  | { readonly kind: 'change'; readonly event: ChangeEvent }
  /** A well-formed event of another type (the subscription filter lets some through): dropped quietly. */
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'malformed'; readonly reason: string };

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function decode(text: string): unknown {
  const trimmed = text.trim();
  const json = trimmed.startsWith('{') || trimmed.startsWith('[') ? trimmed : /^[A-Za-z0-9+/=\s]+$/.test(trimmed) ? Buffer.from(trimmed, 'base64').toString('utf8') : undefined;
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function stringClaims(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function parseQueueMessage(text: string): ParsedQueueMessage {
  const decoded = decode(text);
  // Event Grid may batch; a storage queue gets one event per message, but an array of one is accepted.
  const body = Array.isArray(decoded) && decoded.length === 1 ? (decoded[0] as unknown) : decoded;
  if (!isObject(body)) return { kind: 'malformed', reason: 'not a JSON event (nor base64 of one)' };
  const cloud = str(body.specversion) !== undefined;
  if (cloud && body.specversion !== '1.0') return { kind: 'malformed', reason: `CloudEvents ${String(body.specversion)} is not supported (1.0 is)` };
  const id = str(body.id);
  const type = str(cloud ? body.type : body.eventType);
  const time = str(cloud ? body.time : body.eventTime);
  const data = body.data;
  if (id === undefined || type === undefined || time === undefined || Number.isNaN(Date.parse(time)) || !isObject(data)) {
    return { kind: 'malformed', reason: 'an event needs an id, a type, a time and a data object' };
  }
  if (!(CHANGE_EVENT_TYPES as readonly string[]).includes(type)) return { kind: 'ignored', reason: `event type ${type}` };
  const resourceId = str(data.resourceUri) ?? str(body.subject);
  const operation = str(data.operationName);
  if (resourceId === undefined || !resourceId.startsWith('/subscriptions/') || operation === undefined) return { kind: 'malformed', reason: 'a resource event needs data.resourceUri and data.operationName' };
  return {
    kind: 'change',
    event: { id, resourceId, operation, time: new Date(time).toISOString(), caller: callerFromClaims(undefined, stringClaims(data.claims)), source: 'event-grid', ...correlationOf(str(data.correlationId)) },
  };
}
