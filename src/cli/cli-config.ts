/** Configuration for a command: every problem on stderr at once, and undefined so that the command exits 2. */
import { ConfigError, loadConfig, type Config } from '../config';
import type { CliIO } from './command';

export function loadCliConfig(io: CliIO, env: CliIO['env'] = io.env): Config | undefined {
  try {
    return loadConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return undefined;
  }
}
