/**
 * The Defender for Cloud settings of one subscription, without a workspace: its plans (pricings at 2024-01-01,
 * with sub-plans and extensions), its security connectors and its open recommendations. The same reads, targets
 * and error mapping as a workspace scan (reads.ts, errors.ts), three of them at once under one deadline.
 */
import type { ArmClients } from './clients';
import { createLimiter } from './limiter';
import { createReadRunner } from './read-runner';
import { collectionSignal } from './scan-signal';
import * as reads from './reads';
import type { Collected, DefenderPlan, SecurityAssessment, SecurityConnector } from './snapshot';

export interface SubscriptionDefenderSnapshot {
  /** When the collection started (ISO-8601). */
  readonly collectedAt: string;
  /** `/subscriptions/<guid>` */
  readonly subscriptionScope: string;
  readonly defenderPlans: Collected<readonly DefenderPlan[]>;
  readonly securityConnectors: Collected<readonly SecurityConnector[]>;
  /** Every recommendation Defender for Cloud lists in the subscription (healthy ones included). */
  readonly assessments: Collected<readonly SecurityAssessment[]>;
}

export interface SubscriptionCollectOptions {
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a subscription GUID (the only thing interpolated into the ARM paths below). */
export function isSubscriptionGuid(text: string): boolean {
  return GUID.test(text.trim());
}

export async function collectSubscriptionDefender(clients: ArmClients, subscriptionId: string, options: SubscriptionCollectOptions): Promise<SubscriptionDefenderSnapshot> {
  if (!isSubscriptionGuid(subscriptionId)) throw new RangeError(`"${subscriptionId.slice(0, 60)}" is not a subscription id`);
  const collectedAt = (options.now?.() ?? new Date()).toISOString();
  const scope = `/subscriptions/${subscriptionId.trim().toLowerCase()}`;
  const { signal, deadline } = collectionSignal(options);
  const run = createReadRunner({ limit: createLimiter(options.concurrency), signal, deadline, timeoutMs: options.timeoutMs });

  const [defenderPlans, securityConnectors, assessments] = await Promise.all([
    run(reads.pricingsTarget(scope), (s) => reads.readDefenderPlans(clients, scope, s)),
    run(reads.connectorsTarget(scope), (s) => reads.readSecurityConnectors(clients, scope, s)),
    run(reads.assessmentsTarget(scope), (s) => reads.readAssessments(clients, scope, s)),
  ]);
  return { collectedAt, subscriptionScope: scope, defenderPlans, securityConnectors, assessments };
}
