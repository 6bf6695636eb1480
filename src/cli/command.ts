/**
 * A `guardian` sub-command. Commands write reports to `io.stdout` and everything else (logs, progress) to
 * `io.stderr`, so that `--format json` output can be piped.
 */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  /** The environment, handed to loadConfig (only config.ts interprets it). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage / configuration / authentication error. */
export type ExitCode = 0 | 1 | 2;

export interface CliCommand {
  readonly name: string;
  /** One line for `guardian --help`. */
  readonly summary: string;
  /** The full usage text for `guardian <name> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIO): Promise<ExitCode>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A file the command was told to read or write could not be (missing folder, no permission, bad content): exit 2
 * with the reason, but without the usage text, since the command line itself was right.
 */
export class FileError extends Error {
  override readonly name = 'FileError';
}
