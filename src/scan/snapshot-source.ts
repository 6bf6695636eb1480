/**
 * Raw snapshots for features that reason about the workspace beyond check results (the lab's validations).
 * Implemented over the same resolution and collectors as scans.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import type { Resolution } from './scan-service';

export interface SnapshotSource {
  /** Resolves the target like ScanService.resolve; when found, collects its snapshot. */
  snapshot(target: string, signal?: AbortSignal): Promise<{ readonly resolution: Resolution; readonly snapshot?: WorkspaceSnapshot }>;
}
