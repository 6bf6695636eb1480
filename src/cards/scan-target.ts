/**
 * What a card needs to act on a scan again: the workspace id the report is about, and the target to hand the
 * scan service (the same id, or `sample` / `sample:<name>` for the sample environment).
 */
export interface ScanTarget {
  readonly workspaceId: string;
  readonly target: string;
}
