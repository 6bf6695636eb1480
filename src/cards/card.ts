/**
 * An Adaptive Card (schema 1.5) as plain JSON: the one declaration that cards, notifications, dialogs and the bot
 * share, here so that nothing has to import it from a layer above.
 */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}
