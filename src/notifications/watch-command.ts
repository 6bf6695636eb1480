/**
 * The chat commands of notifications: "watch ws-prod daily at 08:00", "watch ws-prod every 6 hours",
 * "watch <workspace id> weekly on monday at 9:30 Europe/Paris with digest", "unwatch ws-prod", "watches" /
 * "what do we watch?". Parsing only; the service does the rest. A schedule without a time zone is in the
 * user's own zone when the caller knows it (Teams reports it with every message), else in UTC.
 */
import { parseSchedule, ScheduleError, type Schedule } from './schedule';

export type WatchCommand =
  | {
      readonly kind: 'watch';
      readonly target: string;
      readonly schedule: Schedule;
      readonly weeklyDigest: boolean;
      /** Nothing followed the workspace: the default schedule for a new watch, while an existing one keeps its own. */
      readonly unspecified?: true;
    }
  | { readonly kind: 'unwatch'; readonly target: string }
  | { readonly kind: 'list' }
  | { readonly kind: 'invalid'; readonly message: string };

/** A workspace name, `sample` / `sample:<name>`, or an ARM resource id: no spaces, no markup. */
const TARGET = /^[A-Za-z0-9_.:()/-]{1,400}$/;
const LIST = /^(?:watches|watch(?:es)? list|list watch(?:es)?|what do we watch|what are we watching|what do you watch|what is watched)\s*\??$/i;

export const WATCH_USAGE =
  'Try "watch <workspace> daily at 08:00", "watch <workspace> every 6 hours", "watch <workspace> weekly on monday at 9:30 Europe/Paris", "unwatch <workspace>" or "watches".';

/** `defaultTimeZone`: the zone a schedule without one is in (the user's, validated), else UTC. */
export function parseWatchCommand(text: string, defaultTimeZone?: string): WatchCommand {
  const trimmed = text.trim();
  if (LIST.test(trimmed)) return { kind: 'list' };
  const [command = '', target, ...rest] = trimmed.split(/\s+/);
  const verb = command.toLowerCase();
  if (verb !== 'watch' && verb !== 'unwatch') return { kind: 'invalid', message: `I did not understand that. ${WATCH_USAGE}` };
  if (target === undefined) return { kind: 'invalid', message: `Which workspace? ${WATCH_USAGE}` };
  if (!TARGET.test(target)) {
    return { kind: 'invalid', message: 'That does not look like a workspace name or resource id (letters, digits, "-", "_", ".", ":" and "/" only).' };
  }
  if (verb === 'unwatch') {
    if (rest.length > 0) return { kind: 'invalid', message: `"unwatch" takes just the workspace: "unwatch ${target}".` };
    return { kind: 'unwatch', target };
  }
  try {
    const { schedule, weeklyDigest } = parseSchedule(rest, defaultTimeZone);
    return { kind: 'watch', target, schedule, weeklyDigest, ...(rest.length === 0 ? { unspecified: true } : {}) };
  } catch (e) {
    if (e instanceof ScheduleError) return { kind: 'invalid', message: e.message };
    throw e;
  }
}
