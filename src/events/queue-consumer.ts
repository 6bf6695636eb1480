/**
 * The push source: every bot instance consumes the Event Grid queue. A received message is invisible to the
 * other instances for the visibility timeout; it is deleted once its event was handed to the sink, so a crash
 * makes it visible again and another instance handles it. An event already handled (a redelivery after a slow
 * handler's timeout) is recognised by its id in the store and only deleted. A message that cannot be parsed, or
 * that was dequeued more than `maxDequeues` times (its handling keeps failing), moves to the poison queue with
 * one log line. An event outside the scopes the bot may read is dropped before the store or ARM hear of it.
 */
import type { Logger } from '../logging';
import type { ChangeEvent } from '../shared/change-event';
import { ETagConflictError, type GuardianStore } from '../storage/store';
import type { ChangeSink, ChangeSource } from './change-source';
import { parseQueueMessage } from './queue-messages';
import type { QueueMessage, StorageQueue } from './storage-queue';

export interface QueueConsumerOptions {
  readonly queue: StorageQueue;
  readonly poisonQueue: StorageQueue;
  readonly store: GuardianStore;
  readonly logger: Logger;
  /** Seconds a received message stays hidden from the other consumers (default 60). */
  readonly visibilitySeconds?: number;
  /** Deliveries before a message is poison (default 5). */
  readonly maxDequeues?: number;
  /** Messages per receive, 1–32 (default 16). */
  readonly batchSize?: number;
  /** Wait after an empty receive (default 1 s). */
  readonly idleMs?: number;
  /** False for an event outside the scopes the bot may read: deleted at once, nothing else is done (default: all). */
  readonly accepts?: (event: ChangeEvent) => boolean;
}

export interface ReceiveSummary {
  readonly received: number;
  readonly delivered: number;
  readonly duplicates: number;
  readonly ignored: number;
  /** Events outside the allowed scopes (`accepts`). */
  readonly dropped: number;
  readonly poisoned: number;
  readonly failed: number;
}

export interface QueueConsumer extends ChangeSource {
  /** One receive: handles what it got and returns what it did (the loop calls it; tests call it directly). */
  receiveOnce(sink: ChangeSink): Promise<ReceiveSummary>;
}

const seenKey = (id: string): string => `events/queue-seen/${Buffer.from(id).toString('base64url').slice(0, 200)}`;

export function createQueueConsumer(options: QueueConsumerOptions): QueueConsumer {
  const { queue, poisonQueue, store, logger } = options;
  const visibility = options.visibilitySeconds ?? 60;
  const maxDequeues = options.maxDequeues ?? 5;
  let stopped = true;
  let loop: Promise<void> | undefined;

  const poison = async (message: QueueMessage, reason: string): Promise<void> => {
    await poisonQueue.put(message.text);
    await queue.delete(message);
    logger.warn({ queue: queue.name, messageId: message.messageId, dequeueCount: message.dequeueCount, reason }, 'queue message moved to the poison queue');
  };

  async function receiveOnce(sink: ChangeSink): Promise<ReceiveSummary> {
    const summary = { received: 0, delivered: 0, duplicates: 0, ignored: 0, dropped: 0, poisoned: 0, failed: 0 };
    const messages = await queue.receive(options.batchSize ?? 16, visibility);
    summary.received = messages.length;
    for (const message of messages) {
      if (message.dequeueCount > maxDequeues) {
        await poison(message, `dequeued ${message.dequeueCount} times`);
        summary.poisoned += 1;
        continue;
      }
      const parsed = parseQueueMessage(message.text);
      if (parsed.kind === 'malformed') {
        await poison(message, parsed.reason);
        summary.poisoned += 1;
        continue;
      }
      if (parsed.kind === 'ignored') {
        await queue.delete(message);
        summary.ignored += 1;
        continue;
      }
      if (options.accepts !== undefined && !options.accepts(parsed.event)) {
        await queue.delete(message);
        summary.dropped += 1;
        continue;
      }
      if ((await store.get(seenKey(parsed.event.id))) !== undefined) {
        await queue.delete(message);
        summary.duplicates += 1;
        continue;
      }
      try {
        await sink([parsed.event]);
      } catch (error) {
        // Left in the queue: visible again after the timeout, poison after maxDequeues.
        logger.warn({ err: error, messageId: message.messageId }, 'handling a queued change failed; it will be retried');
        summary.failed += 1;
        continue;
      }
      try {
        await store.put(seenKey(parsed.event.id), { at: parsed.event.time }, '*');
      } catch (error) {
        if (!(error instanceof ETagConflictError)) throw error;
      }
      await queue.delete(message);
      summary.delivered += 1;
    }
    // Counted, not itemised: a busy subscription outside the scopes must not flood the log.
    if (summary.dropped > 0) logger.info({ queue: queue.name, dropped: summary.dropped }, 'queued changes outside the allowed scopes dropped');
    return summary;
  }

  return {
    name: 'event-grid-queue',
    receiveOnce,
    start(sink) {
      if (!stopped) return;
      stopped = false;
      const idleMs = options.idleMs ?? 1_000;
      loop = (async () => {
        // A queue that keeps failing (a wrong URL, a missing role) is logged once and retried ever more slowly,
        // up to once a minute, instead of a line every second.
        let failures = 0;
        while (!stopped) {
          let received = 0;
          try {
            received = (await receiveOnce(sink)).received;
            if (failures > 0) logger.info({ queue: queue.name, failures }, 'queue receive works again');
            failures = 0;
          } catch (error) {
            failures += 1;
            if (failures === 1) logger.warn({ err: error, queue: queue.name }, 'queue receive failed; retrying with back-off');
          }
          const wait = failures > 0 ? Math.min(60_000, idleMs * 2 ** Math.min(failures, 16)) : received === 0 ? idleMs : 0;
          if (wait > 0 && !stopped) await new Promise((r) => setTimeout(r, wait).unref());
        }
      })();
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
