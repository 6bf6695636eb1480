/**
 * What reports and cards need to know about a check beyond the finding itself (why it matters, MCSB ids, the
 * rule text for SARIF). A `CheckDefinition` from the registry satisfies it; tests pass their own.
 */
import type { CheckDefinition } from '../checks/types';

export type CheckInfo = Pick<
  CheckDefinition,
  'id' | 'title' | 'category' | 'severity' | 'risk' | 'mcsb' | 'remediation' | 'workshopQuestions' | 'resourceType' | 'areas'
> &
  Partial<Pick<CheckDefinition, 'policyDefinitionId' | 'since' | 'slug'>>;

/** Finds a check by id; undefined for an id the catalog does not know (a stale card, a forged action). */
export type CheckLookup = (checkId: string) => CheckInfo | undefined;

export function lookupFrom(checks: readonly CheckInfo[]): CheckLookup {
  const byId = new Map(checks.map((c) => [c.id, c] as const));
  return (checkId) => byId.get(checkId);
}
