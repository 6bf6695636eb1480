import type { CheckResult } from '../../../src/checks/types';

/** The one result a check returns for a single resource; fails the test when there is not exactly one. */
export function single(results: readonly CheckResult[]): CheckResult {
  expect(results).toHaveLength(1);
  return results[0]!;
}

/** The evidence value for a property. */
export function actual(result: CheckResult, property: string): string | undefined {
  return result.evidence.find((e) => e.property === property)?.actual;
}
