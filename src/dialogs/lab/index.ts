/**
 * The guided lab: an overview, then one exercise at a time, validated against Azure where Azure can tell.
 *
 * The feature only takes the `lab` command (its handler in the conversation's command map), the one free-text
 * reply it asked for (parameters, a workspace name) until the user does something else, and a message that is
 * nothing but lab parameters (awaited-reply.ts). Everything else — "what is a service principal?" in the middle of
 * exercise 3 — goes on to the other features, and the learner's place is untouched because it lives in the
 * store (`lab/<userId>`), not in a dialog stack.
 *
 * This file only assembles the feature: each command has its module (run-command.ts lists them), each card
 * button its handler (actions.ts), and they share one LabContext (context.ts).
 */
import { parseLabCommand } from '../../lab/commands';
import { dispatchAction } from '../action-handlers';
import type { Feature, TurnCommandHandlers } from '../feature';
import type { TurnPort } from '../port';
import { labActions } from './actions';
import { forgetAwaitedReply, labAwaitedReply } from './awaited-reply';
import { createLabContext, type LabFeatureOptions } from './context';
import { sendReply, textReply, toActionResult } from './reply';
import { runLabCommand } from './run-command';

export type { LabFeatureOptions };

export interface LabFeature extends Feature {
  readonly commands: Pick<TurnCommandHandlers, 'lab'>;
  /** Whether this learner has started the lab (their progress is stored). */
  inProgress(port: TurnPort): Promise<boolean>;
}

export function createLabFeature(options: LabFeatureOptions): LabFeature {
  const ctx = createLabContext(options);
  const action = dispatchAction(labActions(ctx), () => textReply('That lab action is not known (an old card?). Type **continue lab** to see where you are.'));
  return {
    name: 'lab',
    commands: {
      lab: async ({ args }, { port }) => sendReply(port, await runLabCommand(ctx, port, parseLabCommand(args))),
    },
    /** The input the lab asked for (its parameters, the workspace to find), typed as free text. */
    async onFreeText(port, message) {
      const command = await labAwaitedReply(ctx, port, message);
      if (command === undefined) {
        // Free text that is not the reply goes to someone else (a workshop answer, a question): the wait is over.
        await forgetAwaitedReply(ctx, port);
        return false;
      }
      await sendReply(port, await runLabCommand(ctx, port, command));
      return true;
    },
    forgetAwaitedReply: (port) => forgetAwaitedReply(ctx, port),
    onAction: async (port, act) => toActionResult(await action(port, act)),
    inProgress: async (port) => (await ctx.progressStore.load(port.conversation.userId)).progress !== undefined,
  };
}
