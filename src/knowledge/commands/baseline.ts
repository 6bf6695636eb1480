/** The baseline command: the customer's baseline document, compiled from the workshop and the last scan. */
import type { CommandMatcher } from './matcher';

export const matchBaseline: CommandMatcher = (t) => {
  if (/^(show |get |compile |generate |export |download |create |build |send |give )?(me )?(my|our|the|a)? ?(customer'?s? )?(security )?baseline( document| doc| report| file| summary)?( please)?$/.test(t)) {
    return { args: '' };
  }
  if (/\b(my|our) (security )?baseline\b/.test(t) && !/^(what|how|why|which)\b/.test(t)) return { args: '' };
  if (/\b(export|download|compile|generate)\b.*\bbaseline\b/.test(t)) return { args: '' };
  // "can I get the baseline document we've been building?"
  if (/\b(get|see|show|send|have|open|view)\b.*\bbaseline (document|doc|report|file|summary)\b/.test(t)) return { args: '' };
  return undefined;
};
