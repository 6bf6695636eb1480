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
const TARGET = /^(?:on|for|in)\s+(?:the\s+)?(?:workspace\s+)?(\S+?)(?=\s|:|$)/i;
const DAYS = /^for\s+(\d{1,5})\s+days?\b/i;
const UNTIL = /^(?:until|till|to|expires?|expiring)\s+(\d{4}-\d{2}-\d{2})\b/i;

export type ParsedAccept = { readonly ok: true; readonly command: AcceptCommand } | { readonly ok: false; readonly problems: readonly ExceptionFieldError[] };

/** Parses the arguments after "accept". */
export function parseAcceptCommand(args: string): ParsedAccept {
  let rest = args.trim();
  const problems: ExceptionFieldError[] = [];
  const check = CHECK.exec(rest);
  const checkId = check?.[1]?.toUpperCase() ?? '';
  if (check !== null) rest = rest.slice(check[0].length).trim();
  const colon = rest.indexOf(':');
  const head = colon < 0 ? rest : rest.slice(0, colon);
  const reason = colon < 0 ? '' : rest.slice(colon + 1).trim();
  let words = head.trim();
  const target = TARGET.exec(words);
  if (target !== null) words = words.slice(target[0].length).trim();
  const days = DAYS.exec(words);
  const until = days === null ? UNTIL.exec(words) : null;
  if (checkId === '') problems.push({ field: 'check', message: 'is missing: start with the check id, e.g. "accept AML-NET-001 on ws-prod for 90 days: <reason>".' });
  if (target === null) problems.push({ field: 'workspace', message: 'is missing: say which workspace, e.g. "on ws-prod".' });
  if (days === null && until === null) problems.push({ field: 'expires', message: 'is missing: say how long, e.g. "for 90 days" or "until 2027-03-01".' });
  if (reason === '') problems.push({ field: 'reason', message: 'is missing: give the reason after a colon, e.g. ": partner network needs the studio".' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    command: {
      checkId,
      target: target?.[1] ?? '',
      ...(days !== null ? { days: Number(days[1]) } : {}),
      ...(until?.[1] !== undefined ? { until: until[1] } : {}),
      reason,
    },
  };
}
