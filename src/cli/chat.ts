/**
 * `guardian chat`: a terminal conversation with the same bot that runs in Teams. It starts the server in-process
 * on a free loopback port, in local mode, with a local Bot Connector stand-in that hands the replies back here.
 */
import * as readline from 'node:readline';
import { type Config, ConfigError, loadConfig } from '../config';
import type * as IndexModule from '../index';
import { localConversation, LocalBotClient } from '../bot/local-client';
import { LocalConnector } from '../bot/local-connector';
import { createLogger } from '../logging';
import { UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import { ChatSession } from './chat-session';

const USAGE = `Usage: guardian chat [--verbose] [--no-welcome]

Talk to Baseline Guardian in the terminal, as in a Teams personal chat.
Type a message and press Enter; type the number of a button to click it; "exit" or Ctrl-D quits.
Lines can be piped in: echo "help" | guardian chat

Options:
  --verbose      show the bot's logs (on stderr)
  --no-welcome   do not show the welcome card first`;

export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'Chat with the bot in the terminal (no Teams needed).',
  usage: USAGE,
  run: runChat,
};

async function runChat(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const unknown = args.filter((a) => a !== '--verbose' && a !== '--no-welcome');
  if (unknown.length > 0) throw new UsageError(`Unknown option for chat: ${unknown.join(' ')}`);
  let loaded: Config;
  try {
    loaded = loadConfig(io.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 2;
  }
  // Local mode always: the connector stand-in neither sends nor checks tokens, and the port is any free one.
  const config: Config = { ...loaded, port: 0, bot: { id: '', password: '', type: 'MultiTenant', tenantId: '' } };
  const logger = createLogger({
    level: args.includes('--verbose') ? config.logLevel : 'error',
    destination: { write: (s: string) => void io.stderr.write(s) },
  });

  // Loaded on use: the server pulls in restify and the bot SDK, which `guardian --help` does not need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require('../index') as typeof IndexModule;
  const connector = await LocalConnector.start('127.0.0.1');
  const server = await startServer({ config, logger, host: '127.0.0.1', port: 0 });
  const client = new LocalBotClient(server.url, connector.serviceUrl, localConversation('personal'));
  const session = new ChatSession(client, connector, (text) => void io.stdout.write(text));
  try {
    if (!args.includes('--no-welcome')) await session.open();
    const interactive = (io.stdin as NodeJS.ReadStream).isTTY === true;
    const lines = readline.createInterface({ input: io.stdin, terminal: false });
    if (interactive) io.stdout.write('you> ');
    for await (const line of lines) {
      if (/^(exit|quit)$/i.test(line.trim())) break;
      await session.say(line);
      if (interactive) io.stdout.write('you> ');
    }
    lines.close();
    return 0;
  } finally {
    session.close();
    await server.close();
    await connector.close();
  }
}
