/**
 * `guardian chat` end to end: the real CLI entry with piped stdin, the server in-process, replies on stdout.
 */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { commands } from '../../src/cli/command-list';
import type { CliIO } from '../../src/cli/command';
import { renderCard } from '../../src/cli/chat-render';
import { buildWelcomeCard } from '../../src/dialogs/welcome';

function io(lines: string[], env: Record<string, string> = { GUARDIAN_STORE: 'memory' }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const value: CliIO = { stdout, stderr, stdin: Readable.from(lines.map((l) => `${l}\n`)), env };
  return { io: value, out: () => out, err: () => err };
}

test('guardian --help lists the commands, and an unknown command exits 2 with usage', async () => {
  const help = io([]);
  expect(await runCli(['--help'], help.io, commands)).toBe(0);
  expect(help.out()).toMatch(/Usage: guardian <command>/);
  expect(help.out()).toMatch(/\n {2}chat\s+Chat with the bot/);

  const unknown = io([]);
  expect(await runCli(['frobnicate'], unknown.io, commands)).toBe(2);
  expect(unknown.err()).toMatch(/unknown command "frobnicate"/);
  expect(unknown.err()).toMatch(/Usage: guardian/);
});

test('guardian chat --help prints the chat usage; a bad option is a usage error (exit 2)', async () => {
  const help = io([]);
  expect(await runCli(['chat', '--help'], help.io, commands)).toBe(0);
  expect(help.out()).toMatch(/Usage: guardian chat/);
  const bad = io([]);
  expect(await runCli(['chat', '--bogus'], bad.io, commands)).toBe(2);
  expect(bad.err()).toMatch(/Unknown option for chat: --bogus/);
});

test('guardian chat: welcome card, "help", then a click on button 4 of the welcome card', async () => {
  const session = io(['help', 'exit']);
  expect(await runCli(['chat'], session.io, commands)).toBe(0);
  const out = session.out();
  expect(out).toMatch(/HI, I AM BASELINE GUARDIAN/);
  expect(out).toMatch(/\[1\] Start the workshop {2}\[2\] Scan the sample {2}\[3\] Start the lab {2}\[4\] Help/);
  expect(out).toMatch(/WHAT I CAN DO[\s\S]*- scan sample: /);

  const clicked = io(['4']);
  expect(await runCli(['chat'], clicked.io, commands)).toBe(0);
  // The welcome card, then the help card that button 4 asked for.
  expect(clicked.out().indexOf('WHAT I CAN DO')).toBeGreaterThan(clicked.out().indexOf('HI, I AM BASELINE GUARDIAN'));
});

test('guardian chat reports configuration problems and exits 2', async () => {
  const session = io([], { PORT: 'nope', GUARDIAN_STORE: 'memory' });
  expect(await runCli(['chat'], session.io, commands)).toBe(2);
  expect(session.err()).toMatch(/PORT must be a whole number/);
});

test('renderCard numbers buttons across cards and reads facts, tables and open-url actions', () => {
  const first = renderCard(buildWelcomeCard());
  expect(first.buttons.map((b) => b.title)).toEqual(['Start the workshop', 'Scan the sample', 'Start the lab', 'Help']);
  const second = renderCard(
    {
      type: 'AdaptiveCard',
      body: [
        { type: 'Table', rows: [{ cells: [{ items: [{ type: 'TextBlock', text: 'AML-NET-001' }] }, { items: [{ type: 'TextBlock', text: 'fail' }] }] }] },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Re-check', verb: 'scan.recheck', data: { id: 1 } }] },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'Learn', url: 'https://learn.microsoft.com/' }],
    },
    first.buttons.length + 1,
  );
  expect(second.lines).toEqual(['| AML-NET-001 | fail |', '[5] Re-check', '[6] Learn']);
  expect(second.buttons[0]).toEqual({ kind: 'execute', title: 'Re-check', verb: 'scan.recheck', data: { id: 1 } });
});
