/**
 * `guardian scan --exceptions <file>`: reads the repository's exceptions file before the scan starts (a bad file
 * stops the run with exit 2 and nothing applied), and applies it to the report, warning about expired entries.
 */
import { readFile } from 'node:fs/promises';
import type { ScanReport } from '../checks/types';
import { applyExceptions } from '../exceptions/apply';
import { ExceptionFileError, parseExceptionsFile } from '../exceptions/file-format';
import type { ExceptionEntry } from '../exceptions/model';
import { FileError } from './command';
import { errorMessage } from '../shared/error-message';

/** Reads and validates the file; a problem is a FileError naming the file and each bad field. */
export async function loadExceptionsFile(file: string, isKnownCheck: (id: string) => boolean): Promise<ExceptionEntry[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    throw new FileError(`Cannot read the exceptions file ${file}: ${errorMessage(e)}`, { cause: e });
  }
  try {
    return parseExceptionsFile(source, isKnownCheck);
  } catch (e) {
    if (!(e instanceof ExceptionFileError)) throw e;
    throw new FileError(`The exceptions file ${file} was not applied:\n${e.message}`, { cause: e });
  }
}

/** The report with the file's exceptions applied; expired entries are named on `warn` and ignored. */
export function applyExceptionsFile(report: ScanReport, entries: readonly ExceptionEntry[], now: Date, warn: (line: string) => void): ScanReport {
  const applied = applyExceptions(report, entries, now);
  for (const e of applied.expired) warn(`Ignored expired exception ${e.id}: ${e.checkId} on ${e.resource} expired ${e.expires}.`);
  return applied.report;
}
