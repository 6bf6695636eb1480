/**
 * One ARM operation as a Collected: under the collection's limiter and its one AbortSignal, any failure mapped to
 * a ReadError that names what was read and the RBAC action that allows it. Single and fleet scans share it.
 */
import { toReadError, type ReadTarget } from './errors';
import type { Limiter } from './limiter';
import type { Collected } from './snapshot';

export type RunRead = <T>(target: ReadTarget, fn: (signal: AbortSignal) => Promise<T>) => Promise<Collected<T>>;

export interface ReadRunnerOptions {
  readonly limit: Limiter;
  /** The caller's cancellation combined with the deadline. */
  readonly signal: AbortSignal;
  /** Aborted only by the deadline: tells "ran out of time" from "cancelled". */
  readonly deadline: AbortSignal;
  readonly timeoutMs: number;
  /** Called as each operation leaves the queue (fleet scans count their ARM reads). */
  readonly onStart?: () => void;
}

export function createReadRunner(options: ReadRunnerOptions): RunRead {
  const { limit, signal, deadline, timeoutMs } = options;
  return async <T>(target: ReadTarget, fn: (s: AbortSignal) => Promise<T>): Promise<Collected<T>> => {
    try {
      const value = await limit(() => {
        signal.throwIfAborted();
        options.onStart?.();
        return fn(signal);
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toReadError(error, target, { deadlineExpired: deadline.aborted, timeoutMs }) };
    }
  };
}
