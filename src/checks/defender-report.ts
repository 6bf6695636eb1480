/**
 * The Defender status of one subscription, as the scan service reports it and cards show it. Declared with the
 * checks (it is their findings and verdicts) so that the cards need nothing from the scan service.
 */
import type { Finding, Status } from './types';

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
  /**
   * When the baseline asks for the plan only where a workspace uses what it protects ("needed for attached VMs"):
   * a subscription alone cannot say whether it is needed, so it is shown apart and left out of the headline count.
   */
  readonly condition?: string;
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
