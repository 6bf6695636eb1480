/**
 * Every `guardian` command, in the order `guardian --help` lists them. Each lives in its own file.
 */
import type { CliCommand } from './command';
import { chatCommand } from './chat';
import { allChecks, CHECK_SET_VERSION } from '../checks/registry';
import { createChecksCommand } from './checks';
import { createScanCommand, openDefaultScanService } from './scan';
import { askCommand } from './ask';
import { baselineCommand } from './baseline';
import { fleetCommand } from './fleet';
import { createExceptionsCommand } from './exceptions';
import { eventsCommand } from './events';

export const commands: readonly CliCommand[] = [
  createScanCommand({ openScanService: openDefaultScanService, checks: allChecks }),
  createChecksCommand({ checks: allChecks, version: CHECK_SET_VERSION }),
  chatCommand,
  askCommand,
  baselineCommand,
  fleetCommand,
  createExceptionsCommand(),
  eventsCommand,
];
