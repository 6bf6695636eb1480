/**
 * Cards of the watch conversation: the confirmation after "watch …" and the list for "watches". Workspace
 * names and schedules come from users and Azure: escaped.
 */
import { executeButton } from '../cards/actions';
import { markdownText, plainText } from '../cards/escape';
import type { BaselineOutcome } from '../notifications/baseline';
import { describeSchedule } from '../notifications/schedule';
import type { Subscription } from '../notifications/subscriptions';
import type { AdaptiveCard } from './port';
import { WATCH_ACTIONS } from '../routing/actions/watch';

function card(body: Record<string, unknown>[], actions: Readonly<Record<string, unknown>>[], fallbackText: string): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', fallbackText: plainText(fallbackText), body, actions };
}

/** Where the schedule's times are, and how to change it: said on the confirmation because "08:00" alone is ambiguous. */
export function timeZoneNote(timezone: string, userTimeZone: string | undefined, target: string): string {
  if (timezone === userTimeZone) return `Times are in ${timezone}, your time zone in Teams.`;
  if (timezone === 'UTC') return `Times are in UTC. For another time zone, name it last: "watch ${target} daily at 08:00 Europe/Berlin".`;
  return `Times are in ${timezone}.`;
}

/** What the baseline is, as the confirmation says it: taken now (its counts), kept from before, or still to come. */
export function baselineNote(baseline: BaselineOutcome): string {
  switch (baseline.kind) {
    case 'taken':
      return `Baseline taken now: ${baseline.report.summary.fail} failing, ${baseline.report.summary.error} not assessed. Its findings follow here within a minute; from now on I post when findings change.`;
    case 'kept':
      return 'The baseline stays as it was: I post here only when findings change.';
    case 'pending':
      return `I could not take the baseline just now (${baseline.reason}). I try again within a minute and post it here; after that I post only when findings change.`;
  }
}

/**
 * After "watch …": what is watched (the full resource id, wrapped, never clipped), when and in which time zone,
 * the baseline, and Unwatch.
 */
export function watchConfirmationCard(subscription: Subscription, created: boolean, baseline: BaselineOutcome, userTimeZone?: string): AdaptiveCard {
  const name = subscription.workspace.name;
  const title = created ? `Now watching ${name}` : `Updated: watching ${name}`;
  return card(
    [
      { type: 'TextBlock', text: markdownText(title, 200), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Workspace', weight: 'Bolder', spacing: 'Small', wrap: true },
      { type: 'TextBlock', text: markdownText(subscription.workspace.id, 400), fontType: 'Monospace', size: 'Small', spacing: 'None', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Schedule', value: markdownText(describeSchedule(subscription.schedule), 200) },
          { title: 'Weekly digest', value: subscription.weeklyDigest ? 'yes' : 'no' },
          { title: 'Set up by', value: markdownText(subscription.createdBy.name ?? subscription.createdBy.userId, 120) },
        ],
      },
      { type: 'TextBlock', text: markdownText(timeZoneNote(subscription.schedule.timezone, userTimeZone, subscription.workspaceTarget), 300), isSubtle: true, wrap: true },
      { type: 'TextBlock', text: markdownText(baselineNote(baseline), 600), wrap: true },
    ],
    [removeAction(subscription, 'Unwatch')],
    title,
  );
}

export function watchListCard(subscriptions: readonly Subscription[]): AdaptiveCard {
  const title = `This conversation watches ${subscriptions.length} workspace${subscriptions.length === 1 ? '' : 's'}`;
  return card(
    [
      { type: 'TextBlock', text: markdownText(title, 200), weight: 'Bolder', size: 'Medium', wrap: true },
      ...subscriptions.map((s) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: markdownText(s.workspace.name, 120), weight: 'Bolder', wrap: true },
          {
            type: 'TextBlock',
            text: `${markdownText(describeSchedule(s.schedule), 200)}${s.weeklyDigest ? ' · weekly digest' : ''}${s.enabled ? '' : ` · paused: ${markdownText(s.disabledReason ?? 'disabled', 200)}`}`,
            isSubtle: true,
            spacing: 'None',
            wrap: true,
          },
          { type: 'ActionSet', actions: [removeAction(s)] },
        ],
      })),
    ],
    [],
    title,
  );
}

/** Stop watching: Action.Execute with an Action.Submit fallback; the feature checks the id belongs to the conversation. */
function removeAction(s: Subscription, title = `Stop watching ${s.workspace.name}`): Readonly<Record<string, unknown>> {
  return executeButton(plainText(title, 80), WATCH_ACTIONS.remove, { subscriptionId: s.id });
}
