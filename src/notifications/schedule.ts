/**
 * Schedules in the words people type ("daily at 08:00", "every 6 hours", "weekly on monday at 9:30
 * Europe/Paris", "cron 0 7 * * 1-5") turned into a cron pattern plus an IANA time zone. croner validates the
 * pattern and computes run times; Intl validates the zone.
 */
import { Cron } from 'croner';
import { errorMessage } from '../shared/error-message';

export interface Schedule {
  /** Five-field cron pattern (minute hour day month weekday). */
  readonly cron: string;
  /** IANA time zone, e.g. `Europe/Paris`, or `UTC`. */
  readonly timezone: string;
}

/** Scans closer together than this would hammer ARM and the channel. */
export const MIN_INTERVAL_MINUTES = 15;
export const DEFAULT_SCHEDULE: Schedule = { cron: '0 8 * * *', timezone: 'UTC' };

const DAYS: Readonly<Record<string, number>> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
}

/** The canonical spelling of a time zone, or a ScheduleError. */
export function validateTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new ScheduleError(`"${zone}" is not a time zone I know. Use an IANA name such as Europe/Paris or UTC.`);
  }
}

/** The canonical spelling of a time zone a client reported (untrusted), or undefined when it is not one. */
export function knownTimeZone(zone: string | undefined): string | undefined {
  if (zone === undefined || zone.trim() === '') return undefined;
  try {
    return validateTimeZone(zone.trim());
  } catch (e) {
    if (e instanceof ScheduleError) return undefined;
    throw e;
  }
}

/** Throws ScheduleError unless croner accepts the pattern and runs are at least MIN_INTERVAL_MINUTES apart. */
export function validateSchedule(schedule: Schedule): Schedule {
  const timezone = validateTimeZone(schedule.timezone);
  const fields = schedule.cron.trim().split(/\s+/);
  if (fields.length !== 5) throw new ScheduleError('A cron pattern has five fields: minute hour day-of-month month day-of-week.');
  let cron: Cron;
  try {
    cron = new Cron(fields.join(' '), { timezone, paused: true });
  } catch (e) {
    throw new ScheduleError(`That cron pattern is not valid: ${errorMessage(e)}`);
  }
  const runs = cron.nextRuns(6, new Date(Date.UTC(2030, 0, 1)));
  if (runs.length < 2) throw new ScheduleError('That schedule never runs (or runs only once).');
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 60_000;
    if (gap < MIN_INTERVAL_MINUTES) throw new ScheduleError(`Scans must be at least ${MIN_INTERVAL_MINUTES} minutes apart.`);
  }
  return { cron: fields.join(' '), timezone };
}

/** The next run strictly after `after`, or undefined when the pattern never fires again. */
export function nextRun(schedule: Schedule, after: Date): Date | undefined {
  return new Cron(schedule.cron, { timezone: schedule.timezone, paused: true }).nextRun(after) ?? undefined;
}

/** Words that may precede "digest" and belong to it: "with a weekly digest", "and a digest", "plus weekly digest". */
const DIGEST_LEAD = [/^weekly$/i, /^an?$/i, /^(with|and|plus|\+|&)$/i];

/**
 * Removes the weekly-digest phrase from the schedule words — "with a weekly digest", "with weekly digest",
 * "weekly digest", "with digest", "and a digest" … anywhere in them — and says whether it was there.
 */
export function takeDigestPhrase(words: readonly string[]): { rest: string[]; weeklyDigest: boolean } {
  const at = words.findIndex((w) => /^digests?[.,;!]?$/i.test(w));
  if (at < 0) return { rest: [...words], weeklyDigest: false };
  let start = at;
  // Walk back over "weekly", "a" and one connector, in that order.
  for (const lead of DIGEST_LEAD) if (start > 0 && lead.test(words[start - 1] ?? '')) start -= 1;
  return { rest: [...words.slice(0, start), ...words.slice(at + 1)], weeklyDigest: true };
}

/** Says how to ask for the digest; part of every "did not understand the schedule" answer. */
export const DIGEST_HINT = 'Add "with a weekly digest" for a weekly summary as well.';

/**
 * Parses the schedule words after the workspace. Returns the schedule and whether a weekly digest was asked
 * for ("with a weekly digest", "with digest", "and a digest", "weekly digest"). Empty input means the default:
 * daily at 08:00. A time zone typed last wins; else `defaultTimeZone` (the user's own, when the client says
 * which: it must already be valid), else UTC.
 */
