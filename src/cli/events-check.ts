/**
 * `guardian events` checks the push path as it is in Azure, read by read: the subscription's system topic for
 * resource changes, an event subscription on it that delivers the three change event types under every subject
 * prefix the plan needs to the bot's queue, and (given the storage account) the queue and its poison queue.
 * Each line says what is missing; a read the identity may not make says which permission it lacks.
 */
import { readEventSubscriptions, readQueueExists, readSystemTopics, SUBSCRIPTION_TOPIC_TYPE, type EventSubscriptionSetup, type SetupRead } from '../azure/event-setup';
import type { RawArm } from '../azure/raw';
import { CHANGE_EVENTS_TEMPLATE, prefixesCover, type EventSetupPlan } from '../events/setup-plan';

export interface SetupCheck {
  readonly item: string;
  readonly ok: boolean;
  readonly detail: string;
}

const same = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase();
const deploy = `deploy ${CHANGE_EVENTS_TEMPLATE}`;

function unreadable(item: string, read: Exclude<SetupRead<unknown>, { kind: 'ok' }>): SetupCheck {
  return { item, ok: false, detail: read.kind === 'forbidden' ? `cannot check: this identity needs ${read.permission}` : 'not found' };
}

/** What an event subscription lacks for the plan: event types not delivered and prefixes not covered. */
function gaps(subscription: EventSubscriptionSetup, plan: EventSetupPlan): string[] {
  const types = subscription.includedEventTypes;
  const missingTypes = types.length === 0 ? [] : plan.eventTypes.filter((t) => !types.some((i) => same(i, t)));
  const uncovered = plan.subjectPrefixes.filter((p) => !prefixesCover(subscription.subjectPrefixes, p));
  const suffix = subscription.subjectSuffix === undefined ? [] : [`only subjects ending in "${subscription.subjectSuffix}" are delivered`];
  return [...missingTypes.map((t) => `event type ${t} not included`), ...uncovered.map((p) => `subjects under ${p} not delivered`), ...suffix];
}

export async function checkEventSetup(raw: RawArm, plan: EventSetupPlan, queueAccountId: string | undefined, signal: AbortSignal): Promise<SetupCheck[]> {
  const checks: SetupCheck[] = [];
  const topicItem = `system topic for the resource changes of subscription ${plan.subscriptionId}`;
  const topics = await readSystemTopics(raw, plan.subscriptionId, signal);
  if (topics.kind !== 'ok') return [unreadable(topicItem, topics)];
  const topic = topics.value.find((t) => same(t.topicType, SUBSCRIPTION_TOPIC_TYPE) && same(t.source, `/subscriptions/${plan.subscriptionId}`));
  if (topic === undefined) return [{ item: topicItem, ok: false, detail: `none (${deploy})` }];
  checks.push({ item: topicItem, ok: true, detail: topic.id });

  const subscriptionItem = `event subscription delivering changes to queue ${plan.queueName}`;
  const subscriptions = await readEventSubscriptions(raw, topic.id, signal);
  if (subscriptions.kind !== 'ok') return [...checks, unreadable(subscriptionItem, subscriptions)];
  const toQueue = subscriptions.value.filter(
    (s) => same(s.endpointType, 'StorageQueue') && same(s.queueName, plan.queueName) && (queueAccountId === undefined || same(s.queueAccountId, queueAccountId)),
  );
  const best = toQueue.map((s) => ({ s, gaps: gaps(s, plan) })).sort((a, b) => a.gaps.length - b.gaps.length)[0];
  if (best === undefined) checks.push({ item: subscriptionItem, ok: false, detail: `none on ${topic.id} (${deploy})` });
  else checks.push({ item: subscriptionItem, ok: best.gaps.length === 0, detail: best.gaps.length === 0 ? best.s.id : `${best.s.id}: ${best.gaps.join('; ')}` });

  if (queueAccountId !== undefined) {
    for (const name of [plan.queueName, plan.poisonQueueName]) {
      const item = `queue ${name} in ${queueAccountId}`;
      const read = await readQueueExists(raw, queueAccountId, name, signal);
      checks.push(read.kind === 'ok' ? { item, ok: true, detail: 'exists' } : read.kind === 'not_found' ? { item, ok: false, detail: `missing (${deploy})` } : unreadable(item, read));
    }
  }
  return checks;
}
