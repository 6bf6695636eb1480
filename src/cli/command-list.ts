/**
 * Every `guardian` command, in the order `guardian --help` lists them. Each lives in its own file.
 */
import type { CliCommand } from './command';

export const commands: readonly CliCommand[] = [];
