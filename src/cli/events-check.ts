/**
 * `guardian events` checks the push path as it is in Azure, read by read: the subscription's system topic for
 * resource changes, an event subscription on it that delivers the three change event types under every subject
 * prefix the plan needs to the bot's queue, and (given the storage account) the queue and its poison queue.
 * Each line says what is missing; a read the identity may not make is "cannot check" (not missing), naming the
 * permission and the role that has it.
 */
import { readEventSubscriptions, readQueueExists, readSystemTopics, SUBSCRIPTION_TOPIC_TYPE, type EventSubscriptionSetup, type SetupRead } from '../azure/event-setup';
import type { RawArm } from '../azure/raw';
import { CHANGE_EVENTS_TEMPLATE, prefixesCover, type EventSetupPlan } from '../events/setup-plan';

/** `cannot check`: the identity may not read it, so whether it exists is unknown (not the same as missing). */
export type SetupState = 'ok' | 'missing' | 'cannot check';

export interface SetupCheck {
  readonly item: string;
  readonly state: SetupState;
  /** `state` is `ok` (kept for JSON readers of earlier versions). */
  readonly ok: boolean;
  readonly detail: string;
}

const same = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase();
const deploy = `deploy ${CHANGE_EVENTS_TEMPLATE}`;

function setupCheck(item: string, state: SetupState, detail: string): SetupCheck {
  return { item, state, ok: state === 'ok', detail };
}

/** A read refused or not found. Every read here is a plain read action, which the Reader role on `scope` grants. */
function unreadable(item: string, read: Exclude<SetupRead<unknown>, { kind: 'ok' }>, scope: string): SetupCheck {
  if (read.kind === 'forbidden') return setupCheck(item, 'cannot check', `this identity needs ${read.permission} (the Reader role on ${scope} has it)`);
  return setupCheck(item, 'missing', 'not found');
}

/** What an event subscription lacks for the plan: event types not delivered and prefixes not covered. */
function gaps(subscription: EventSubscriptionSetup, plan: EventSetupPlan): string[] {
  const types = subscription.includedEventTypes;
  const missingTypes = types.length === 0 ? [] : plan.eventTypes.filter((t) => !types.some((i) => same(i, t)));
  const uncovered = plan.subjectPrefixes.filter((p) => !prefixesCover(subscription.subjectPrefixes, p));
  const suffix = subscription.subjectSuffix === undefined ? [] : [`only subjects ending in "${subscription.subjectSuffix}" are delivered`];
  return [...missingTypes.map((t) => `event type ${t} not included`), ...uncovered.map((p) => `subjects under ${p} not delivered`), ...suffix];
}

/** The subscription's resource-change topic and the event subscription on it that feeds the bot's queue. */
async function checkTopic(raw: RawArm, plan: EventSetupPlan, queueAccountId: string | undefined, signal: AbortSignal): Promise<SetupCheck[]> {
  const subscriptionScope = `subscription ${plan.subscriptionId}`;
  const topicItem = `system topic for the resource changes of subscription ${plan.subscriptionId}`;
  const topics = await readSystemTopics(raw, plan.subscriptionId, signal);
  if (topics.kind !== 'ok') return [unreadable(topicItem, topics, subscriptionScope)];
  const topic = topics.value.find((t) => same(t.topicType, SUBSCRIPTION_TOPIC_TYPE) && same(t.source, `/subscriptions/${plan.subscriptionId}`));
  if (topic === undefined) return [setupCheck(topicItem, 'missing', `none (${deploy})`)];
  const found = setupCheck(topicItem, 'ok', topic.id);

  const subscriptionItem = `event subscription delivering changes to queue ${plan.queueName}`;
  const subscriptions = await readEventSubscriptions(raw, topic.id, signal);
  if (subscriptions.kind !== 'ok') return [found, unreadable(subscriptionItem, subscriptions, subscriptionScope)];
  const toQueue = subscriptions.value.filter(
    (s) => same(s.endpointType, 'StorageQueue') && same(s.queueName, plan.queueName) && (queueAccountId === undefined || same(s.queueAccountId, queueAccountId)),
  );
  const best = toQueue.map((s) => ({ s, gaps: gaps(s, plan) })).sort((a, b) => a.gaps.length - b.gaps.length)[0];
  if (best === undefined) return [found, setupCheck(subscriptionItem, 'missing', `none on ${topic.id} (${deploy})`)];
  return [found, setupCheck(subscriptionItem, best.gaps.length === 0 ? 'ok' : 'missing', best.gaps.length === 0 ? best.s.id : `${best.s.id}: ${best.gaps.join('; ')}`)];
}

/** The queue and its poison queue: checked whatever the topic's state, so one run names everything to fix. */
async function checkQueues(raw: RawArm, plan: EventSetupPlan, queueAccountId: string, signal: AbortSignal): Promise<SetupCheck[]> {
  const checks: SetupCheck[] = [];
  for (const name of [plan.queueName, plan.poisonQueueName]) {
    const item = `queue ${name} in ${queueAccountId}`;
    const read = await readQueueExists(raw, queueAccountId, name, signal);
    checks.push(read.kind === 'ok' ? setupCheck(item, 'ok', 'exists') : read.kind === 'not_found' ? setupCheck(item, 'missing', `missing (${deploy})`) : unreadable(item, read, `storage account ${queueAccountId}`));
  }
  return checks;
}

export async function checkEventSetup(raw: RawArm, plan: EventSetupPlan, queueAccountId: string | undefined, signal: AbortSignal): Promise<SetupCheck[]> {
  const topic = await checkTopic(raw, plan, queueAccountId, signal);
  return queueAccountId === undefined ? topic : [...topic, ...(await checkQueues(raw, plan, queueAccountId, signal))];
}
