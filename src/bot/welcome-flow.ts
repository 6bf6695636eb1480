/**
 * The welcome card on install. Teams announces an install twice (conversationUpdate with the bot among
 * membersAdded, and installationUpdate "add"), and several bot instances may see them: a store key written
 * with ifMatch '*' lets exactly one of them welcome.
 */
import type { ChannelAccount, TurnContext } from 'botbuilder';
import { buildWelcomeCard } from '../dialogs/welcome';
import type { Logger } from '../logging';
import { ETagConflictError, type GuardianStore } from '../storage/store';
import { conversationTypeOf, deleteConversationReference, saveConversationReference } from './conversation';
import { TeamsTurnPort } from './turn-port';

export const WELCOMED_PREFIX = 'welcomed/';

export class WelcomeFlow {
  constructor(
    private readonly store: GuardianStore,
    private readonly logger: Logger,
  ) {}

  async onMembersAdded(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const added: readonly ChannelAccount[] = activity.membersAdded ?? [];
    const botAdded = added.some((m) => m.id === activity.recipient.id);
    // In a team or group chat, welcome once when the bot joins, not every new member; in a personal chat the
    // user adding the bot is the install.
    const personal = conversationTypeOf(activity) === 'personal';
    if (!botAdded && !(personal && added.length > 0)) return;
    await saveConversationReference(this.store, activity);
    await this.welcomeOnce(context);
  }

  async onInstallationUpdate(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const conversationId = activity.conversation.id;
    if (activity.action === 'add') {
      await saveConversationReference(this.store, activity);
      await this.welcomeOnce(context);
    } else if (activity.action === 'remove') {
      // Uninstalled: forget the reference (sends would get 403) and welcome again on a later install.
      await deleteConversationReference(this.store, conversationId);
      await this.store.delete([`${WELCOMED_PREFIX}${conversationId}`]);
    }
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const key = `${WELCOMED_PREFIX}${context.activity.conversation.id}`;
    try {
      await this.store.put(key, { at: new Date().toISOString() }, '*');
    } catch (e) {
      if (e instanceof ETagConflictError) return;
      throw e;
    }
    this.logger.info({ conversationType: conversationTypeOf(context.activity) }, 'welcoming a new conversation');
    await new TeamsTurnPort(context).sendCard(buildWelcomeCard(), 'Baseline Guardian: welcome');
  }
}
