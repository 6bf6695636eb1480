/**
 * The default AreaFindings: the catalog's checks of one area (the same registry and runner as scans), so that
 * exercises 10 and 11 give the advice a scan of that area would.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import { checksFor } from '../checks/registry';
import { runChecks } from '../checks/runner';
import type { Area, Finding } from '../checks/types';

export function catalogFindings(snapshot: WorkspaceSnapshot, area: Area): readonly Finding[] {
  return runChecks(snapshot, checksFor({ kind: 'area', area }));
}
