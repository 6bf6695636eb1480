/**
 * `guardian exceptions export --workspace <id> [--state <dir>] [--output <file>]`: the exceptions the bot
 * keeps for a workspace, in the file format `guardian scan --exceptions` reads, so that a pipeline can apply
 * what the channel decided. Expired exceptions are left out (a scan would ignore them anyway).
 */
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { renderExceptionsFile } from '../exceptions/file-format';
import { isExpired } from '../exceptions/model';
import { concernsWorkspace, ExceptionRepository } from '../exceptions/repository';
import { parseResourceId, ResourceIdError } from '../shared/resource-id';
import { createStore } from '../storage/create-store';
import { parseCliOptions, stringOption } from './cli-options';
import { UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import { writeReport } from './report-io';

const USAGE = `Usage: guardian exceptions export --workspace <workspace id> [--state <dir>] [--output <file>]

Write the bot's unexpired exceptions (accepted risks) for a workspace as YAML, the format
guardian scan --exceptions <file> reads.

Options:
  --workspace <id>  the workspace's resource id
  --state <dir>     read the state folder of guardian chat --state <dir> (default: the bot's configured store)
  --output <file>   write the file instead of printing it`;

export interface ExceptionsCommandDeps {
  readonly now?: () => Date;
}

export function createExceptionsCommand(deps: ExceptionsCommandDeps = {}): CliCommand {
  return {
    name: 'exceptions',
    summary: "Export the bot's accepted risks for a workspace as an exceptions file.",
    usage: USAGE,
    async run(args: readonly string[], io: CliIO): Promise<ExitCode> {
      const [verb, ...rest] = args;
      if (verb !== 'export') throw new UsageError(verb === undefined ? 'Say what to do: export.' : `Unknown exceptions command "${verb}"; the command is export.`);
      const parsed = parseCliOptions('exceptions export', rest, { workspace: { type: 'string', value: 'a workspace id' }, state: { type: 'string', value: 'a folder' }, output: { type: 'string', value: 'a file' } }, false);
      const workspace = stringOption(parsed, 'workspace');
      if (workspace === undefined) throw new UsageError('--workspace is required: the resource id of the workspace whose exceptions to export.');
      try {
        parseResourceId(workspace);
      } catch (e) {
        if (e instanceof ResourceIdError) throw new UsageError(`--workspace: ${e.message}`, { cause: e });
        throw e;
      }
      let state;
      try {
        state = loadConfig(io.env).state;
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        io.stderr.write(`${e.message}\n`);
        return 2;
      }
      const dir = stringOption(parsed, 'state');
      const store = createStore(dir === undefined ? state : { ...state, store: 'sqlite', dir: path.resolve(dir) });
      try {
        const now = (deps.now ?? (() => new Date()))();
        const stored = await new ExceptionRepository(store).listAll();
        const entries = stored.filter((s) => concernsWorkspace(s, workspace) && !isExpired(s.entry, now)).map((s) => s.entry);
        await writeReport(io, renderExceptionsFile(entries), stringOption(parsed, 'output'));
        io.stderr.write(`${entries.length} exception${entries.length === 1 ? '' : 's'} exported.\n`);
        return 0;
      } finally {
        await store.close();
      }
    },
  };
}
