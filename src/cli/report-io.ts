/**
 * Where a report goes: stdout (alone, so that it can be piped), or a file written atomically (temp file, then
 * rename) so that a pipeline never reads half a report. Every command writes stdout through writeOut, so that a
 * reader that stops early (`guardian baseline | head`) ends the output quietly instead of crashing on EPIPE.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FileError, type CliIO } from './command';
import { isRecord } from '../shared/is-record';
import { errorMessage } from '../shared/error-message';

export function isTty(stream: NodeJS.WritableStream): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}

/** Colour on a terminal unless NO_COLOR is set (https://no-color.org); never in a pipe or a file. */
export function useColor(io: CliIO): boolean {
  return isTty(io.stdout) && (io.env.NO_COLOR ?? '') === '' && io.env.TERM !== 'dumb';
}

const isBrokenPipe = (error: unknown): boolean => isRecord(error) && error.code === 'EPIPE';

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * A closed pipe on `stream` is the reader saying "enough", not a failure: without a listener the stream's
 * 'error' event would crash the process. Other errors are left as they were. Idempotent.
 */
export function ignoreBrokenPipe(stream: NodeJS.WritableStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: unknown) => {
    // Anything else crashes as it would have without this listener, unless someone else listens for it.
    if (!isBrokenPipe(error) && stream.listenerCount('error') === 1) throw error;
  });
}

/** Writes to stdout and waits for it; resolves (writing nothing more) once the reader has closed the pipe. */
export function writeOut(io: CliIO, text: string): Promise<void> {
  const out = io.stdout;
  ignoreBrokenPipe(out);
  if ('destroyed' in out && out.destroyed === true) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    out.write(text, (error) => (error === null || error === undefined || isBrokenPipe(error) ? resolve() : reject(error)));
  });
}

export async function writeReport(io: CliIO, text: string, outputPath: string | undefined): Promise<void> {
  if (outputPath === undefined) {
    await writeOut(io, text);
    return;
  }
  const target = path.resolve(outputPath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, target);
  } catch (error) {
    // Nothing half-written stays behind, and the reader learns which path failed and why, not an errno dump.
    await fs.rm(temp, { force: true });
    throw new FileError(`cannot write the report to ${outputPath}: ${writeProblem(error)}`, { cause: error });
  }
}

function writeProblem(error: unknown): string {
  // Read as a record, like isBrokenPipe, not `instanceof Error`: errors from Node's fs may come from another realm (a test VM).
  const code = isRecord(error) ? error.code : undefined;
  if (code === 'EISDIR') return 'it is a folder; give a file name.';
  if (code === 'ENOENT') return 'its folder does not exist.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  return errorMessage(error);
}
