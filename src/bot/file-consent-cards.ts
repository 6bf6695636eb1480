/**
 * The shapes of Teams' file-consent flow (personal chat only): the FileConsentCard the bot sends to ask where to
 * put a file, the `fileConsent/invoke` value Teams sends back when the user clicks Allow or Decline, and the
 * FileInfoCard that shows the uploaded file. See Microsoft Learn, "Send and receive files using bot".
 *
 * The card's accept/decline context carries only an opaque offer id: the content stays in the store, and the
 * invoke value is untrusted input that is parsed here before anything uses it.
 */
import type { MessageAttachment } from '../dialogs/port';
import { isRecord } from '../shared/is-record';

export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';
export const FILE_CONSENT_INVOKE_NAME = 'fileConsent/invoke';

/** What the consent card's accept and decline contexts hold: nothing but the offer id. */
export interface FileOfferContext {
  readonly offerId: string;
}

export interface FileUploadInfo {
  readonly name: string | undefined;
  readonly uploadUrl: string;
  readonly contentUrl: string | undefined;
  readonly uniqueId: string | undefined;
  readonly fileType: string | undefined;
}

export type FileConsentResponse =
  | { readonly ok: true; readonly action: 'decline'; readonly offerId: string }
  | { readonly ok: true; readonly action: 'accept'; readonly offerId: string; readonly uploadInfo: FileUploadInfo | undefined }
  | { readonly ok: false; readonly reason: string };

const OFFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Characters Teams and OneDrive refuse in file names, control characters, and path separators. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_FILE_NAME = 120;
const MAX_FIELD = 4096;

export function isOfferId(value: unknown): value is string {
  return typeof value === 'string' && OFFER_ID.test(value);
}

/** A file name Teams and OneDrive accept: no separators or reserved characters, bounded length. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE_FILE_NAME, '-').replace(/^[.\s-]+/, '').trim();
  const bounded = cleaned.length > MAX_FILE_NAME ? cleaned.slice(cleaned.length - MAX_FILE_NAME) : cleaned;
  return bounded === '' ? 'document.md' : bounded;
}

export function buildFileConsentCard(options: { fileName: string; sizeInBytes: number; offerId: string; description: string }): MessageAttachment {
  const context: FileOfferContext = { offerId: options.offerId };
  return {
    contentType: FILE_CONSENT_CONTENT_TYPE,
    name: options.fileName,
    content: {
      description: options.description,
      sizeInBytes: options.sizeInBytes,
      acceptContext: context,
      declineContext: context,
    },
  };
}

/** The card Teams renders as the uploaded file (open, download, share), pointing at the user's OneDrive. */
export function buildFileInfoCard(upload: { name: string; contentUrl: string; uniqueId: string | undefined; fileType: string }): MessageAttachment {
  return {
    contentType: FILE_INFO_CONTENT_TYPE,
    name: upload.name,
    contentUrl: upload.contentUrl,
    content: { ...(upload.uniqueId !== undefined ? { uniqueId: upload.uniqueId } : {}), fileType: upload.fileType },
  };
}

/** Parses a `fileConsent/invoke` value: { type: 'fileUpload', action, context: { offerId }, uploadInfo? }. */
export function parseFileConsentResponse(value: unknown): FileConsentResponse {
  if (!isRecord(value)) return { ok: false, reason: 'value is not an object' };
  const { action, context } = value;
  if (action !== 'accept' && action !== 'decline') return { ok: false, reason: 'unknown action' };
  const offerId = isRecord(context) ? context.offerId : undefined;
  if (!isOfferId(offerId)) return { ok: false, reason: 'context without a valid offer id' };
  if (action === 'decline') return { ok: true, action, offerId };
  return { ok: true, action, offerId, uploadInfo: parseUploadInfo(value.uploadInfo) };
}

function parseUploadInfo(value: unknown): FileUploadInfo | undefined {
  if (!isRecord(value)) return undefined;
  const uploadUrl = text(value.uploadUrl);
  if (uploadUrl === undefined) return undefined;
  return { uploadUrl, name: text(value.name), contentUrl: text(value.contentUrl), uniqueId: text(value.uniqueId), fileType: text(value.fileType) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_FIELD ? value : undefined;
}

