/**
 * A process-wide cap on scans running at once. Rate budgets bound how many scans start per user, conversation
 * and tenant over minutes; this bounds what one process does at a moment (ARM connections, memory of snapshots),
 * whoever asks — chat, card actions, watches, lab validation. A scan over the cap is refused at once with a
 * clear sentence rather than queued: a queue would only move the pile-up into memory.
 */
import { ScanError, type ScanService } from '../scan/scan-service';
import type { SnapshotSource } from '../scan/snapshot-source';

export const DEFAULT_MAX_SCANS_IN_FLIGHT = 8;

export function busySentence(max: number): string {
  return `the bot is already running ${max} scans at once. Try again in a minute.`;
}

/** The same service, with `scan`, `snapshot` and `defenderStatus` refused while `max` of them are running. */
export function limitScansInFlight<S extends ScanService & Partial<SnapshotSource>>(service: S, max = DEFAULT_MAX_SCANS_IN_FLIGHT): S {
  if (!(max >= 1)) throw new RangeError('The cap on scans in flight must be at least 1.');
  let running = 0;
  const capped = <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (running >= max) throw new ScanError('usage', busySentence(max));
      running += 1;
      try {
        return await work(...args);
      } finally {
        running -= 1;
      }
    };
  return {
    ...service,
    scan: capped((request: Parameters<ScanService['scan']>[0]) => service.scan(request)),
    ...(service.defenderStatus !== undefined ? { defenderStatus: capped((id: string, signal?: AbortSignal) => service.defenderStatus!(id, signal)) } : {}),
    ...(service.snapshot !== undefined ? { snapshot: capped((target: string, signal?: AbortSignal) => service.snapshot!(target, signal)) } : {}),
  };
}
