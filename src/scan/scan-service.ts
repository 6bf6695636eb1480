/**
 * What the bot, the CLI, notifications and the lab ask of a scan. Implemented over the collectors and the
 * check runner; dialogs see only this interface.
 */
import type { Area, Category, ScanReport } from '../checks/types';

/** Which checks to run: all, one of the named areas, one category, or explicit check ids (re-check from a card). */
export type ScanSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'area'; readonly area: Area }
  | { readonly kind: 'category'; readonly category: Category }
  | { readonly kind: 'checks'; readonly checkIds: readonly string[] };

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

export interface WorkspaceRef {
  readonly id: string;
  readonly name: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
  readonly location: string;
}

/** A name that matched several workspaces, or none: the caller asks the user to choose. */
export type Resolution =
  | { readonly kind: 'found'; readonly workspace: WorkspaceRef }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly WorkspaceRef[] }
  | { readonly kind: 'not_found'; readonly message: string };

export class ScanError extends Error {
  override readonly name = 'ScanError';
  constructor(
    /** `usage` (bad target), `auth` (no credential / no login), `not_found`, `forbidden`, `timeout`. */
    readonly kind: 'usage' | 'auth' | 'not_found' | 'forbidden' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

export interface ScanService {
  /** Resolves then scans. Throws ScanError for a target it cannot scan; failed reads become `error` findings. */
  scan(request: ScanRequest): Promise<ScanReport>;
  resolve(target: string, signal?: AbortSignal): Promise<Resolution>;
  /** Workspaces the identity can see (for "which workspace?" prompts). */
  listWorkspaces(signal?: AbortSignal): Promise<readonly WorkspaceRef[]>;
}