export function parseSchedule(words: readonly string[], defaultTimeZone = DEFAULT_SCHEDULE.timezone): { schedule: Schedule; weeklyDigest: boolean } {
  const digest = takeDigestPhrase(words.map((w) => w.trim()).filter((w) => w !== ''));
  let tokens = digest.rest;
  const weeklyDigest = digest.weeklyDigest;

  // A time zone comes last: an IANA name has a slash; UTC and GMT are the common exceptions.
  let timezone = defaultTimeZone;
  const last = tokens[tokens.length - 1];
  if (last !== undefined && (last.includes('/') || /^(utc|gmt)$/i.test(last))) {
    timezone = validateTimeZone(last);
    tokens = tokens.slice(0, -1);
  }

  const lower = tokens.map((t) => t.toLowerCase());
  if (lower[0] === 'cron') {
    const pattern = tokens.slice(1).join(' ').replace(/^["'`]|["'`]$/g, '');
    return { schedule: validateSchedule({ cron: pattern, timezone }), weeklyDigest };
  }
  const cron = wordsToCron(lower);
  return { schedule: validateSchedule({ cron, timezone }), weeklyDigest };
}

function wordsToCron(words: readonly string[]): string {
  const text = words.join(' ');
  if (text === '') return DEFAULT_SCHEDULE.cron;
  if (text === 'hourly' || text === 'every hour') return '0 * * * *';

  let match = /^every (\d+) (hours?|h)$/.exec(text);
  if (match) {
    const n = Number(match[1]);
    if (n < 1 || n > 23) throw new ScheduleError('"every N hours" takes N from 1 to 23 (use "daily" for 24).');
    return n === 1 ? '0 * * * *' : `0 */${n} * * *`;
  }
  match = /^every (\d+) (minutes?|mins?|m)$/.exec(text);
  if (match) {
    const n = Number(match[1]);
    if (n < MIN_INTERVAL_MINUTES || n > 59) throw new ScheduleError(`"every N minutes" takes N from ${MIN_INTERVAL_MINUTES} to 59.`);
    return `*/${n} * * * *`;
  }

  match = /^(daily|every day|weekdays|on weekdays|every weekday)(?: at (.+))?$/.exec(text);
  if (match) {
    const { hour, minute } = parseTime(match[2] ?? '08:00');
    return `${minute} ${hour} * * ${match[1]!.includes('weekday') ? '1-5' : '*'}`;
  }

  match = /^(?:weekly|every week)(?: on (\w+))?(?: at (.+))?$/.exec(text) ?? /^(?:every|on) (\w+?)s?(?: at (.+))?$/.exec(text);
  if (match) {
    const dayWord = match[1] ?? 'monday';
    const day = DAYS[dayWord];
    if (day === undefined) throw new ScheduleError(`"${dayWord}" is not a day of the week.`);
    const { hour, minute } = parseTime(match[2] ?? '08:00');
    return `${minute} ${hour} * * ${day}`;
  }

  match = /^at (.+)$/.exec(text);
  if (match) {
    const { hour, minute } = parseTime(match[1]!);
    return `${minute} ${hour} * * *`;
  }
  throw new ScheduleError(
    `I did not understand the schedule "${words.join(' ')}". Try "daily at 08:00", "every 6 hours", "weekly on monday at 9:30 Europe/Paris" or "cron 0 7 * * 1-5". ${DIGEST_HINT}`,
  );
}

/** "8", "08:00", "8:30", "8am", "8:30 pm", "20h". */
function parseTime(text: string): { hour: number; minute: number } {
  const match = /^(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|h)?$/.exec(text.trim());
  if (!match) throw new ScheduleError(`"${text}" is not a time. Use 24-hour "HH:MM" (08:00) or "8am".`);
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const suffix = match[3];
  if (suffix === 'am' || suffix === 'pm') {
    if (hour < 1 || hour > 12) throw new ScheduleError(`"${text}" is not a time.`);
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) throw new ScheduleError(`"${text}" is not a time.`);
  return { hour, minute };
}

/** "daily at 08:00 (UTC)", "every 6 hours (Europe/Paris)", "weekly on Monday at 09:30 (Europe/Paris)", else the cron. */
export function describeSchedule(schedule: Schedule): string {
  const zone = ` (${schedule.timezone})`;
  const [minute, hour, dom, month, dow] = schedule.cron.split(' ');
  const plainMinute = /^\d+$/.test(minute ?? '');
  const plainHour = /^\d+$/.test(hour ?? '');
  const time = plainMinute && plainHour ? `${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}` : undefined;
  if (dom === '*' && month === '*') {
    if (time !== undefined && dow === '*') return `daily at ${time}${zone}`;
    if (time !== undefined && dow === '1-5') return `on weekdays at ${time}${zone}`;
    if (time !== undefined && /^[0-6]$/.test(dow ?? '')) return `weekly on ${DAY_NAMES[Number(dow)]} at ${time}${zone}`;
    if (minute === '0' && hour === '*' && dow === '*') return `every hour${zone}`;
    const everyHours = /^\*\/(\d+)$/.exec(hour ?? '');
    if (minute === '0' && everyHours && dow === '*') return `every ${everyHours[1]} hours${zone}`;
    const everyMinutes = /^\*\/(\d+)$/.exec(minute ?? '');
    if (everyMinutes && hour === '*' && dow === '*') return `every ${everyMinutes[1]} minutes${zone}`;
  }
  return `on cron "${schedule.cron}"${zone}`;
}
