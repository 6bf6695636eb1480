/**
 * Operations the product calls whose spec is not in test/fixtures/arm-specs yet, each with why. The conformance
 * test fails on any response it cannot place: either in a vendored spec, or here. Remove a row when its spec is
 * vendored (the test then validates those bodies too).
 */
export interface NotVendored {
  readonly method: 'GET' | 'POST';
  /** Matches the request path (case-insensitive). */
  readonly path: RegExp;
  readonly apiVersion: string;
  readonly operation: string;
  readonly why: string;
}

const GUARDIAN_EVENTS = '`guardian events` only (not a scan read); its test serves the official examples in test/fixtures/arm-examples';

/** Every scan read has its (reduced) spec in test/fixtures/arm-specs; these are the setup check's reads. */
export const NOT_VENDORED: readonly NotVendored[] = [
  { method: 'GET', path: /^\/subscriptions\/[^/]+\/providers\/microsoft\.eventgrid\/systemtopics$/i, apiVersion: '2022-06-15', operation: 'SystemTopics_ListBySubscription', why: GUARDIAN_EVENTS },
  { method: 'GET', path: /\/providers\/microsoft\.eventgrid\/systemtopics\/[^/]+\/eventsubscriptions$/i, apiVersion: '2022-06-15', operation: 'SystemTopicEventSubscriptions_ListBySystemTopic', why: GUARDIAN_EVENTS },
  { method: 'GET', path: /\/queueservices\/default\/queues\/[^/]+$/i, apiVersion: '2023-01-01', operation: 'Queue_Get', why: GUARDIAN_EVENTS },
];

export function notVendored(method: string, path: string, apiVersion: string | undefined): NotVendored | undefined {
  return NOT_VENDORED.find((n) => n.method === method && n.apiVersion === apiVersion && n.path.test(path));
}
