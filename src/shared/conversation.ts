/**
 * Who a turn acts for: the conversation and the user, as the bot reads them from Teams. Declared here, below the
 * dialogs that receive it and the security layer that decides what it may read, so that neither imports the other.
 */

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface ConversationInfo {
  readonly conversationId: string;
  readonly conversationType: ConversationType;
  readonly tenantId: string | undefined;
  /** The AAD object id when Teams gives it, else the channel user id. */
  readonly userId: string;
  readonly userName: string | undefined;
  readonly teamId: string | undefined;
  readonly channelId: string | undefined;
  /**
   * The user's IANA time zone as their client reports it (Teams: the activity's `localTimezone`), when it does.
   * Client-controlled: a feature validates it before using it.
   */
  readonly timeZone?: string;
}
