/**
 * How long ARM asked a caller to wait before trying again, read from the headers it may use for it. The
 * Retry-After cap (clients.ts) hides a long wait from the SDK's retry strategy, so that the read fails at once;
 * it keeps the wait under a header of our own so that the failure can still tell the user how long to wait.
 */
import type { HttpHeaders } from '@azure/core-rest-pipeline';

/** Where the cap keeps a wait it hid from the SDK (not a header ARM sends). */
export const HIDDEN_RETRY_AFTER_MS = 'x-guardian-retry-after-ms';

const WAIT_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', HIDDEN_RETRY_AFTER_MS] as const;

/** The wait in milliseconds, or undefined when no header says (or says something unreadable). */
export function retryAfterMs(headers: Pick<HttpHeaders, 'get'>, now = Date.now()): number | undefined {
  for (const name of WAIT_HEADERS) {
    const value = headers.get(name);
    if (value !== undefined && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  }
  const header = headers.get('retry-after');
  if (header === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** "45 seconds", "10 minutes": a wait as a person says it, rounded up to what they can act on. */
export function waitText(seconds: number): string {
  if (seconds < 90) {
    const s = Math.max(1, Math.ceil(seconds));
    return `${s} second${s === 1 ? '' : 's'}`;
  }
  const m = Math.ceil(seconds / 60);
  return `${m} minutes`;
}
