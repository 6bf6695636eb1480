/**
 * The subscription's Activity Log (ActivityLogs_List, Microsoft.Insights 2015-04-01): one paged GET per poll for
 * a time window, parsed here into ChangeEvents. Only administrative writes, deletes and actions that succeeded
 * are changes; the `Started` / `Accepted` records of the same operation, reads and failures are not.
 */
import { isRestError } from '@azure/core-rest-pipeline';
import { callerFromClaims, correlationOf, type ChangeEvent } from '../shared/change-event';
import type { JsonReader } from './parse/json-reader';
import type { RawArm } from './raw';

export const ACTIVITY_LOG_API_VERSION = '2015-04-01';
/** The action a Reader has and a custom role must grant for the poller to read the Activity Log. */
export const ACTIVITY_LOG_PERMISSION = 'Microsoft.Insights/eventtypes/values/read';

/** The Activity Log answered 403: the identity lacks ACTIVITY_LOG_PERMISSION on the subscription. */
export class ActivityLogForbiddenError extends Error {
  override readonly name = 'ActivityLogForbiddenError';
}

export interface ActivityLogWindow {
  readonly from: Date;
  readonly to: Date;
}

const CHANGE_OPERATION = /\/(write|delete|action)$/i;

/** `/subscriptions/{id}/providers/Microsoft.Insights/eventtypes/management/values` for one subscription. */
export function activityLogPath(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values`;
}

/** The only `$filter` shape the API accepts for a subscription and a time range. */
export function activityLogFilter(window: ActivityLogWindow): string {
  return `eventTimestamp ge '${window.from.toISOString()}' and eventTimestamp le '${window.to.toISOString()}'`;
}

export async function readActivityLog(raw: RawArm, subscriptionId: string, window: ActivityLogWindow, signal: AbortSignal): Promise<ChangeEvent[]> {
  let records: JsonReader[];
  try {
    records = await raw.list(activityLogPath(subscriptionId), ACTIVITY_LOG_API_VERSION, signal, { $filter: activityLogFilter(window) });
  } catch (error) {
    if (isRestError(error) && error.statusCode === 403) {
      throw new ActivityLogForbiddenError(`The Activity Log of subscription ${subscriptionId} needs ${ACTIVITY_LOG_PERMISSION} (Reader has it).`, { cause: error });
    }
    throw error;
  }
  return records.flatMap((record) => {
    const event = parseActivityLogRecord(record);
    return event === undefined ? [] : [event];
  });
}

/** One EventData record as a change, or undefined when it is not a succeeded write, delete or action. */
export function parseActivityLogRecord(record: JsonReader): ChangeEvent | undefined {
  const id = record.str('eventDataId');
  // `resourceId` is optional in the contract (the spec's own example leaves it out); the authorization scope names the same resource.
  const resourceId = record.str('resourceId') ?? record.obj('authorization').str('scope');
  const operation = record.obj('operationName').str('value');
  const time = record.str('eventTimestamp');
  if (id === undefined || resourceId === undefined || operation === undefined || time === undefined || Number.isNaN(Date.parse(time))) return undefined;
  if (record.obj('status').str('value')?.toLowerCase() !== 'succeeded' || !CHANGE_OPERATION.test(operation)) return undefined;
  return {
    id,
    resourceId,
    operation,
    time: new Date(time).toISOString(),
    caller: callerFromClaims(record.str('caller'), record.stringMap('claims')),
    source: 'activity-log',
    ...correlationOf(record.str('correlationId')),
  };
}

/** The poller's read (src/events ActivityLogReader): events, or the 403 as a sentence naming the permission. */
export function activityLogReader(raw: RawArm) {
  return async (subscriptionId: string, window: ActivityLogWindow, signal: AbortSignal): Promise<{ readonly kind: 'events'; readonly events: readonly ChangeEvent[] } | { readonly kind: 'forbidden'; readonly message: string }> => {
    try {
      return { kind: 'events', events: await readActivityLog(raw, subscriptionId, window, signal) };
    } catch (error) {
      if (error instanceof ActivityLogForbiddenError) return { kind: 'forbidden', message: error.message };
      throw error;
    }
  };
}
