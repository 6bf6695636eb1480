/**
 * Teams' file-consent flow for documents the bot offers (the security baseline): in personal chat the bot sends a
 * FileConsentCard; the user clicks Allow and Teams creates an upload session in their OneDrive; the bot PUTs the
 * bytes there and shows the file as a FileInfoCard. Bots can only do this in personal chat; elsewhere the bot says
 * so (the baseline card already carries the summary, and `guardian baseline` exports the document) rather than
 * pasting a long document into a shared conversation.
 *
 * The pending content waits in the store under `file-consent/<offerId>` for a bounded time; the card carries only
 * the opaque id. An answer is honoured only from the same user in the same conversation as the offer. Neither the
 * content nor the upload URL (its query can carry a token) is ever logged.
 */
import { randomUUID } from 'node:crypto';
import { canSendAttachments, type AttachmentPort, type TurnPort } from '../dialogs/port';
import type { Logger } from '../logging';
import type { GuardianStore } from '../storage/store';
import { FILE_CONSENT_PREFIX, fileOfferKey, type PendingFile } from '../dialogs/file-offers';
import { buildFileConsentCard, buildFileInfoCard, parseFileConsentResponse, safeFileName, type FileUploadInfo } from './file-consent-cards';
import { checkFileUrl, uploadInOneRange, type FetchLike, type UploadPolicy } from './file-consent-upload';
import { errorMessage } from '../shared/error-message';

export { FILE_CONSENT_PREFIX, fileOfferKey, type PendingFile } from '../dialogs/file-offers';
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
export const DEFAULT_OFFER_TTL_MS = 60 * 60 * 1000;
const DEFAULT_UPLOAD_TIMEOUT_MS = 20_000;

