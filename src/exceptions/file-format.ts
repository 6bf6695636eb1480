/**
 * The exceptions file kept in a repository (`guardian scan --exceptions <file>`), and what
 * `guardian exceptions export` writes from the bot's store — one format, so chat and pipeline agree:
 *
 *   exceptions:
 *     - check: AML-NET-001
 *       resource: /subscriptions/…/workspaces/ws-prod
 *       reason: partner network needs the studio
 *       owner: jane@contoso.com
 *       expires: 2027-03-01
 *
 * `id`, `createdBy` and `createdAt` are optional (export writes them, so a round trip keeps them). A file with any
 * error is refused whole: nothing of it applies, and every error names its field.
 */
import { createHash } from 'node:crypto';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import type { ExceptionEntry } from './model';
import { problemText, validateExceptionFields, type ExceptionFieldError } from './validate';

export class ExceptionFileError extends Error {
  override readonly name = 'ExceptionFileError';
  constructor(
    readonly problems: readonly ExceptionFieldError[],
    options?: ErrorOptions,
  ) {
    super(problems.map((p) => `${p.field}: ${problemText(p)}`).join('\n'), options);
  }
}

const FIELDS = ['id', 'check', 'resource', 'reason', 'owner', 'expires', 'createdBy', 'createdAt'] as const;
type Field = (typeof FIELDS)[number];

/** A stable id for an entry the file gives none: the same entry gets the same id in every run. */
function derivedId(check: string, resource: string, expires: string): string {
  return `file-${createHash('sha256').update(`${check.toUpperCase()}|${resource.toLowerCase()}|${expires}`).digest('hex').slice(0, 12)}`;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  // A YAML 1.1 reader turns an unquoted 2027-03-01 into a date; read it back as the day it names.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function parseEntry(raw: unknown, at: string, isKnownCheck: (id: string) => boolean, problems: ExceptionFieldError[]): ExceptionEntry | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ field: at, message: 'must be a mapping with check, resource, reason, owner and expires.' });
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) problems.push({ field: `${at}.${key}`, message: `is not a field of an exception (the fields are ${FIELDS.join(', ')}).` });
  }
  const values: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    const read = text(value);
    if (read === undefined) problems.push({ field: `${at}.${field}`, message: 'must be text.' });
    else values[field] = read;
  }
  const { check = '', resource = '', reason = '', owner = '', expires = '' } = values;
  problems.push(...validateExceptionFields({ checkId: check, resource, reason, owner, expires }, isKnownCheck).map((p) => ({ ...p, field: `${at}.${p.field}` })));
  if (values.createdAt !== undefined && Number.isNaN(Date.parse(values.createdAt))) problems.push({ field: `${at}.createdAt`, message: `"${values.createdAt}" is not a date and time.` });
  if (problems.length > before) return undefined;
  return {
    id: values.id ?? derivedId(check, resource, expires),
    checkId: check.toUpperCase(),
    resource,
    reason,
    owner,
    expires,
    createdBy: values.createdBy ?? 'exceptions file',
    createdAt: values.createdAt ?? '',
  };
}

/** Parses the file; throws ExceptionFileError naming every bad field, so that nothing half-applies. */
export function parseExceptionsFile(source: string, isKnownCheck: (id: string) => boolean): ExceptionEntry[] {
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ExceptionFileError(document.errors.map((e) => ({ field: 'file', message: `is not valid YAML: ${e.message.split('\n')[0] ?? ''}` })), { cause: document.errors[0] });
  }
  const root = document.contents;
  if (!isMap(root) || !root.has('exceptions')) throw new ExceptionFileError([{ field: 'exceptions', message: 'is missing: the file holds a mapping with an `exceptions:` list.' }]);
  const list = root.get('exceptions');
  if (list !== null && !isSeq(list)) throw new ExceptionFileError([{ field: 'exceptions', message: 'must be a list of exceptions.' }]);
  const raw = document.toJS() as { exceptions?: unknown[] | null };
  const problems: ExceptionFieldError[] = [];
  const entries = (raw.exceptions ?? []).flatMap((item, i) => parseEntry(item, `exceptions[${i}]`, isKnownCheck, problems) ?? []);
  if (problems.length > 0) throw new ExceptionFileError(problems);
  return entries;
}

/** The file for `entries`, in the format parseExceptionsFile reads. */
export function renderExceptionsFile(entries: readonly ExceptionEntry[]): string {
  const exceptions = entries.map((e) => ({
    id: e.id,
    check: e.checkId,
    resource: e.resource,
    reason: e.reason,
    owner: e.owner,
    expires: e.expires,
    createdBy: e.createdBy,
    ...(e.createdAt === '' ? {} : { createdAt: e.createdAt }),
  }));
  return stringify({ exceptions }, { lineWidth: 0 });
}

