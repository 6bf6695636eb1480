/**
 * "watch ws-prod daily at 08:00", "unwatch ws-prod", "watches": the chat side of notifications. Who set a
 * subscription up is the user of the turn; where it posts is this conversation; a schedule without a time zone
 * is in the user's own (the turn's, as Teams reports it).
 */
import { plainText } from '../cards/escape';
import type { NotificationService } from '../notifications/service';
import { describeSchedule, knownTimeZone } from '../notifications/schedule';
import { matchesTarget, type Subscription } from '../notifications/subscriptions';
import { parseWatchCommand, WATCH_USAGE } from '../notifications/watch-command';
import { dispatchAction, unknownButton, type ActionHandlers } from './action-handlers';
import type { Feature, MessageTurn, TurnCommandHandlers } from './feature';
import type { TurnPort } from './port';
import { watchConfirmationCard, watchListCard } from './watch-cards';
import { WATCH_ACTIONS } from '../routing/actions/watch';

export type WatchNotifications = Pick<NotificationService, 'subscribe' | 'unsubscribe' | 'unsubscribeById' | 'list'>;

export function createWatchFeature(deps: { readonly notifications: WatchNotifications }): Feature & { readonly commands: Pick<TurnCommandHandlers, 'watch' | 'unwatch' | 'watches'> } {
  const { notifications } = deps;

  async function showList(port: TurnPort): Promise<void> {
    const subscriptions = await notifications.list(port.conversation.conversationId);
    if (subscriptions.length === 0) await port.sendText(`This conversation does not watch any workspace yet. ${WATCH_USAGE}`);
    else await port.sendCard(watchListCard(subscriptions), `Watching ${subscriptions.length} workspace(s)`);
  }

  /** "unwatch all": every watch of this conversation, and only of this one. */
  async function unwatchAll(conversationId: string): Promise<Subscription[]> {
    const removed = await Promise.all((await notifications.list(conversationId)).map((s) => notifications.unsubscribeById(conversationId, s.id)));
    return removed.filter((s): s is Subscription => s !== undefined);
  }

  const actions: ActionHandlers<typeof WATCH_ACTIONS> = {
    // Stop watching, from the confirmation, the list or a change alert.
    [WATCH_ACTIONS.remove]: async (port, action) => {
      const subscriptionId = action.data.subscriptionId;
      if (typeof subscriptionId !== 'string') return { kind: 'text', text: 'That button is out of date.' };
      // unsubscribeById checks that the subscription belongs to this conversation (card data can be forged).
      const removed = await notifications.unsubscribeById(port.conversation.conversationId, subscriptionId);
      if (removed === undefined) return { kind: 'text', text: 'That watch no longer exists here.' };
      const remaining = await notifications.list(port.conversation.conversationId);
      if (remaining.length === 0) return { kind: 'text', text: `Stopped watching ${plainText(removed.workspace.name, 120)}. Nothing else is watched here.` };
      return { kind: 'card', card: watchListCard(remaining) };
    },
  };

  /** The three watch commands share one grammar (parseWatchCommand), so each hands it the command in words. */
  async function watchCommand(text: string, { port }: MessageTurn): Promise<void> {
    const { conversation } = port;
    // Teams says which time zone the user is in: "daily at 08:00" means their 08:00 unless they name a zone.
    const userTimeZone = knownTimeZone(conversation.timeZone);
    const command = parseWatchCommand(text, userTimeZone);
    switch (command.kind) {
      case 'invalid':
        await port.sendText(plainText(command.message, 400));
        return;
      case 'list':
        await showList(port);
        return;
      case 'unwatch': {
        const all = command.target.toLowerCase() === 'all';
        const removed = all ? await unwatchAll(conversation.conversationId) : await notifications.unsubscribe(conversation.conversationId, command.target);
        await port.sendText(
          removed.length === 0
            ? `This conversation does not watch ${all ? 'any workspace' : plainText(command.target, 120)}. Say "watches" to see what it watches.`
            : `Stopped watching ${plainText(removed.map((s) => s.workspace.name).join(', '), 300)}.`,
        );
        return;
      }
      case 'watch': {
        // "watch X" again, with no schedule: the watch stays as it is; only a schedule typed out changes it.
        const existing = command.unspecified === true ? (await notifications.list(conversation.conversationId)).find((s) => matchesTarget(s, command.target)) : undefined;
        if (existing !== undefined) {
          const name = plainText(existing.workspace.name, 120);
          await port.sendText(`Already watching ${name} ${plainText(describeSchedule(existing.schedule), 200)}. To change when, name a schedule: "watch ${plainText(command.target, 120)} daily at 08:00".`);
          return;
        }
        await port.typing();
        const result = await notifications.subscribe({
          conversationId: conversation.conversationId,
          userId: conversation.userId,
          userName: conversation.userName,
          target: command.target,
          schedule: command.schedule,
          weeklyDigest: command.weeklyDigest,
          principal: conversation,
        });
        if (!result.ok) await port.sendText(plainText(result.message, 600));
        else await port.sendCard(watchConfirmationCard(result.subscription, result.created, result.baseline, userTimeZone), `Watching ${result.subscription.workspace.name}`);
        return;
      }
    }
  }

  return {
    name: 'watch',
    commands: {
      watch: ({ args }, turn) => watchCommand(`watch ${args}`, turn),
      unwatch: ({ args }, turn) => watchCommand(`unwatch ${args}`, turn),
      watches: (_intent, turn) => watchCommand('watches', turn),
    },
    onAction: dispatchAction(actions, unknownButton),
  };
}
