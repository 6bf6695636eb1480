/**
 * The default AreaFindings: the catalog's checks of one area or category (the same registry and runner as
 * scans), so that exercises 10 and 11 give the advice a scan of that area would.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import { checksFor } from '../checks/registry';
import { runChecks } from '../checks/runner';
import { areaOrCategory, type Area, type Category, type Finding } from '../checks/types';

export function catalogFindings(snapshot: WorkspaceSnapshot, scope: Area | Category): readonly Finding[] {
  return runChecks(snapshot, checksFor(areaOrCategory(scope)));
}
