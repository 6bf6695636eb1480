/**
 * Throttling fault mode: answers 429 with Retry-After to a share of all requests (e.g. 20%), chosen by a
 * seeded generator so that runs are repeatable. A retried request is drawn again: it may be throttled again.
 */
export interface ThrottleSettings {
  /** Share of requests to throttle, 0..1. */
  readonly fraction: number;
  /** Seconds, sent as Retry-After. */
  readonly retryAfterSeconds: number;
  readonly seed?: number;
}

export class ThrottleFault {
  private state: number;

  constructor(private readonly settings: ThrottleSettings) {
    this.state = (settings.seed ?? 0x9e3779b9) >>> 0;
  }

  get retryAfterSeconds(): number {
    return this.settings.retryAfterSeconds;
  }

  /** True when this request is to be throttled. */
  draw(): boolean {
    return this.next() < this.settings.fraction;
  }

  /** mulberry32: small, fast, good enough for fault injection. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
