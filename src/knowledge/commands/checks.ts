/** The check catalog: "checks", "list checks", "what checks do you run?". */
import type { CommandMatcher } from './matcher';

export const matchChecks: CommandMatcher = (t) => {
  if (/^((list|show|display|print)( me)?( all)?( the| your)?( available)? (checks|check list|check catalog|catalog of checks)|checks|check list|check catalog|catalog)( please)?$/.test(t)) return { args: '' };
  if (/^(what|which) checks\b|^what do you check\b/.test(t)) return { args: '' };
  if (/^(list|show|display)( me)?( all)?( the| your)?( available)? checks (you|that you|i|we) (can )?(run|have|do|offer|know)\b/.test(t)) return { args: '' };
  return undefined;
};
