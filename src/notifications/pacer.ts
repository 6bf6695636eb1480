/**
 * Keeps proactive sends per conversation under Teams' limit (7 messages per second per thread, per bot). In
 * process only: several instances each keep their own pace, which is why outbox work is claimed per entry and
 * a pass usually runs on one instance.
 */
export class ConversationPacer {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Resolves when one more message may go to `conversationId`, and counts it. */
  async take(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const window = (this.recent.get(conversationId) ?? []).filter((t) => t > now - 1000);
      if (window.length < this.perSecond) {
        window.push(now);
        this.recent.set(conversationId, window);
        return;
      }
      this.recent.set(conversationId, window);
      await this.sleep(window[0]! + 1000 - now);
    }
  }
}
