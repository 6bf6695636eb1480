/**
 * Messages and card actions: check the input, route it to one intent, and run the conversation's handler for it
 * (after a pending prompt has had its chance at free text); card actions go to the feature their verb names.
 */
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { ActionResult, CardAction, IncomingMessage } from '../dialogs/feature';
import type { Conversation } from '../dialogs/conversation';
import { answersPendingPrompt, messageKind, type MessageSource } from '../dialogs/turn-precedence';
import { forgetAwaitedReplies } from '../dialogs/awaited-replies';
import { botIdentityAccount, type AccountCommands } from './account';
import { quickActionText } from '../dialogs/help';
import { handleIntent } from '../routing/handlers';
import { intentOf } from '../routing/intent';
import type { AdaptiveCard as PortCard, TurnPort } from '../dialogs/port';
import { scrubSecrets, type Logger } from '../logging';
import { featureNameOf, parseExecuteAction, parseSubmitAction, type ParsedCardAction } from './card-action';
import { checkMessageText, mentionsBot } from './message-text';
import type { MessageRouter } from './router';
import { scrubCard, TeamsTurnPort } from './turn-port';
import { withTyping, type TypingOptions } from './typing';

export interface MessageHandlerDeps {
  readonly logger: Logger;
  readonly conversation: Conversation;
  readonly router: MessageRouter;
  readonly typing: TypingOptions;
}

/**
 * The invoke answer when a feature answered an Action.Execute with new messages and left the clicked card as it
 * is (a quick action, "Check this on my workspace"): Teams shows it on the card, the messages follow below.
 */
export const ANSWERED_BELOW = 'Done — see my reply below.';
const BAD_ACTION = 'I could not use that button: the card may be out of date. Type "help" to see what I can do.';

export class MessageHandler {
  constructor(private readonly deps: MessageHandlerDeps) {}

  /** `account`: what `signin` / `signout` do in this turn (bot mode: explain that no sign-in is needed). */
  async onMessage(context: TurnContext, account: AccountCommands = botIdentityAccount): Promise<void> {
    const port = new TeamsTurnPort(context);
    // In channels and group chats every message reaches the bot; it answers only when spoken to.
    if (port.conversation.conversationType !== 'personal' && !mentionsBot(context.activity)) return;
    const checked = checkMessageText(typeof context.activity.text === 'string' ? context.activity.text : '');
    if (!checked.ok) {
      await port.sendText(checked.answer);
      return;
    }
    await withTyping(() => port.typing(), this.deps.typing, () => this.dispatchText(port, checked.text, 'typed', account));
  }

  /** Action.Submit: the answer is a new message. */
  async onSubmit(context: TurnContext): Promise<void> {
    const port = new TeamsTurnPort(context);
    const result = await withTyping(() => port.typing(), this.deps.typing, () =>
      this.dispatchAction(port, withMessageId(parseSubmitAction(context.activity.value), context.activity.replyToId)),
    );
    if (result.kind === 'card') await port.sendCard(result.card);
    else if (result.kind === 'text') await port.sendText(result.text);
  }

  /** Action.Execute: a card replaces the one clicked, text is shown as the invoke's message. */
  async onExecute(context: TurnContext): Promise<AdaptiveCard | string> {
    const port = new TeamsTurnPort(context);
    const value: unknown = context.activity.value;
    const result = await this.dispatchAction(port, withMessageId(parseExecuteAction(value), context.activity.replyToId));
    switch (result.kind) {
      // The invoke response carries the reply: scrubbed like everything the port sends.
      case 'card':
        return scrubCard(result.card);
      case 'text':
        return scrubSecrets(result.text);
      case 'handled':
        return ANSWERED_BELOW;
    }
  }

  /**
   * Routes text to one intent and runs its handler, unless it is free text a pending prompt takes as its answer
   * (turn-precedence.ts). Also used by quick-action buttons, whose text is a command whatever is pending.
   */
  private async dispatchText(port: TurnPort, text: string, source: MessageSource, account: AccountCommands = botIdentityAccount): Promise<void> {
    const route = await this.deps.router.route(text);
    const message: IncomingMessage = { text, route, kind: messageKind(text, route, source) };
    const { features, intents } = this.deps.conversation;
    if (await answersPendingPrompt(features, port, message)) return;
    await forgetAwaitedReplies(features, port);
    await handleIntent(intentOf(route), intents, { port, message, account });
  }

  private async dispatchAction(port: TurnPort, parsed: ParsedCardAction): Promise<ActionResult> {
    if (!parsed.ok) {
      this.deps.logger.info({ reason: parsed.reason }, 'rejected a card action');
      return { kind: 'text', text: BAD_ACTION };
    }
    const action: CardAction = parsed.action;
    const text = quickActionText(action.verb);
    if (text !== undefined) {
      await this.dispatchText(port, text, 'button');
      return { kind: 'handled' };
    }
    const owner = featureNameOf(action.verb);
    const feature = this.deps.conversation.features.find((f) => f.name === owner && f.onAction !== undefined);
    if (feature?.onAction === undefined) {
      this.deps.logger.info({ verb: action.verb }, 'card action for no feature');
      return { kind: 'text', text: BAD_ACTION };
    }
    await forgetAwaitedReplies(this.deps.conversation.features, port);
    const result = await feature.onAction(port, action);
    if (result.kind === 'card') return { kind: 'card', card: result.card satisfies PortCard };
    return result;
  }
}

/** The clicked card's message id on a parsed action (Teams sends it as the activity's replyToId). */
function withMessageId(parsed: ParsedCardAction, messageId: string | undefined): ParsedCardAction {
  return parsed.ok && messageId !== undefined && messageId !== '' ? { ok: true, action: { ...parsed.action, messageId } } : parsed;
}
