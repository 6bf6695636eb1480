/**
 * The one test that turns parsed JSON (or any `unknown`) into an object whose fields can be read, each still
 * `unknown`: the narrowing that replaces a cast such as `(body as { type?: unknown }).type`.
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
