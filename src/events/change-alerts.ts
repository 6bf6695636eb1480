/**
 * Change alerts: the change sources feed one coalescing buffer; a burst (a deployment touching twenty resources)
 * is handled as one batch after `windowMs`, so each workspace gets one card for it. The batch is re-checked
 * (targeted-recheck.ts) and the outbox drained at once, so the card does not wait for the minute timer.
 */
import type { Logger } from '../logging';
import type { ChangeEvent } from '../shared/change-event';
import type { ChangeSink, ChangeSource } from './change-source';
import type { RecheckSummary } from './targeted-recheck';

export interface ChangeAlertsOptions {
  readonly sources: readonly ChangeSource[];
  readonly recheck: (events: readonly ChangeEvent[]) => Promise<RecheckSummary>;
  /** Sends what the re-check enqueued (the notification outbox's drain). */
  readonly drain: () => Promise<unknown>;
  readonly logger: Logger;
  /** How long a burst is gathered before it is handled (default 3 s). */
  readonly windowMs?: number;
}

export interface ChangeAlerts {
  /** The sink the sources deliver to (tests and the queue consumer may call it directly). */
  readonly sink: ChangeSink;
  /** Handles what is buffered now, without waiting for the window; resolves when its cards are sent. */
  flush(): Promise<RecheckSummary | undefined>;
  start(): void;
  stop(): Promise<void>;
}

export function createChangeAlerts(options: ChangeAlertsOptions): ChangeAlerts {
  const windowMs = options.windowMs ?? 3_000;
  let buffer: ChangeEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  const flush = (): Promise<RecheckSummary | undefined> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = buffer;
    buffer = [];
    // One batch at a time: two batches re-checking one watch would race for its lease and its stored report.
    const run = chain.then(async () => {
      if (batch.length === 0) return undefined;
      const summary = await options.recheck(batch);
      await options.drain();
      return summary;
    });
    chain = run.catch((error: unknown) => options.logger.error({ err: error }, 'change alert batch failed'));
    return run;
  };

  const sink: ChangeSink = (events) => {
    buffer.push(...events);
    if (timer === undefined && buffer.length > 0) {
      timer = setTimeout(() => void flush().catch(() => undefined), windowMs);
      timer.unref();
    }
    return Promise.resolve();
  };

  return {
    sink,
    flush,
    start() {
      for (const source of options.sources) source.start(sink);
    },
    async stop() {
      await Promise.all(options.sources.map((s) => s.stop()));
      await flush().catch(() => undefined);
    },
  };
}
