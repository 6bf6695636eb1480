/**
 * Card action data comes back from the client and may be stale (an old card) or forged. These parsers accept
 * only what the scan cards put there, re-parse every workspace id, and answer with a sentence otherwise.
 */
import { areaOrCategory, AREAS, CATEGORIES, type Area, type Category } from '../checks/types';
import type { ReportScope } from '../report/wording';
import type { ScanSelection } from '../scan/scan-service';
import { parseWorkspaceId, ResourceIdError } from '../shared/resource-id';
import { isSampleTarget } from '../shared/scan-target';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const CHECK_ID = /^[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,12}){1,4}$/;

export type CheckScope = 'all' | Area | Category;

function field(data: Readonly<Record<string, unknown>>, key: string, max: number): Parsed<string> {
  const value = data[key];
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: `the card did not say which ${key} it is about` };
  if (value.length > max) return { ok: false, reason: `the ${key} on the card is too long` };
  return { ok: true, value: value.trim() };
}

/** A scan target from a card: `sample` / `sample:<name>`, or a full workspace resource id (re-parsed). */
export function parseTarget(data: Readonly<Record<string, unknown>>, key = 'target'): Parsed<string> {
  const raw = field(data, key, 1024);
  if (!raw.ok) return raw;
  if (isSampleTarget(raw.value)) return { ok: true, value: raw.value.toLowerCase() };
  return parseWorkspace(raw.value);
}

export function parseWorkspace(text: string): Parsed<string> {
  try {
    return { ok: true, value: parseWorkspaceId(text).id };
  } catch (e) {
    return { ok: false, reason: e instanceof ResourceIdError ? e.message : 'that is not a workspace id' };
  }
}

export function parseWorkspaceField(data: Readonly<Record<string, unknown>>): Parsed<string> {
  const raw = field(data, 'workspaceId', 1024);
  return raw.ok ? parseWorkspace(raw.value) : raw;
}

export function parseCheckId(data: Readonly<Record<string, unknown>>): Parsed<string> {
  const raw = field(data, 'checkId', 60);
  if (!raw.ok) return raw;
  return CHECK_ID.test(raw.value) ? raw : { ok: false, reason: `"${raw.value.slice(0, 40)}" is not a check id` };
}

export function parseResourceIdField(data: Readonly<Record<string, unknown>>): Parsed<string | undefined> {
  const value = data.resourceId;
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'string' || value.length > 1024) return { ok: false, reason: 'the resource on the card is not valid' };
  return { ok: true, value };
}

/** The finding's subject on a card (several findings of one check on one resource), when it has one. */
export function parseSubjectField(data: Readonly<Record<string, unknown>>): Parsed<string | undefined> {
  const value = data.subject;
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'string' || value.length > 1024) return { ok: false, reason: 'the finding on the card is not valid' };
  return { ok: true, value };
}

/**
 * Parts of a message that look like a target but are never taken as one: a Markdown link, a bare URL, an HTML tag
 * (Teams mentions of others are removed before the text gets here). Their kinds, in words, for telling the user why
 * the message named no workspace.
 */
export function ignoredTargetParts(text: string): readonly string[] {
  const kinds: string[] = [];
  if (/\[[^\]]*\]\([^)]*\)/.test(text)) kinds.push('link');
  else if (/\b(?:https?|ftp|file|javascript|data):/i.test(text) || /\bwww\.[a-z0-9-]+\./i.test(text)) kinds.push('link');
  if (/<\/?[a-z][^>]*>/i.test(text)) kinds.push(/<at\b/i.test(text) ? 'mention' : 'HTML');
  if (/(^|\s)@[a-z0-9]/i.test(text)) kinds.push('mention');
  return [...new Set(kinds)];
}

export function parsePage(data: Readonly<Record<string, unknown>>): Parsed<number> {
  const value = data.page;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10_000) return { ok: false, reason: 'the page number on the card is not valid' };
  return { ok: true, value };
}

export function parseCheckScope(value: unknown): Parsed<CheckScope> {
  if (value === undefined || value === 'all') return { ok: true, value: 'all' };
  const scope = typeof value === 'string' ? [...AREAS, ...CATEGORIES].find((known) => known === value) : undefined;
  return scope !== undefined ? { ok: true, value: scope } : { ok: false, reason: 'the card asked for checks I do not know' };
}

/** The findings-list page a card came from, when it names one (a card opened from the list leads back to it). */
export function parseOptionalPage(data: Readonly<Record<string, unknown>>): Parsed<number | undefined> {
  return data.page === undefined ? { ok: true, value: undefined } : parsePage(data);
}

/** What a summary's action covered (`check` or `checkIds`), so that Re-scan and Back keep to the same part. */
export function parseReportScope(data: Readonly<Record<string, unknown>>): Parsed<ReportScope> {
  const ids = data.checkIds;
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 20) return { ok: false, reason: 'the card names too many or too few checks' };
    const checkIds: string[] = [];
    for (const id of ids) {
      const parsed = parseCheckId({ checkId: id });
      if (!parsed.ok) return parsed;
      checkIds.push(parsed.value);
    }
    return { ok: true, value: { kind: 'checks', checkIds } };
  }
  const scope = parseCheckScope(data.check);
  if (!scope.ok) return scope;
  return { ok: true, value: scopeOf(scope.value) };
}

/** A check scope as the scan service's selection (and a report's scope). */
export function scopeOf(scope: CheckScope): ReportScope & ScanSelection {
  if (scope === 'all') return { kind: 'all' };
  return areaOrCategory(scope);
}
