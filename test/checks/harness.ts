/** Small assertions shared by the check tests of network security, identity management and privileged access. */
import type { CheckDefinition, CheckResult, Status } from '../../src/checks/types';
import type { WorkspaceSnapshot } from '../../src/azure/snapshot';

export function run(check: CheckDefinition, snapshot: WorkspaceSnapshot): readonly CheckResult[] {
  const results = check.evaluate(snapshot);
  expect(results.length).toBeGreaterThan(0);
  return results;
}

export function statuses(results: readonly CheckResult[]): Status[] {
  return results.map((r) => r.status);
}

/** The single result for a resource id (fails the test if there is not exactly one). */
export function resultFor(results: readonly CheckResult[], resourceId: string): CheckResult {
  const matching = results.filter((r) => r.resourceId === resourceId);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

/** Asserts an evidence row exists for the property with the given actual value. */
export function expectEvidence(result: CheckResult, property: string, actual: string): void {
  expect(result.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ property, actual })]));
}
