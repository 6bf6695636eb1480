/** JSON values as the sample ARM server stores and serves them. */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge for `patch`: objects merge key by key, everything else (arrays included) is replaced. */
export function deepMerge(base: JsonObject, patch: JsonObject): JsonObject {
  const out: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isJsonObject(current) && isJsonObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** A private copy, so that a caller's later edits never change what the server serves. */
export function cloneJson<T extends Json>(value: T): T {
  return structuredClone(value);
}
