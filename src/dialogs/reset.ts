/**
 * `reset`, "forget me", "delete my data": shows what the bot stores for this conversation (and, in personal chat,
 * for the user) on a confirm card — "This deletes …: Yes / No" — and on Yes deletes it and says what went.
 * Register it before the workshop feature so that `reset` works while a workshop prompt is pending.
 *
 * Anyone in the conversation may confirm: anyone there could have typed `reset` too. What is deleted is what is
 * stored when Yes is pressed, not what the card listed.
 *
 * Right after the card, a typed "yes" or "no" answers it as its buttons do; any other turn ends that wait. The
 * wait is kept in memory, not in the store: it must not add stored data to a conversation that asked to delete
 * its data, and losing it (a restart, another instance) only means the typed answer is not taken.
 */
import type { GuardianStore } from '../storage/store';
import { dispatchAction, unknownButton, type ActionHandlers } from './action-handlers';
import type { ActionResult, Feature, TurnCommandHandlers } from './feature';
import type { TurnPort } from './port';
import { buildResetCancelledCard, buildResetConfirmCard, buildResetDoneCard, inventoryLines } from './reset-cards';
import { inventoryOf, isEmptyInventory, resetData, type ResetScope } from './reset-data';
import { RESET_ACTIONS } from '../routing/actions/reset';

export interface ResetDependencies {
  readonly store: GuardianStore;
}

const TYPED_YES = /^(?:yes|y|yes please|confirm|delete it)[.!]?$/i;
const TYPED_NO = /^(?:no|n|cancel|no thanks|keep it|stop)[.!]?$/i;

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

  /** Conversations whose last turn was the confirm card. */
  const awaitingAnswer = new Set<string>();
  const answer = async (port: TurnPort, result: ActionResult): Promise<void> => {
    if (result.kind === 'card') await port.sendCard(result.card);
    else if (result.kind === 'text') await port.sendText(result.text);
  };

  return {
    name: 'reset',
    async onFreeText(port, message) {
      const conversationId = port.conversation.conversationId;
      if (!awaitingAnswer.has(conversationId)) return false;
      const text = message.text.trim();
      const verb = TYPED_YES.test(text) ? RESET_ACTIONS.confirm : TYPED_NO.test(text) ? RESET_ACTIONS.cancel : undefined;
      if (verb === undefined) return false;
      awaitingAnswer.delete(conversationId);
      await answer(port, await actions[verb](port, { verb, data: {}, via: 'submit' }));
      return true;
    },
    forgetAwaitedReply(port) {
      awaitingAnswer.delete(port.conversation.conversationId);
      return Promise.resolve();
    },
    commands: {
      reset: async (_intent, { port }) => {
        const scope = scopeOf(port);
        const inventory = await inventoryOf(store, scope);
        if (isEmptyInventory(inventory)) {
          await port.sendText('I have nothing stored for this conversation: no scan, workshop, lab progress, file offer or watch.');
          return;
        }
        await port.sendCard(buildResetConfirmCard(inventory, scope.personal), `Delete your data? This deletes: ${inventoryLines(inventory, scope.personal).join('; ')}.`);
        awaitingAnswer.add(scope.conversationId);
      },
    },
    onAction: dispatchAction(actions, unknownButton),
  };
}
