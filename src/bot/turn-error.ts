/**
 * What a crashed turn leaves behind: one log line with the scrubbed stack, the activity type and a short
 * reference, and an apology that shows the same reference — so support can find the log line a user quotes
 * ("ref 7f3a1c") without the user ever seeing the error text.
 */
import { randomBytes } from 'node:crypto';
import { scrubSecrets, type Logger } from '../logging';

/** Long enough for a stack's useful frames; a runaway message cannot flood the log. */
const MAX_STACK_CHARS = 4000;

export interface TurnErrorLog {
  readonly ref: string;
  readonly err: { readonly name: string; readonly message: string; readonly stack?: string };
  readonly activityType: string | undefined;
}

/** Six hex characters: short enough to read over the phone, unique enough among one day's errors. */
export function newErrorRef(): string {
  return randomBytes(3).toString('hex');
}

export function describeTurnError(error: unknown, activityType: string | undefined, ref: string): TurnErrorLog {
  const e = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'non-Error value thrown');
  const stack = typeof e.stack === 'string' ? scrubSecrets(e.stack).slice(0, MAX_STACK_CHARS) : undefined;
  return {
    ref,
    err: { name: e.name, message: scrubSecrets(e.message), ...(stack === undefined ? {} : { stack }) },
    activityType,
  };
}

export function apologyText(ref: string): string {
  return `Sorry, something went wrong on my side. Please try again in a moment. If it keeps happening, tell the bot owner this reference: ref ${ref}.`;
}

/** Logs the failure (scrubbed; the logger scrubs the line again) and returns the reference to show. */
export function logTurnError(logger: Logger, error: unknown, activityType: string | undefined, ref = newErrorRef()): string {
  logger.error(describeTurnError(error, activityType, ref), 'turn failed');
  return ref;
}
