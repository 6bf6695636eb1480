/**
 * The default AreaFindings: the catalog's checks of one area or category (the same registry and runner as
 * scans), so that exercises 10 and 11 give the advice a scan of that area would.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import { checksFor } from '../checks/registry';
import { runChecks } from '../checks/runner';
import { AREAS, type Area, type Category, type Finding } from '../checks/types';

export function catalogFindings(snapshot: WorkspaceSnapshot, scope: Area | Category): readonly Finding[] {
  const isArea = (AREAS as readonly string[]).includes(scope);
  return runChecks(snapshot, checksFor(isArea ? { kind: 'area', area: scope as Area } : { kind: 'category', category: scope as Category }));
}
