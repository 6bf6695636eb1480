/**
 * `guardian chat`: a terminal conversation with the same bot that runs in Teams. It starts the server in-process
 * on a free loopback port, in local mode, with a local Bot Connector stand-in that hands the replies back here.
 * Its state (scans, watches, workshop, lab) lives in memory unless --state names a folder, where the conversation
 * itself is kept too, so that the next run with that folder continues it: nothing it does
 * reaches the store of a server started with `npm start`, and its watches end with it. --export-workshop writes
 * the chat's workshop as JSON when it ends (the input of `guardian baseline --from`).
 */
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Config } from '../config';
import { loadCliConfig } from './cli-config';
import type { RunningServer } from '../index';
import { LocalBotClient } from '../bot/local-client';
import { chatConversation } from './chat-conversation';
import { LocalConnector } from '../bot/local-connector';
import { createLogger } from '../logging';
import { createStore } from '../storage/create-store';
import type { GuardianStore } from '../storage/store';
import { type CliCommand, type CliIO, type ExitCode } from './command';
import { parseCliOptions, stringOption } from './cli-options';
import { createChatFiles } from './chat-files';
import { ChatSession } from './chat-session';
import { exportWorkshop } from './chat-workshop-export';
import { ignoreBrokenPipe, useColor } from './report-io';
import { LAB_NAMES, LAB_PARAMETERS } from '../sample';

/** Runs as printed (test/e2e/chat-cli.test.ts does): the buttons are numbered as in a chat without the welcome card. */
const EXAMPLE_LINES = ['start lab', '2', `3 subscriptionId=${LAB_NAMES.subscriptionId} namespace=${LAB_PARAMETERS.namespace} postfix=${LAB_PARAMETERS.postfix}`];
const EXAMPLE = `printf '%s\\n' ${EXAMPLE_LINES.map((l) => `'${l}'`).join(' ')} | guardian chat --no-welcome`;

const USAGE = `Usage: guardian chat [--verbose] [--no-welcome] [--state <dir>] [--files <dir>] [--export-workshop <file>]

Talk to Baseline Guardian in the terminal, as in a Teams personal chat.
Type a message and press Enter; type the number of a button to click it. Buttons keep their numbers for the
whole chat, so those of earlier answers still work (a card the bot has replaced loses its buttons, as in Teams).
A button on a card with fields asks for each field (Enter keeps the value shown; a choice takes its number, its
title or a word of it, "network" for Network Security; "cancel" leaves the button unclicked), or takes them on
one line after its number, by the names in [brackets]. For example, "Set parameters" on the lab overview card,
then "Save parameters" with the built-in sample's lab parameters:
  ${EXAMPLE}
"exit" or Ctrl-D quits. Lines can be piped in: echo "help" | guardian chat

Options:
  --verbose        show the bot's logs (on stderr)
  --no-welcome     do not show the welcome card first
  --state <dir>    keep the chat in this folder, to continue it in a later run with the same --state
                   (default: in memory, gone when the chat ends)
  --files <dir>    where files the bot sends are saved (default: the current folder)
  --export-workshop <file>
                   when the chat ends, write its workshop as JSON, for guardian baseline --from <file>`;


/** Settings that only a registered bot (with its token check) may use. */
const LOCAL_ONLY_SETTINGS = ['BOT_ID', 'BOT_PASSWORD', 'BOT_TYPE', 'BOT_TENANT_ID', 'GUARDIAN_AUTH_MODE', 'GUARDIAN_ALLOWED_SCOPES', 'OAUTH_CONNECTION_NAME'] as const;
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'Chat with the bot in the terminal (no Teams needed).',
  usage: USAGE,
  run: runChat,
};

async function runChat(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const options = parseCliOptions(
    'chat',
    args,
    {
      verbose: { type: 'boolean' },
      'no-welcome': { type: 'boolean' },
      state: { type: 'string', value: 'a folder' },
      files: { type: 'string', value: 'a folder' },
      'export-workshop': { type: 'string', value: 'a file' },
    },
    false,
  );
  // Local mode always (no token check), so the sample environment only: the bot registration, user sign-in and
  // real-Azure scopes of the environment do not apply here (`guardian scan` is the way to scan a real workspace).
  const ignored = LOCAL_ONLY_SETTINGS.filter((name) => (io.env[name] ?? '').trim() !== '');
  if (ignored.length > 0) io.stderr.write(`guardian chat runs in local mode on the sample environment; ignoring ${ignored.join(', ')}.\n`);
  const loaded = loadCliConfig(io, { ...io.env, ...Object.fromEntries(LOCAL_ONLY_SETTINGS.map((name) => [name, ''])) });
  if (loaded === undefined) return 2;
  // Local mode always: the connector stand-in neither sends nor checks tokens, and the port is any free one.
  const config: Config = { ...loaded, port: 0, bot: { id: '', password: '', type: 'MultiTenant', tenantId: '' } };
  const logger = createLogger({
    level: options.values.verbose === true ? config.logLevel : 'error',
    destination: { write: (s: string) => void io.stderr.write(s) },
  });

  // Loaded on use: the server pulls in restify and the bot SDK, which `guardian --help` does not need.
  const { startServer } = await import('../index.js');
  const stateDir = stringOption(options, 'state');
  const store = chatStore(config, stateDir);
  const cwd = process.cwd();
  const connector = await LocalConnector.start('127.0.0.1');
  let server: RunningServer | undefined;
  let session: ChatSession | undefined;
  try {
    server = await startServer({ config, logger, store, host: '127.0.0.1', port: 0 });
    const conversation = await chatConversation(store, stateDir !== undefined, Intl.DateTimeFormat().resolvedOptions().timeZone);
    const client = new LocalBotClient(server.url, connector.serviceUrl, conversation);
    const files = createChatFiles(store, path.resolve(cwd, stringOption(options, 'files') ?? '.'));
    ignoreBrokenPipe(io.stdout);
    // Colour only where a person reads it (a TTY that allows it); wrap at the terminal's width.
    const columns = 'columns' in io.stdout ? io.stdout.columns : undefined;
    const style = { color: useColor(io), ...(typeof columns === 'number' ? { width: columns } : {}) };
    session = new ChatSession(client, connector, (text) => void io.stdout.write(text), { files, cwd, style });
    if (options.values['no-welcome'] !== true) await session.open();
    const interactive = 'isTTY' in io.stdin && io.stdin.isTTY === true;
    const lines = readline.createInterface({ input: io.stdin, terminal: false });
    if (interactive) io.stdout.write(session.prompt());
    for await (const line of lines) {
      if (/^(exit|quit)$/i.test(line.trim())) break;
      await session.say(line);
      if (interactive) io.stdout.write(session.prompt());
    }
    lines.close();
    const exportTo = stringOption(options, 'export-workshop');
    if (exportTo !== undefined) await exportWorkshop(store, client.conversation.id, path.resolve(cwd, exportTo), io);
    return 0;
  } finally {
    session?.close();
    await server?.close();
    await connector.close();
    await store.close();
  }
}

/** In memory by default; a SQLite file in `dir` with --state (never the server's configured store). */
function chatStore(config: Config, dir: string | undefined): GuardianStore {
  return dir === undefined ? createStore({ ...config.state, store: 'memory' }) : createStore({ ...config.state, store: 'sqlite', dir: path.resolve(dir) });
}
