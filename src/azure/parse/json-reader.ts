/**
 * Typed reads from untyped ARM JSON. Raw payloads (read at pinned api-versions) enter the program as `unknown`
 * and leave these helpers as strings, booleans, numbers or nested readers: no `any` crosses the edge.
 * ARM is loose about case in property names of some providers (App Insights `DisableLocalAuth`), so lookups
 * fall back to a case-insensitive match.
 */
import { isRecord } from '../../shared/is-record';

export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

export type JsonRecord = Readonly<Record<string, unknown>>;

export { isRecord };

/**
 * Sees every key a parser asks a response body for, whether the body has it or not: `what` names the response
 * (`GET /subscriptions/…`), `path` leads from the body's root (`*` is any array item, `{}` any map value). The
 * contract tests install one to prove each read against the Azure REST API spec; the product never does.
 */
export type ReadRecorder = (what: string, path: readonly string[]) => void;

let recorder: ReadRecorder | undefined;

/** Installs (or, with undefined, removes) the recorder for bodies parsed from now on. */
export function recordReads(next: ReadRecorder | undefined): void {
  recorder = next;
}

interface ReadTrace {
  readonly what: string;
  readonly path: readonly string[];
  readonly record: ReadRecorder;
}

/** A view over one JSON object. */
export class JsonReader {
  constructor(
    private readonly value: JsonRecord,
    private readonly trace?: ReadTrace,
  ) {}

  static of(value: unknown, what: string): JsonReader {
    if (!isRecord(value)) throw new PayloadError(`${what} is not a JSON object`);
    return new JsonReader(value);
  }

  /** Raw value of a key (exact match first, then case-insensitive). */
  raw(key: string): unknown {
    this.trace?.record(this.trace.what, [...this.trace.path, key]);
    if (key in this.value) return this.value[key];
    const lower = key.toLowerCase();
    for (const [k, v] of Object.entries(this.value)) if (k.toLowerCase() === lower) return v;
    return undefined;
  }

  str(key: string): string | undefined {
    const v = this.raw(key);
    return typeof v === 'string' ? v : undefined;
  }

  /** A string that must be there (ids, names). */
  need(key: string, what: string): string {
    const v = this.str(key);
    if (v === undefined) throw new PayloadError(`${what} has no "${key}"`);
    return v;
  }

  /** Booleans, also from the "True"/"False" strings some APIs send. */
  bool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
    return undefined;
  }

  num(key: string): number | undefined {
    const v = this.raw(key);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }

  /** A nested object; an empty reader when absent, so chains stay simple. */
  obj(key: string): JsonReader {
    const v = this.raw(key);
    return new JsonReader(isRecord(v) ? v : {}, this.below(key));
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined && this.raw(key) !== null;
  }

  /** Array items that are objects. */
  list(key: string): JsonReader[] {
    const v = this.raw(key);
    return Array.isArray(v) ? v.filter(isRecord).map((item) => new JsonReader(item, this.below(key, '*'))) : [];
  }

  /** Array items that are strings. */
  strings(key: string): string[] {
    const v = this.raw(key);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  }

  /** Object entries (for maps such as `userAssignedIdentities`). */
  entries(key: string): [string, JsonReader][] {
    const v = this.raw(key);
    if (!isRecord(v)) return [];
    return Object.entries(v).map(([k, item]) => [k, new JsonReader(isRecord(item) ? item : {}, this.below(key, '{}'))]);
  }

  /** String values of a flat object (tags). */
  stringMap(key: string): Record<string, string> {
    const v = this.raw(key);
    const out: Record<string, string> = {};
    if (isRecord(v)) for (const [k, item] of Object.entries(v)) if (typeof item === 'string') out[k] = item;
    return out;
  }

  private below(...segments: string[]): ReadTrace | undefined {
    return this.trace === undefined ? undefined : { ...this.trace, path: [...this.trace.path, ...segments] };
  }

  /** The whole object, for values passed through as data (policy parameters). */
  record(): JsonRecord {
    return this.value;
  }
}

/** Parses a response body; throws PayloadError on anything but a JSON object. */
export function parseJsonBody(text: string | undefined, what: string): JsonReader {
  if (text === undefined || text === '') throw new PayloadError(`${what}: empty response body`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PayloadError(`${what}: the response is not JSON`);
  }
  if (!isRecord(parsed)) throw new PayloadError(`${what} is not a JSON object`);
  return new JsonReader(parsed, recorder === undefined ? undefined : { what, path: [], record: recorder });
}

/** Empty strings in ARM mean "not set". */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
