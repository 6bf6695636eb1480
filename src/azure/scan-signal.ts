/**
 * One abort signal for a whole collection: the caller's cancellation or the deadline, whichever comes first.
 */
import { setMaxListeners } from 'node:events';

export function collectionSignal(options: { readonly timeoutMs: number; readonly concurrency: number; readonly signal?: AbortSignal }): {
  readonly signal: AbortSignal;
  /** Aborted only by the deadline: tells "ran out of time" from "cancelled". */
  readonly deadline: AbortSignal;
} {
  const deadline = AbortSignal.timeout(Math.max(1, options.timeoutMs));
  const signal = options.signal !== undefined ? AbortSignal.any([options.signal, deadline]) : deadline;
  // Every in-flight SDK request listens on it: more than Node's default of 10 listeners is expected.
  setMaxListeners(Math.max(64, options.concurrency * 4), signal, deadline);
  return { signal, deadline };
}
