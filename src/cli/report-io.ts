/**
 * Where a report goes: stdout (alone, so that it can be piped), or a file written atomically (temp file, then
 * rename) so that a pipeline never reads half a report.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CliIO } from './command';

export function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as NodeJS.WriteStream).isTTY === true;
}

/** Colour on a terminal unless NO_COLOR is set (https://no-color.org); never in a pipe or a file. */
export function useColor(io: CliIO): boolean {
  return isTty(io.stdout) && (io.env.NO_COLOR ?? '') === '' && io.env.TERM !== 'dumb';
}

export async function writeReport(io: CliIO, text: string, outputPath: string | undefined): Promise<void> {
  if (outputPath === undefined) {
    await new Promise<void>((resolve, reject) => io.stdout.write(text, (e) => (e ? reject(e) : resolve())));
    return;
  }
  const target = path.resolve(outputPath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  await fs.writeFile(temp, text, 'utf8');
  await fs.rename(temp, target);
}
