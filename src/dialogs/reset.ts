/**
 * `reset`, "forget me", "delete my data": shows what the bot stores for this conversation (and, in personal chat,
 * for the user) on a confirm card — "This deletes …: Yes / No" — and on Yes deletes it and says what went.
 * Register it before the workshop feature so that `reset` works while a workshop prompt is pending.
 *
 * Anyone in the conversation may confirm: anyone there could have typed `reset` too. What is deleted is what is
 * stored when Yes is pressed, not what the card listed.
 */
import type { GuardianStore } from '../storage/store';
import { dispatchAction, unknownButton, type ActionHandlers } from './action-handlers';
import type { Feature, TurnCommandHandlers } from './feature';
import type { TurnPort } from './port';
import { buildResetCancelledCard, buildResetConfirmCard, buildResetDoneCard, inventoryLines } from './reset-cards';
import { inventoryOf, isEmptyInventory, resetData, type ResetScope } from './reset-data';
import { RESET_ACTIONS } from '../routing/actions/reset';

export interface ResetDependencies {
  readonly store: GuardianStore;
}

function scopeOf(port: TurnPort): ResetScope {
  const { conversationId, userId, conversationType } = port.conversation;
  return { conversationId, userId, personal: conversationType === 'personal' };
}

export function createResetFeature({ store }: ResetDependencies): Feature & { readonly commands: Pick<TurnCommandHandlers, 'reset'> } {
  const actions: ActionHandlers<typeof RESET_ACTIONS> = {
    [RESET_ACTIONS.cancel]: () => Promise.resolve({ kind: 'card', card: buildResetCancelledCard() }),
    [RESET_ACTIONS.confirm]: async (port) => {
      const scope = scopeOf(port);
      const deleted = await resetData(store, scope);
      return { kind: 'card', card: buildResetDoneCard(deleted, scope.personal) };
    },
  };

  return {
    name: 'reset',
    commands: {
      reset: async (_intent, { port }) => {
        const scope = scopeOf(port);
        const inventory = await inventoryOf(store, scope);
        if (isEmptyInventory(inventory)) {
          await port.sendText('I have nothing stored for this conversation: no scan, workshop, lab progress, file offer or watch.');
          return;
        }
        await port.sendCard(buildResetConfirmCard(inventory, scope.personal), `Delete your data? This deletes: ${inventoryLines(inventory, scope.personal).join('; ')}.`);
      },
    },
    onAction: dispatchAction(actions, unknownButton),
  };
}
