/**
 * `guardian chat --export-workshop <file>`: when the chat ends, its workshop (answers, skipped prompts, the
 * categories chosen) is written as JSON — the input of `guardian baseline --from`, which combines it with a scan
 * report from a pipeline (`guardian scan --format json`). The file is written whole or not at all.
 */
import { isWorkshopRecord } from '../knowledge/workshop-record';
import { readSession } from '../dialogs/workshop/session';
import type { GuardianStore } from '../storage/store';
import type { CliIO } from './command';
import { scrubSecrets } from '../logging';
import { writeReport } from './report-io';

/** Writes the conversation's workshop to `file`; says on stderr what it did (nothing when there was no workshop). */
export async function exportWorkshop(store: GuardianStore, conversationId: string, file: string, io: CliIO): Promise<void> {
  const record = await readSession(store, conversationId);
  if (record === undefined || !isWorkshopRecord(record)) {
    io.stderr.write(`No workshop in this chat, so nothing was written to ${file} (say "start workshop" first).\n`);
    return;
  }
  // The file goes into repositories and pipelines: a secret pasted into an answer is redacted, as in chat and the baseline document.
  const scrubbed = JSON.stringify(record, (_key, value: unknown) => (typeof value === 'string' ? scrubSecrets(value) : value), 2);
  await writeReport(io, `${scrubbed}\n`, file);
  io.stderr.write(`Wrote the workshop to ${file}: guardian baseline --from ${file} [--report scan.json]\n`);
}
