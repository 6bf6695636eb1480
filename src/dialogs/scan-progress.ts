/**
 * Progress updates for one scan message: at most one update per interval (or per step of reads), sent one
 * after another, so that a late update never overwrites the final card. `settle()` waits for what is queued.
 */
import type { ScanProgress } from '../scan/scan-service';

export interface ProgressThrottleOptions {
  readonly intervalMs: number;
  readonly now: () => number;
  /** Sends one update; failures are reported to `onError` and do not stop the scan. */
  readonly send: (progress: ScanProgress) => Promise<void>;
  readonly onError: (error: unknown) => void;
}

export class ProgressThrottle {
  private queue: Promise<void> = Promise.resolve();
  private lastSentAt: number;
  private lastDone = 0;
  private closed = false;

  constructor(private readonly options: ProgressThrottleOptions) {
    this.lastSentAt = options.now();
  }

  /** For ScanRequest.onProgress. */
  readonly report = (progress: ScanProgress): void => {
    if (this.closed) return;
    const step = Math.max(1, Math.ceil(progress.total / 4));
    const due = this.options.now() - this.lastSentAt >= this.options.intervalMs || progress.done - this.lastDone >= step;
    if (!due || progress.done === progress.total) return;
    this.lastSentAt = this.options.now();
    this.lastDone = progress.done;
    this.queue = this.queue.then(() => this.options.send(progress)).catch(this.options.onError);
  };

  /** Stops further updates and waits for those already queued. */
  async settle(): Promise<void> {
    this.closed = true;
    await this.queue;
  }
}
