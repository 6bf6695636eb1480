/**
 * Files the bot offers in `guardian chat` (the baseline document). In Teams the bot sends a file-consent card
 * and uploads to the user's OneDrive after Allow; in a terminal there is no OneDrive, so the chat takes the
 * pending offer out of the bot's store (nothing is left behind) and writes the file in a local folder, never
 * over an existing file (name-1.md, name-2.md…).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FILE_CONSENT_CONTENT_TYPE, isOfferId, safeFileName } from '../bot/file-consent-cards';
import { fileOfferKey, type PendingFile } from '../dialogs/file-offers';
import type { GuardianStore } from '../storage/store';
import { isRecord } from '../shared/is-record';

export interface OfferedFile {
  readonly fileName: string;
  readonly content: string;
}

export interface ChatFiles {
  /** Takes the offer behind a file-consent attachment in this conversation, or undefined when it is not one. */
  take(attachment: unknown, conversationId: string): Promise<OfferedFile | undefined>;
  /** Writes the file in the folder; returns the path written. */
  save(file: OfferedFile): Promise<string>;
}

const MAX_TRIES = 1000;

export function createChatFiles(store: GuardianStore, folder: string): ChatFiles {
  return {
    async take(attachment, conversationId) {
      const offerId = offerIdOf(attachment);
      if (offerId === undefined) return undefined;
      const key = fileOfferKey(offerId);
      const pending = (await store.get<PendingFile>(key))?.value;
      if (pending?.conversationId !== conversationId) return undefined;
      await store.delete([key]);
      return { fileName: pending.fileName, content: pending.content };
    },
    save: (file) => writeNew(folder, safeFileName(file.fileName), file.content),
  };
}

function offerIdOf(attachment: unknown): string | undefined {
  if (!isRecord(attachment) || attachment.contentType !== FILE_CONSENT_CONTENT_TYPE || !isRecord(attachment.content)) return undefined;
  const context = attachment.content.acceptContext;
  const offerId = isRecord(context) ? context.offerId : undefined;
  return isOfferId(offerId) ? offerId : undefined;
}

/** Creates `name` in `folder`, or name-1, name-2… before the extension when it exists ('wx': no overwrite race). */
export async function writeNew(folder: string, name: string, content: string): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 0; n < MAX_TRIES; n += 1) {
    const candidate = path.join(folder, n === 0 ? name : `${stem}-${n}${ext}`);
    try {
      await fs.writeFile(candidate, content, { encoding: 'utf8', flag: 'wx' });
      return candidate;
    } catch (e) {
      if (!isRecord(e) || e.code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`${name} and ${MAX_TRIES} numbered copies already exist in ${folder}.`);
}
