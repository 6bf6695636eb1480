/**
 * What the bot, the CLI, notifications and the lab ask of a scan. Implemented over the collectors and the
 * check runner; dialogs see only this interface.
 */
import type { Area, Category, Finding, ScanReport, Status } from '../checks/types';

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
    /** For whoever runs the bot (a setting to change): the CLI prints it, chat does not (a Teams user cannot act on it). */
    readonly operatorHint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** One Defender for Cloud plan as a subscription has it, with the verdict of the check that asks for it. */
export interface DefenderPlanStatus {
  /** The pricing name: `CloudPosture`, `AI`, `StorageAccounts`, … */
  readonly plan: string;
  /** The check that asks for it (AML-LT-006 …) and its title. */
  readonly checkId: string;
  readonly title: string;
  /** `Free` | `Standard`; undefined when the plan is missing from the subscription's pricings (or could not be read). */
  readonly tier: string | undefined;
  readonly subPlan: string | undefined;
  readonly extensions: readonly { readonly name: string; readonly isEnabled: boolean }[];
  /** Worst status of the check's results (plan and required extensions). */
  readonly status: Status;
  /** The check's sentence for the worst result. */
  readonly message: string;
  /** The `az security pricing create …` fix, when the plan does not pass. */
  readonly fix: string | undefined;
}

/** "Defender status for subscription <id>": the subscription-level Defender checks over the subscription alone. */
export interface DefenderStatusReport {
  /** `/subscriptions/<guid>` */
  readonly subscription: string;
  readonly scannedAt: string;
  readonly checkSetVersion: string;
  /** Every result of the subscription-level Defender checks (AML-LT-005…010, 012, 013). */
  readonly findings: readonly Finding[];
  /** The Defender plans those checks ask for, in check order. */
  readonly plans: readonly DefenderPlanStatus[];
  /** Open (Unhealthy) Defender recommendations in the subscription, most severe first; or why they could not be read. */
  readonly openRecommendations:
    | { readonly ok: true; readonly count: number; readonly top: readonly { readonly displayName: string; readonly severity: string | undefined; readonly resourceId: string }[] }
    | { readonly ok: false; readonly message: string };
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
