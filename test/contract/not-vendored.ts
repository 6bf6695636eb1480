/**
 * Operations the product calls whose spec is not in test/fixtures/arm-specs yet, each with why. The conformance
 * test fails on any response it cannot place: either in a vendored spec, or here. Remove a row when its spec is
 * vendored (the test then validates those bodies too).
 */
export interface NotVendored {
  readonly method: 'GET' | 'POST';
  /** Matches the request path (case-insensitive). */
  readonly path: RegExp;
  readonly apiVersion: string;
  readonly operation: string;
  readonly why: string;
}

/** Empty: every operation the product calls has its (reduced) spec in test/fixtures/arm-specs. */
export const NOT_VENDORED: readonly NotVendored[] = [];

export function notVendored(method: string, path: string, apiVersion: string | undefined): NotVendored | undefined {
  return NOT_VENDORED.find((n) => n.method === method && n.apiVersion === apiVersion && n.path.test(path));
}
