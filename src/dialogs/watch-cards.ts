/**
 * Cards of the watch conversation: the confirmation after "watch …" and the list for "watches". Workspace
 * names and schedules come from users and Azure: escaped.
 */
import { markdownText, plainText } from '../cards/escape';
import { describeSchedule } from '../notifications/schedule';
import type { Subscription } from '../notifications/subscriptions';
import type { AdaptiveCard } from './port';

export const REMOVE_VERB = 'watch.remove';

function card(body: Record<string, unknown>[], actions: Record<string, unknown>[], fallbackText: string): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', fallbackText: plainText(fallbackText), body, actions };
}

export function watchConfirmationCard(subscription: Subscription, created: boolean): AdaptiveCard {
  const name = subscription.workspace.name;
  const title = created ? `Now watching ${name}` : `Updated: watching ${name}`;
  return card(
    [
      { type: 'TextBlock', text: markdownText(title, 200), weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Workspace', value: markdownText(subscription.workspace.id, 400) },
          { title: 'Schedule', value: markdownText(describeSchedule(subscription.schedule), 200) },
          { title: 'Weekly digest', value: subscription.weeklyDigest ? 'yes' : 'no' },
          { title: 'Set up by', value: markdownText(subscription.createdBy.name ?? subscription.createdBy.userId, 120) },
        ],
      },
      {
        type: 'TextBlock',
        text: created ? 'A baseline summary follows shortly; after that I post only when findings change.' : 'I post here only when findings change.',
        wrap: true,
        isSubtle: true,
      },
    ],
    [],
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
function removeAction(s: Subscription): Record<string, unknown> {
  const title = plainText(`Stop watching ${s.workspace.name}`, 80);
  return {
    type: 'Action.Execute',
    title,
    verb: REMOVE_VERB,
    data: { subscriptionId: s.id },
    fallback: { type: 'Action.Submit', title, data: { verb: REMOVE_VERB, subscriptionId: s.id } },
  };
}