export interface FileConsentOptions extends UploadPolicy {
  readonly store: GuardianStore;
  readonly logger: Logger;
  readonly fetchImpl?: FetchLike;
  /** Largest document offered as a file, in UTF-8 bytes (default 1 MB). */
  readonly maxBytes?: number;
  /** How long an offer can be accepted (default 1 hour). */
  readonly ttlMs?: number;
  readonly uploadTimeoutMs?: number;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export interface FileConsent {
  /** Offers `content` as a file named `fileName` (the baseline feature's `offerFile`; a plain function, no `this`). */
  readonly offerFile: (port: TurnPort, fileName: string, content: string) => Promise<void>;
  /** Handles a `fileConsent/invoke` (accept or decline); answers the user in every case, never throws on bad input. */
  readonly onConsentResponse: (port: AttachmentPort, value: unknown) => Promise<void>;
}

const AGAIN = 'Say "my baseline" again for a fresh one.';
export const FILE_MESSAGES = {
  personalOnly: 'I can send the document as a file only in a personal chat with me: open one and say "my baseline". From the command line, `guardian baseline` exports it.',
  tooLarge: (kb: number, limitKb: number) => `The document is ${kb} KB, more than the ${limitKb} KB I send as a file. Export it with \`guardian baseline\` on the command line.`,
  expired: `That file offer expired. ${AGAIN}`,
  unmatched: `I could not match that answer to a file I offered. ${AGAIN}`,
  notYours: 'That file offer was made to someone else or in another chat. Say "my baseline" to get your own.',
  declined: 'OK, I will not upload the file. Say "my baseline" any time to get it again.',
  noUploadInfo: `Teams did not tell me where to put the file. Click Allow again, or say "my baseline" for a fresh offer.`,
  untrustedUrl: `I did not upload the file: the upload address Teams gave me is not an HTTPS address in OneDrive or SharePoint. ${AGAIN}`,
  uploadFailed: (detail: string) => `I could not upload the file to your OneDrive (${detail}). Click Allow again to retry, or say "my baseline" for a fresh offer.`,
  uploaded: (name: string) => `Your baseline is in your OneDrive: ${name}`,
} as const;

export function createFileConsent(options: FileConsentOptions): FileConsent {
  const { store, logger } = options;
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const ttlMs = options.ttlMs ?? DEFAULT_OFFER_TTL_MS;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const policy: UploadPolicy = { allowHttpLoopback: options.allowHttpLoopback === true };

  /** Best effort: offers nobody answered must not pile up in the store. */
  async function sweepExpired(): Promise<void> {
    try {
      const at = now().getTime();
      const stale = (await store.list<PendingFile>(FILE_CONSENT_PREFIX)).filter(({ item }) => !(Date.parse(item.value.expiresAt) > at));
      if (stale.length > 0) await store.delete(stale.map(({ key }) => key));
    } catch (e) {
      logger.warn({ err: { message: errorMessage(e) } }, 'could not sweep expired file offers');
    }
  }

  async function offerFile(port: TurnPort, fileName: string, content: string): Promise<void> {
    if (port.conversation.conversationType !== 'personal' || !canSendAttachments(port)) {
      await port.sendText(FILE_MESSAGES.personalOnly);
      return;
    }
    const sizeInBytes = Buffer.byteLength(content, 'utf8');
    if (sizeInBytes === 0 || sizeInBytes > maxBytes) {
      logger.info({ sizeInBytes, maxBytes }, 'document not offered as a file: size out of bounds');
      await port.sendText(FILE_MESSAGES.tooLarge(Math.ceil(sizeInBytes / 1024), Math.floor(maxBytes / 1024)));
      return;
    }
    await sweepExpired();
    const offerId = newId();
    const offeredAt = now();
    const name = safeFileName(fileName);
    const pending: PendingFile = {
      fileName: name,
      content,
      sizeInBytes,
      conversationId: port.conversation.conversationId,
      userId: port.conversation.userId,
      offeredAt: offeredAt.toISOString(),
      expiresAt: new Date(offeredAt.getTime() + ttlMs).toISOString(),
    };
    await store.put(fileOfferKey(offerId), pending);
    await port.sendAttachment(
      buildFileConsentCard({ fileName: name, sizeInBytes, offerId, description: 'Your Azure ML security baseline (Markdown). Allow to save it to your OneDrive.' }),
    );
    logger.info({ offerId, sizeInBytes }, 'file offered');
  }

  async function onConsentResponse(port: AttachmentPort, value: unknown): Promise<void> {
    const response = parseFileConsentResponse(value);
    if (!response.ok) {
      logger.info({ reason: response.reason }, 'rejected a file consent answer');
      await port.sendText(FILE_MESSAGES.unmatched);
      return;
    }
    const key = fileOfferKey(response.offerId);
    const pending = (await store.get<PendingFile>(key))?.value;
    if (pending === undefined || !(Date.parse(pending.expiresAt) > now().getTime())) {
      if (pending !== undefined) await store.delete([key]);
      logger.info({ offerId: response.offerId, known: pending !== undefined }, 'file consent answer for an expired or unknown offer');
      await port.sendText(FILE_MESSAGES.expired);
      return;
    }
    if (pending.conversationId !== port.conversation.conversationId || pending.userId !== port.conversation.userId) {
      logger.warn({ offerId: response.offerId }, 'file consent answer from another user or conversation');
      await port.sendText(FILE_MESSAGES.notYours);
      return;
    }
    if (response.action === 'decline') {
      await store.delete([key]);
      logger.info({ offerId: response.offerId }, 'file offer declined');
      await port.sendText(FILE_MESSAGES.declined);
      return;
    }
    await accept(port, key, response.offerId, pending, response.uploadInfo);
  }

  /** Uploads; on failure the offer stays, so that Allow can be clicked again until it expires. */
  async function accept(port: AttachmentPort, key: string, offerId: string, pending: PendingFile, info: FileUploadInfo | undefined): Promise<void> {
    if (info === undefined) {
      logger.info({ offerId }, 'file consent accepted without upload info');
      await port.sendText(FILE_MESSAGES.noUploadInfo);
      return;
    }
    const target = checkFileUrl(info.uploadUrl, policy);
    if (!target.ok) {
      logger.warn({ offerId, reason: target.reason }, 'refused a file upload URL');
      await port.sendText(FILE_MESSAGES.untrustedUrl);
      return;
    }
    const result = await uploadInOneRange(fetchImpl, target.url, Buffer.from(pending.content, 'utf8'), uploadTimeoutMs);
    if (!result.ok) {
      logger.warn({ offerId, host: target.url.host, detail: result.detail }, 'file upload failed');
      await port.sendText(FILE_MESSAGES.uploadFailed(result.detail));
      return;
    }
    await store.delete([key]);
    logger.info({ offerId, host: target.url.host, status: result.status, sizeInBytes: pending.sizeInBytes }, 'file uploaded');
    const name = info.name !== undefined ? safeFileName(info.name) : pending.fileName;
    const link = info.contentUrl !== undefined ? checkFileUrl(info.contentUrl, policy) : undefined;
    if (link?.ok !== true) {
      // Uploaded, but nothing safe to link to: say where it went rather than show a broken card.
      await port.sendText(FILE_MESSAGES.uploaded(name));
      return;
    }
    const fileType = info.fileType ?? name.split('.').pop() ?? 'md';
    await port.sendAttachment(buildFileInfoCard({ name, contentUrl: link.url.href, uniqueId: info.uniqueId, fileType }), FILE_MESSAGES.uploaded(name));
  }

  return { offerFile, onConsentResponse };
}
