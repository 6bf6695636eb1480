/**
 * Files offered in chat and not yet accepted (Teams file consent): where they wait in the store and what is kept.
 * The bot makes and answers offers (src/bot/file-consent.ts); `reset` deletes a conversation's offers and the
 * terminal chat answers them, so the record is declared here, below both.
 */

export const FILE_CONSENT_PREFIX = 'file-consent/';

export function fileOfferKey(offerId: string): string {
  return `${FILE_CONSENT_PREFIX}${offerId}`;
}

/** A file offered and not yet uploaded or declined. */
export interface PendingFile {
  readonly fileName: string;
  readonly content: string;
  readonly sizeInBytes: number;
  readonly conversationId: string;
  readonly userId: string;
  readonly offeredAt: string;
  readonly expiresAt: string;
}
