/**
 * The sample ARM server's Activity Log: every write it accepts (a PATCH or PUT over HTTP, or a chat `sample change`)
 * is recorded as an EventData record shaped on the ActivityLogs_List contract (Microsoft.Insights 2015-04-01), with
 * the caller's name and UPN in the claims as Azure records them for a signed-in user.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from './json';

/** Who made a sample change: the person who asked in chat, or the default sample operator. */
export interface SampleCaller {
  readonly name: string;
  /** Teams gives a bot the user's name, not always the UPN. */
  readonly upn?: string;
}

export const DEFAULT_SAMPLE_CALLER: SampleCaller = { name: 'Sample Operator', upn: 'operator@sample.contoso.com' };

const UPN_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
/** `eventTimestamp ge '…' and eventTimestamp le '…'`: the only filter the sample answers (the subscription-wide one). */
const WINDOW_FILTER = /^\s*eventTimestamp ge '([^']+)' and eventTimestamp le '([^']+)'\s*$/i;

/** `Microsoft.Storage/storageAccounts/write` for a resource path (nested types joined, extension scopes skipped). */
export function operationOf(path: string, verb: 'write' | 'delete'): string {
  const at = path.toLowerCase().lastIndexOf('/providers/');
  const parts = (at === -1 ? path : path.slice(at + '/providers/'.length)).split('/').filter((p) => p !== '');
  const namespace = parts[0] ?? 'Microsoft.Resources';
  const types = parts.slice(1).filter((_, i) => i % 2 === 0);
  return [namespace, ...types, verb].join('/');
}

export class SampleActivityLog {
  private readonly records: { readonly subscriptionId: string; readonly time: number; readonly body: JsonObject }[] = [];
  private readonly listeners = new Set<(record: JsonObject) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records one succeeded change of the resource at `path` (an ARM id). */
  record(path: string, verb: 'write' | 'delete', caller: SampleCaller = DEFAULT_SAMPLE_CALLER): void {
    const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1] ?? '';
    const resourceGroupName = /\/resourceGroups\/([^/]+)/i.exec(path)?.[1] ?? '';
    const operation = operationOf(path, verb);
    const provider = operation.split('/')[0] ?? '';
    const eventDataId = randomUUID();
    const correlationId = randomUUID();
    const time = new Date(this.now()).toISOString();
    this.records.push({ subscriptionId: subscriptionId.toLowerCase(), time: Date.parse(time), body: {
      authorization: { action: operation, scope: path },
      caller: caller.upn ?? caller.name,
      claims: { name: caller.name, ...(caller.upn !== undefined ? { [UPN_CLAIM]: caller.upn } : {}) },
      correlationId,
      description: '',
      eventDataId,
      eventName: { value: 'EndRequest', localizedValue: 'End request' },
      category: { value: 'Administrative', localizedValue: 'Administrative' },
      httpRequest: { clientRequestId: randomUUID(), clientIpAddress: '127.0.0.1', method: verb === 'write' ? 'PATCH' : 'DELETE' },
      id: `${path}/events/${eventDataId}/ticks/${Date.parse(time) * 10_000 + 621_355_968_000_000_000}`,
      level: 'Informational',
      resourceGroupName,
      resourceProviderName: { value: provider, localizedValue: provider },
      resourceId: path,
      operationId: correlationId,
      operationName: { value: operation, localizedValue: operation },
      properties: { statusCode: 'OK' },
      status: { value: 'Succeeded', localizedValue: 'Succeeded' },
      subStatus: { value: 'OK', localizedValue: 'OK (HTTP Status Code: 200)' },
      eventTimestamp: time,
      submissionTimestamp: time,
      subscriptionId,
    } });
    const recorded = this.records[this.records.length - 1]?.body;
    if (recorded !== undefined) for (const listener of this.listeners) listener(recorded);
  }

  /** Calls `listener` with each record from now on (the sample's Event Grid publisher); returns the unsubscribe. */
  onRecord(listener: (record: JsonObject) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The records of one subscription inside the filter's window, newest first as ARM returns them; undefined for a filter the API refuses. */
  list(subscriptionId: string, filter: string | undefined): JsonObject[] | undefined {
    const match = WINDOW_FILTER.exec(filter ?? '');
    if (match === null) return undefined;
    const from = Date.parse(match[1] ?? '');
    const to = Date.parse(match[2] ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
    return this.records
      .filter((r) => r.subscriptionId === subscriptionId.toLowerCase() && r.time >= from && r.time <= to)
      .map((r) => r.body)
      .reverse();
  }

  get size(): number {
    return this.records.length;
  }
}
