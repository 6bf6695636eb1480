/**
 * What the bot, the CLI, notifications and the lab ask of a scan. Implemented over the collectors and the
 * check runner; dialogs see only this interface.
 */
import type { DefenderStatusReport } from '../checks/defender-report';
import type { ScanSelection } from '../checks/selection';
import type { ScanReport } from '../checks/types';
import type { Resolution, WorkspaceRef } from '../shared/workspace';

// Declared below the scan service (the check registry selects by it; the collectors resolve names), used through it.
export type { ScanSelection } from '../checks/selection';
export type { DefenderPlanStatus, DefenderStatusReport } from '../checks/defender-report';
export type { Resolution, WorkspaceRef } from '../shared/workspace';

export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  /** Short label of the read that just finished, e.g. "role assignments". */
  readonly label: string;
}

export interface ScanRequest {
  /** A full workspace resource id, a workspace name, or `sample` / `sample:<name>` for the sample environment. */
  readonly target: string;
  readonly selection: ScanSelection;
  readonly onProgress?: (progress: ScanProgress) => void;
  readonly signal?: AbortSignal;
}

export type ScanErrorKind = 'usage' | 'auth' | 'not_found' | 'forbidden' | 'timeout' | 'unavailable';

export class ScanError extends Error {
  override readonly name = 'ScanError';
  constructor(
    /**
     * `usage` (bad target), `auth` (no credential / no login), `not_found`, `forbidden`, `timeout`, `unavailable`
     * (Azure throttled, failed or could not be reached while reading what everything else depends on).
     */
    readonly kind: ScanErrorKind,
    message: string,
    /** For whoever runs the bot (a setting to change): the CLI prints it, chat does not (a Teams user cannot act on it). */
    readonly operatorHint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}


export interface ScanService {
  /** Resolves then scans. Throws ScanError for a target it cannot scan; failed reads become `error` findings. */
  scan(request: ScanRequest): Promise<ScanReport>;
  resolve(target: string, signal?: AbortSignal): Promise<Resolution>;
  /** Workspaces the identity can see (for "which workspace?" prompts). */
  listWorkspaces(signal?: AbortSignal): Promise<readonly WorkspaceRef[]>;
  /**
   * The Defender for Cloud plans, connectors and open recommendations of one subscription (a GUID), evaluated by
   * the subscription-level Defender checks. Throws ScanError like `scan`. Optional: services that cannot answer
   * (test fakes, the CLI's single-workspace services) leave it out and callers say so.
   */
  defenderStatus?(subscriptionId: string, signal?: AbortSignal): Promise<DefenderStatusReport>;
}
