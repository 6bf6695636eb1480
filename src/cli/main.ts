/**
 * The `guardian` entry point: picks the command, prints help, and maps errors to exit codes
 * (0 ok, 1 findings at or above --fail-on, 2 usage or configuration error).
 */
import { readPackageVersion } from '../config';
import { FileError, UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import { commands as defaultCommands } from './command-list';
import { ignoreBrokenPipe, writeOut } from './report-io';
import { errorMessage } from '../shared/error-message';

export function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Baseline Guardian: the security baseline of Azure Machine Learning, in Teams and in the terminal.

Usage: guardian <command> [options]
       guardian <command> --help

Commands:
${list}

Options:
  --help, -h     show this help
  --version, -v  show the version`;
}

export async function runCli(argv: readonly string[], io: CliIO, commands: readonly CliCommand[] = defaultCommands, version = '0.0.0'): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`${usage(commands)}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0] !== undefined ? commands.find((c) => c.name === rest[0]) : undefined;
    await writeOut(io, `${topic?.usage ?? usage(commands)}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    await writeOut(io, `${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`guardian: unknown command "${name}"\n\n${usage(commands)}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    await writeOut(io, `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`guardian ${command.name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (e instanceof FileError) {
      io.stderr.write(`guardian ${command.name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Runs the CLI against the real process: argv, stdio, environment; sets the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- the CLI hands its environment to loadConfig via CliIO.
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
  // `guardian … | head`: whatever a command writes, a reader that stops early must not crash it.
  ignoreBrokenPipe(process.stdout);
  ignoreBrokenPipe(process.stderr);
  try {
    process.exitCode = await runCli(argv, io, defaultCommands, readPackageVersion());
  } catch (e) {
    process.stderr.write(`guardian: ${errorMessage(e)}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) void main();
