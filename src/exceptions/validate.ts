/**
 * What every exception must satisfy, wherever it comes from (the card form, the text command, the YAML file):
 * a known check, a resource id, a reason, an owner, a real expiry day. Each problem names its field.
 * Chat adds its own limits (no past expiry, at most the configured number of days, a scope the bot may scan).
 */
import { parseResourceId, ResourceIdError } from '../shared/resource-id';
import { isCalendarDay } from './model';

export interface ExceptionFieldError {
  readonly field: string;
  readonly message: string;
}

export interface ExceptionFields {
  readonly checkId: string;
  readonly resource: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
}

export function validateExceptionFields(fields: ExceptionFields, isKnownCheck: (id: string) => boolean): ExceptionFieldError[] {
  const problems: ExceptionFieldError[] = [];
  if (fields.checkId === '') problems.push({ field: 'check', message: 'is required (a check id such as AML-NET-001).' });
  else if (!isKnownCheck(fields.checkId.toUpperCase())) problems.push({ field: 'check', message: `"${fields.checkId}" is not a check id this version knows (see guardian checks).` });
  if (fields.resource === '') problems.push({ field: 'resource', message: 'is required (a resource, resource-group or subscription id).' });
  else {
    try {
      parseResourceId(fields.resource);
    } catch (e) {
      if (!(e instanceof ResourceIdError)) throw e;
      problems.push({ field: 'resource', message: e.message });
    }
  }
  if (fields.reason === '') problems.push({ field: 'reason', message: 'is required: say why the risk is accepted.' });
  if (fields.owner === '') problems.push({ field: 'owner', message: 'is required: who answers for the risk.' });
  if (fields.expires === '') problems.push({ field: 'expires', message: 'is required (a day, YYYY-MM-DD).' });
  else if (!isCalendarDay(fields.expires)) problems.push({ field: 'expires', message: `"${fields.expires}" is not a day written YYYY-MM-DD.` });
  return problems;
}
