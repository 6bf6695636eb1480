/**
 * The push-path setup a watched workspace needs, derived from its id and its linked resources: the Event Grid
 * subject prefixes (the resource groups of the workspace and of its linked resources, and the subscription-level
 * providers whose settings its checks read — role and policy assignments, Defender plans), and the deployment of
 * infra/change-events.bicep that creates the topic, the filtered event subscription, the queues and the roles.
 */
import { CHANGE_EVENT_TYPES } from './queue-messages';
import { poisonQueueName } from './event-queues';

export const CHANGE_EVENTS_TEMPLATE = 'infra/change-events.bicep';
/** Subscription-level providers a workspace's checks read above it. */
const SUBSCRIPTION_PROVIDERS = ['Microsoft.Authorization', 'Microsoft.Security'] as const;

export interface EventSetupPlan {
  readonly workspaceId: string;
  readonly subscriptionId: string;
  /** Each ends in `/` so that `rg-ml` does not also match `rg-ml2`. */
  readonly subjectPrefixes: readonly string[];
  /** Subscriptions of linked resources elsewhere: each needs its own deployment for their changes to arrive. */
  readonly otherSubscriptions: readonly string[];
  readonly queueName: string;
  readonly poisonQueueName: string;
  readonly eventTypes: readonly string[];
}

const GROUP = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i;

export function planEventSetup(workspaceId: string, linkedResourceIds: readonly (string | undefined)[], queueName: string): EventSetupPlan {
  const own = GROUP.exec(workspaceId);
  if (own === null) throw new Error(`${workspaceId} is not a workspace id.`);
  const subscriptionId = own[1] ?? '';
  const groups = new Map<string, string>();
  const otherSubscriptions = new Set<string>();
  for (const id of [workspaceId, ...linkedResourceIds]) {
    const match = id === undefined ? null : GROUP.exec(id);
    if (match === null) continue;
    if (match[1]?.toLowerCase() !== subscriptionId.toLowerCase()) {
      otherSubscriptions.add(match[1] ?? '');
      continue;
    }
    const prefix = `/subscriptions/${subscriptionId}/resourceGroups/${match[2] ?? ''}/`;
    if (!groups.has(prefix.toLowerCase())) groups.set(prefix.toLowerCase(), prefix);
  }
  return {
    workspaceId,
    subscriptionId,
    subjectPrefixes: [...groups.values(), ...SUBSCRIPTION_PROVIDERS.map((p) => `/subscriptions/${subscriptionId}/providers/${p}/`)],
    otherSubscriptions: [...otherSubscriptions],
    queueName,
    poisonQueueName: poisonQueueName(queueName),
    eventTypes: CHANGE_EVENT_TYPES,
  };
}

/** Is every subject under `required` delivered by a filter with these prefixes (none: everything is)? */
export function prefixesCover(configured: readonly string[], required: string): boolean {
  return configured.length === 0 || configured.some((c) => required.toLowerCase().startsWith(c.toLowerCase()));
}

/** The `az deployment group create` line for the plan (placeholders in angle brackets). */
export function deploymentCommand(plan: EventSetupPlan): string {
  const prefixes = JSON.stringify(plan.subjectPrefixes);
  return [
    `az deployment group create --subscription ${plan.subscriptionId} --resource-group <resource group for the queue> \\`,
    `  --template-file ${CHANGE_EVENTS_TEMPLATE} \\`,
    `  --parameters subjectPrefixes='${prefixes}' botPrincipalId=<object id of the bot's managed identity> queueName=${plan.queueName}`,
  ].join('\n');
}
