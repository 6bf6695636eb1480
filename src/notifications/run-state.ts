/**
 * What the scheduler remembers per subscription at `watch-state/<subscriptionId>`: the last schedule slot it
 * ran, the last report (the baseline of the next diff), the last scan error, and when it last sent a digest.
 */
import type { ScanReport } from '../checks/types';
import type { GuardianStore } from '../storage/store';

export interface RunState {
  /** ISO time of the schedule slot last run (the baseline run uses the time it ran). */
  readonly lastSlot: string;
  readonly lastRunAt: string;
  readonly lastReport?: ScanReport;
  /** Message of the last failed scan; cleared by a successful one. A repeated failure is not posted again. */
  readonly lastError?: string;
  readonly lastDigestAt?: string;
  readonly runs: number;
}

export const RUN_STATE_PREFIX = 'watch-state/';

export function runStateKey(subscriptionId: string): string {
  return `${RUN_STATE_PREFIX}${subscriptionId}`;
}

export async function readRunState(store: GuardianStore, subscriptionId: string): Promise<RunState | undefined> {
  return (await store.get<RunState>(runStateKey(subscriptionId)))?.value;
}

export async function writeRunState(store: GuardianStore, subscriptionId: string, state: RunState): Promise<void> {
  await store.put(runStateKey(subscriptionId), state);
}
