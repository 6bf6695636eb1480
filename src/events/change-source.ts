/**
 * Where change events come from: the Activity Log poller (pull, needs only Reader) and the Event Grid queue
 * consumer (push). Both hand batches of parsed, deduplicated events to one sink; the sink decides what to re-check.
 */
import type { ChangeEvent } from '../shared/change-event';

/** Receives each batch of new events once (per source; the sink dedupes again across sources). */
export type ChangeSink = (events: readonly ChangeEvent[]) => Promise<void>;

export interface ChangeSource {
  /** `activity-log` | `event-grid-queue` — for logs. */
  readonly name: string;
  /** Starts delivering to `sink` in the background until stop(). */
  start(sink: ChangeSink): void;
  /** Stops, and waits for the delivery in progress to finish. */
  stop(): Promise<void>;
}
