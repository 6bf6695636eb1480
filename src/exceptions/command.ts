/**
 * The chat commands of accepted risk, in words:
 *   accept AML-NET-001 on ws-prod for 90 days: partner network needs the studio
 *   accept AML-NET-001 on ws-prod until 2027-03-01: partner network needs the studio
 *   show exceptions   (also: list exceptions, accepted risks, exceptions)
 * `matchExceptionsList` and `matchAccept` recognise them for the router's command table; `parseAcceptCommand`
 * reads the original text (case kept, the reason is the user's own words) and names every part that is missing.
 */
import type { ExceptionFieldError } from './validate';

const ACCEPT = /^accept(?:\s+(?:the\s+)?risk(?:\s+(?:of|for))?)?\s+(.*)$/is;
const LIST = /^(?:(?:show|list|what are)(?: me)?(?: the| our| all| my)? (?:exceptions|accepted risks)|exceptions|accepted risks)\??$/;

/** "show exceptions": `t` is the normalised (lowercase) message. */
export function matchExceptionsList(t: string): { readonly args: string } | undefined {
  return LIST.test(t) ? { args: '' } : undefined;
}

/** "accept AML-…" only: "accept the invitation" or "accept risk?" as a question is not the command. */
export function matchAccept(_t: string, original: string): { readonly args: string } | undefined {
  const m = ACCEPT.exec(original.trim());
  return m !== null && /^aml-[a-z]+-\d{3}\b/i.test(m[1] ?? '') ? { args: (m[1] ?? '').trim() } : undefined;
}

export interface AcceptCommand {
  readonly checkId: string;
  readonly target: string;
  /** Either a number of days or an expiry day. */
  readonly days?: number;
  readonly until?: string;
  readonly reason: string;
}

const CHECK = /^(aml-[a-z]+-\d{3})\b/i;
// The workspace may hold a colon (`sample:hardened`): only a colon followed by a space or the end starts the reason.
// An expiry keyword is never a workspace name, so "accept … for 30 days" says the workspace is missing.
const TARGET = /^(?:on|in)\s+(?:the\s+)?(?:workspace\s+)?(?!(?:for|until|till|to|expires?|expiring)\b)(\S+?)(?=:?(?:\s|$))/i;
const DAYS = /^for\s+(\d{1,5})\s+days?\b/i;
const UNTIL = /^(?:until|till|to|expires?|expiring)\s+(\d{4}-\d{2}-\d{2})\b/i;

export type ParsedAccept = { readonly ok: true; readonly command: AcceptCommand } | { readonly ok: false; readonly problems: readonly ExceptionFieldError[] };

interface TargetAndExpiry {
  target?: string;
  days?: number;
  until?: string;
  /** What follows them: the reason, after its colon. */
  rest: string;
}

/** Reads the workspace and the expiry, in either order, off the front of `text`. */
function readTargetAndExpiry(text: string): TargetAndExpiry {
  const read: TargetAndExpiry = { rest: text };
  for (;;) {
    const expiryOpen = read.days === undefined && read.until === undefined;
    const target = read.target === undefined ? TARGET.exec(read.rest) : null;
    const days = expiryOpen ? DAYS.exec(read.rest) : null;
    const until = expiryOpen ? UNTIL.exec(read.rest) : null;
    const match = target ?? days ?? until;
    if (match === null) return read;
    if (target !== null) read.target = target[1];
    else if (days !== null) read.days = Number(days[1]);
    else if (until !== null) read.until = until[1];
    read.rest = read.rest.slice(match[0].length).trim();
  }
}

/** Parses the arguments after "accept". */
export function parseAcceptCommand(args: string): ParsedAccept {
  let rest = args.trim();
  const problems: ExceptionFieldError[] = [];
  const check = CHECK.exec(rest);
  const checkId = check?.[1]?.toUpperCase() ?? '';
  if (check !== null) rest = rest.slice(check[0].length).trim();
  const { target, days, until, rest: afterExpiry } = readTargetAndExpiry(rest);
  const colon = afterExpiry.indexOf(':');
  const reason = colon < 0 ? '' : afterExpiry.slice(colon + 1).trim();
  if (checkId === '') problems.push({ field: 'check', message: 'is missing: start with the check id, e.g. "accept AML-NET-001 on ws-prod for 90 days: <reason>".' });
  if (target === undefined) problems.push({ field: 'workspace', message: 'is missing: say which workspace, e.g. "on ws-prod".' });
  if (days === undefined && until === undefined) problems.push({ field: 'expires', message: 'is missing: say how long, e.g. "for 90 days" or "until 2027-03-01".' });
  if (reason === '') problems.push({ field: 'reason', message: 'is missing: give the reason after a colon, e.g. ": partner network needs the studio".' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    command: {
      checkId,
      target: target ?? '',
      ...(days !== undefined ? { days } : {}),
      ...(until !== undefined ? { until } : {}),
      reason,
    },
  };
}
