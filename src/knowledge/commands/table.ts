/**
 * The bot's chat commands, each declared once: its name and the matcher that recognises it in natural phrasing.
 * The table's order is the precedence: the first matcher that recognises a message names its command, so the most
 * specific phrasing comes first ("show exceptions" before the watch list, "unwatch" before "watch", "unlink"
 * before "link").
 *
 * `CommandName` is read from the table, and the bot's handler maps are keyed by it (src/routing/handlers.ts): a
 * command added here without a handler does not compile. Adding a chat command is one entry here plus the handler
 * the compiler then asks for.
 */
import { matchAccept, matchExceptionsList } from '../../exceptions/command';
import { matchSignIn, matchSignOut } from './account';
import { matchBaseline } from './baseline';
import { matchChecks } from './checks';
import { matchHelp, matchReset } from './conversation';
import { matchLab } from './lab';
import { matchLink, matchUnlink } from './link';
import type { CommandArgs, CommandMatcher } from './matcher';
import { matchSample } from './sample';
import { matchUnwatch, matchWatch, matchWatches } from './watch';
import { matchWorkshop } from './workshop';

interface CommandEntry {
  readonly name: string;
  readonly match: CommandMatcher;
  /** The command's own word: alone, it asks for the command's usage ("watch", "accept"), which its handler gives. */
  readonly word?: string;
}

export const COMMAND_TABLE = [
  { name: 'help', match: matchHelp },
  { name: 'reset', match: matchReset },
  { name: 'signin', match: matchSignIn },
  { name: 'signout', match: matchSignOut },
  { name: 'checks', match: matchChecks },
  { name: 'exceptions', match: matchExceptionsList },
  { name: 'accept', match: matchAccept, word: 'accept' },
  { name: 'watches', match: matchWatches },
  { name: 'unwatch', match: matchUnwatch },
  { name: 'watch', match: matchWatch, word: 'watch' },
  { name: 'unlink', match: matchUnlink },
  { name: 'link', match: matchLink, word: 'link' },
  { name: 'lab', match: matchLab },
  { name: 'workshop', match: matchWorkshop },
  { name: 'baseline', match: matchBaseline },
  { name: 'sample', match: matchSample, word: 'sample' },
] as const satisfies readonly CommandEntry[];

export type CommandName = (typeof COMMAND_TABLE)[number]['name'];

/** Every command name, in precedence order. */
export const COMMAND_NAMES: readonly CommandName[] = COMMAND_TABLE.map((entry) => entry.name);

export interface CommandMatch extends CommandArgs {
  readonly command: CommandName;
}

export function isCommandName(name: string | undefined): name is CommandName {
  return COMMAND_NAMES.some((known) => known === name);
}

/** `original` (the cleaned message, case kept) defaults to `normalized`; lab arguments keep their case from it. */
export function matchCommand(normalized: string, original: string = normalized): CommandMatch | undefined {
  for (const entry of COMMAND_TABLE) {
    const { name, match } = entry;
    if ('word' in entry && normalized === entry.word) return { command: name, args: '' };
    const matched = match(normalized, original);
    if (matched !== undefined) return { command: name, ...matched };
  }
  return undefined;
}
