/**
 * What every exception must satisfy, wherever it comes from (the card form, the text command, the YAML file):
 * a known check, a resource id, a reason, an owner, a real expiry day. Each problem names its field.
 * Chat adds its own limits (no past expiry, at most the configured number of days, a scope the bot may scan).
 */
import { parseResourceId, ResourceIdError } from '../shared/resource-id';
import { scrubSecrets } from '../logging';
import { isCalendarDay, ISO_DAY } from './model';

export interface ExceptionFieldError {
  readonly field: string;
  /** What is wrong; it may quote the input, so chat escapes it. */
  readonly message: string;
  /** What to do about it, in our own words only (chat shows them as Markdown). */
  readonly next?: string;
}

/** Where the command line lists the checks; chat names its own command. */
export const CLI_CHECK_LIST = 'See guardian checks.';

/** A problem as one line of plain text: its message, then what to do. */
export function problemText(problem: ExceptionFieldError): string {
  return problem.next === undefined ? problem.message : `${problem.message} ${problem.next}`;
}

export interface ExceptionFields {
  readonly checkId: string;
  readonly resource: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
}

// Subscription-level resources (a Defender plan: /subscriptions/<id>/providers/Microsoft.Security/pricings/AI) are
// findings too, so a scope may be one; the resource-id parser refuses them because nothing scans them directly.
const SUBSCRIPTION_RESOURCE = /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/providers(\/[A-Za-z0-9._()-]+)+$/i;

function resourceProblem(resource: string): string | undefined {
  if (SUBSCRIPTION_RESOURCE.test(resource)) return undefined;
  try {
    parseResourceId(resource);
    return undefined;
  } catch (e) {
    if (!(e instanceof ResourceIdError)) throw e;
    return e.message;
  }
}

export function validateExceptionFields(fields: ExceptionFields, isKnownCheck: (id: string) => boolean, checkList = CLI_CHECK_LIST): ExceptionFieldError[] {
  const problems: ExceptionFieldError[] = [];
  if (fields.checkId === '') problems.push({ field: 'check', message: 'is required (a check id such as AML-NET-001).' });
  else if (!isKnownCheck(fields.checkId.toUpperCase())) problems.push({ field: 'check', message: `"${fields.checkId}" is not a check id this version knows.`, next: checkList });
  if (fields.resource === '') problems.push({ field: 'resource', message: 'is required (a resource, resource-group or subscription id).' });
  else {
    const problem = resourceProblem(fields.resource);
    if (problem !== undefined) problems.push({ field: 'resource', message: problem });
  }
  if (fields.reason === '') problems.push({ field: 'reason', message: 'is required: say why the risk is accepted.' });
  // A reason is shown in cards, reports, SARIF uploads and pipeline logs: a secret pasted into it would leak there.
  else if (scrubSecrets(fields.reason) !== fields.reason) problems.push({ field: 'reason', message: 'looks like it contains a secret (a key, connection string, token or SAS signature): remove it.' });
  if (fields.owner !== '' && scrubSecrets(fields.owner) !== fields.owner) problems.push({ field: 'owner', message: 'looks like it contains a secret: name a person or group.' });
  if (fields.owner === '') problems.push({ field: 'owner', message: 'is required: who answers for the risk.' });
  const expiry = expiryDayProblem(fields.expires);
  if (expiry !== undefined) problems.push(expiry);
  return problems;
}

/** An expiry that is not a real calendar day (also what a renewal, which carries nothing else, is checked for). */
export function expiryDayProblem(expires: string): ExceptionFieldError | undefined {
  if (expires === '') return { field: 'expires', message: 'is required (a day, YYYY-MM-DD).' };
  if (!isCalendarDay(expires)) {
    // The shape is right but the calendar has no such day (2027-02-30): say so rather than blame the format.
    const message = ISO_DAY.test(expires) ? `"${expires}" is not a real date: the calendar has no such day.` : `"${expires}" is not a day written YYYY-MM-DD.`;
    return { field: 'expires', message };
  }
  return undefined;
}
