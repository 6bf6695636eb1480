/**
 * Small helpers every check uses, so that checks read as their rule and nothing else.
 */
import type { CheckDefinition, CheckResult, Evidence } from './types';
import type { Collected, Linked, ReadError } from '../azure/snapshot';

export function defineCheck(definition: CheckDefinition): CheckDefinition {
  return Object.freeze(definition);
}

export function pass(resourceId: string, message: string, evidence: readonly Evidence[] = []): CheckResult {
  return { status: 'pass', resourceId, message, evidence };
}

export function fail(resourceId: string, message: string, evidence: readonly Evidence[] = []): CheckResult {
  return { status: 'fail', resourceId, message, evidence };
}

export function notApplicable(resourceId: string, message: string): CheckResult {
  return { status: 'not_applicable', resourceId, message, evidence: [] };
}

export function manual(resourceId: string, message: string): CheckResult {
  return { status: 'manual', resourceId, message, evidence: [] };
}

/** A read that failed makes the check `error`, naming what was missing — never `pass`, never silence. */
export function notAssessed(error: ReadError): CheckResult {
  // Only checks that do not need a skipped read run, so this is a safety net, not a normal outcome.
  if (error.kind === 'skipped') return { status: 'error', resourceId: error.resourceId, message: `Not assessed: ${error.message} Run a full scan to assess it.`, evidence: [] };
  // Only a refusal is fixed by a permission; a throttle, an outage or a network failure says its own cause.
  const needs = error.kind === 'forbidden' && error.requiredAction !== undefined ? ` (needs ${error.requiredAction} on ${error.resourceId})` : '';
  return { status: 'error', resourceId: error.resourceId, message: `Not assessed: ${error.message}${needs}`, evidence: [] };
}

/** Evidence for one property; `undefined` reads as "not set" so that absence is visible. */
export function evidence(property: string, actual: unknown, expected: string): Evidence {
  return { property, actual: show(actual), expected };
}

export function show(value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  if (typeof value === 'string') return value === '' ? 'empty' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Runs `evaluate` over the values of several reads, or returns the errors of those that failed.
 * Each failed read gives one `error` result.
 */
export function withReads<A>(a: Collected<A>, fn: (a: A) => readonly CheckResult[]): readonly CheckResult[];
export function withReads<A, B>(a: Collected<A>, b: Collected<B>, fn: (a: A, b: B) => readonly CheckResult[]): readonly CheckResult[];
export function withReads<A, B, C>(
  a: Collected<A>,
  b: Collected<B>,
  c: Collected<C>,
  fn: (a: A, b: B, c: C) => readonly CheckResult[],
): readonly CheckResult[];
export function withReads(...args: unknown[]): readonly CheckResult[] {
  const fn = args[args.length - 1] as (...values: unknown[]) => readonly CheckResult[];
  const reads = args.slice(0, -1) as Collected<unknown>[];
  const errors = reads.flatMap((r) => (r.ok ? [] : [notAssessed(r.error)]));
  if (errors.length > 0) return errors;
  return fn(...reads.flatMap((r) => (r.ok ? [r.value] : [])));
}

/** For a linked resource: error if the read failed, not_applicable if the workspace links none. */
export function withLinked<T>(
  linked: Linked<T>,
  whenNone: () => CheckResult,
  fn: (value: T) => readonly CheckResult[],
): readonly CheckResult[] {
  if (!linked.ok) return [notAssessed(linked.error)];
  if (linked.value === null) return [whenNone()];
  return fn(linked.value);
}

/** Case-insensitive string equality, for ARM enums that vary in case (`Disabled`/`disabled`). */
export function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
