/**
 * A typing indicator while work takes longer than a moment: nothing for quick answers, then one indicator
 * every few seconds (Teams hides it after about three seconds) until the work ends.
 */
export interface TypingOptions {
  /** Wait this long before the first indicator. */
  readonly delayMs: number;
  readonly intervalMs: number;
}

export const DEFAULT_TYPING: TypingOptions = { delayMs: 700, intervalMs: 3000 };

export async function withTyping<T>(sendTyping: () => Promise<void>, options: TypingOptions, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<void> = Promise.resolve();
  let done = false;
  const tick = (): void => {
    if (done) return;
    // A failed indicator must not fail the turn; the next tick tries again.
    pending = sendTyping().catch(() => undefined);
    timer = setTimeout(tick, options.intervalMs);
  };
  timer = setTimeout(tick, options.delayMs);
  try {
    return await work();
  } finally {
    done = true;
    clearTimeout(timer);
    // The turn context is revoked when the turn ends: let an indicator in flight finish first.
    await pending;
  }
}
