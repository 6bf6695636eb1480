/**
 * `guardian chat` end to end: the real CLI entry with piped stdin, the server in-process, replies on stdout.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { commands } from '../../src/cli/command-list';
import type { CliIO } from '../../src/cli/command';
import { renderCard } from '../../src/cli/chat-render';
import { buildWelcomeCard } from '../../src/dialogs/welcome';
import { createStore } from '../../src/storage/create-store';

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
  expect(bad.err()).toMatch(/Unknown option --bogus for chat\. The options are --verbose, --no-welcome, --state, --files and --export-workshop\./);
});

test('guardian chat: welcome card, "help", then a click on button 4 of the welcome card', async () => {
  const session = io(['help', 'exit']);
  expect(await runCli(['chat'], session.io, commands)).toBe(0);
  const out = session.out();
  expect(out).toMatch(/Hi, I am Baseline Guardian/);
  expect(out).toMatch(/\[1\] Start the workshop {2}\[2\] Scan the sample {2}\[3\] Start the lab {2}\[4\] Help/);
  expect(out).toMatch(/What I can do[\s\S]*- scan sample: /);

  const clicked = io(['4']);
  expect(await runCli(['chat'], clicked.io, commands)).toBe(0);
  // The welcome card, then the help card that button 4 asked for.
  expect(clicked.out().indexOf('What I can do')).toBeGreaterThan(clicked.out().indexOf('Hi, I am Baseline Guardian'));
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
  expect(second.buttons[0]).toEqual({ kind: 'execute', title: 'Re-check', verb: 'scan.recheck', data: { id: 1 }, inputs: [], carried: [] });
});

/**
 * A chat driven line by line: each line is written only once the bot has answered the one before, so that the
 * test can read the button numbers off the latest answer, as a person does.
 */
function liveChat(args: string[], env: Record<string, string> = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = runCli(['chat', '--no-welcome', ...args], { stdout, stderr, stdin, env: { GUARDIAN_STORE: 'memory', ...env } }, commands);
  /** Output after `from` until it matches `until`. */
  const waitFor = async (from: number, until: RegExp): Promise<string> => {
    const started = Date.now();
    for (;;) {
      const seen = out.slice(from);
      if (until.test(seen)) return seen;
      // A readable failure instead of jest's timeout (this is not a timing assertion).
      if (Date.now() - started > 30_000) throw new Error(`no ${String(until)} in the chat output:\n${seen}\n--- stderr:\n${err}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 1000);
      });
    }
  };
  return {
    /** Types a line and returns what the chat printed until `until` matched. */
    async type(line: string, until: RegExp): Promise<string> {
      const from = out.length;
      stdin.write(`${line}\n`);
      return waitFor(from, until);
    },
    /** The number of the button titled `title` in `text` (the latest answer). */
    button(text: string, title: string): string {
      const all = [...text.matchAll(/\[(\d+)\] ([^[\n]+?)(?= {2}\[|\n|$)/g)].filter((m) => m[2] === title);
      if (all.length === 0) throw new Error(`no button "${title}" in:\n${text}`);
      return all.at(-1)![1]!;
    },
    async end(): Promise<{ code: number; out: string; err: string }> {
      stdin.end();
      const code = await exit;
      return { code, out, err };
    },
  };
}

describe('guardian chat fills card inputs (review item 3)', () => {
  test('lab: "Set parameters" → "Find my workspace" asks only the workspace, then exercise 3 validates against it', async () => {
    const chat = liveChat([]);
    let seen = await chat.type('start lab', /\[\d+\] Set parameters/);
    seen = await chat.type(chat.button(seen, 'Set parameters'), /\[\d+\] Or let me find my deployed workspace/);
    expect(seen).toContain('▸ location (text): eastus');
    seen = await chat.type(chat.button(seen, 'Or let me find my deployed workspace'), /\[\d+\] Find my workspace/);
    expect(seen).toContain('▸ Workspace name or resource id [workspace] (text)');
    expect(seen).not.toContain('not supported in chat');
    // One field: the workspace; the form's values go along as they stand.
    seen = await chat.type(chat.button(seen, 'Find my workspace'), /Workspace name or resource id/);
    expect(seen).toContain('one field');
    expect(seen).not.toContain('Subscription id');
    seen = await chat.type('mlw-mlopsv2-0001prod', /\[\d+\] Done/);
    expect(seen).toContain('Found workspace mlw-mlopsv2-0001prod in rg-mlopsv2-0001prod');
    seen = await chat.type(chat.button(seen, 'Done'), /Exercise 2 of 12[\s\S]*\[\d+\] Done/);
    seen = await chat.type(chat.button(seen, 'Done'), /Exercise 3 of 12[\s\S]*\[\d+\] Validate/);
    // Copyable commands print as typed: no Markdown backslash escapes (item 13, the chat side).
    expect(seen).not.toMatch(/\\[{}<>_$]/);
    seen = await chat.type(chat.button(seen, 'Validate'), /\[\d+\] Done/);
    expect(seen).toContain('is more than the deployment needs');
    const { code, err } = await chat.end();
    expect(code).toBe(0);
    expect(err).toBe('');
  });

  test('"N key=value" fills a multi-select on one line; a wrong field or choice is explained and nothing is sent', async () => {
    const chat = liveChat([]);
    const seen = await chat.type('start workshop', /\[\d+\] Start with these/);
    expect(seen).toContain('▸ Categories (choose any of 8)');
    const start = chat.button(seen, 'Start with these');
    expect(await chat.type(`${start} colour=blue`, /\n/)).toContain('(no field "colour" for "Start with these"; its fields are categories)');
    expect(await chat.type(`${start} categories=1,9`, /\n/)).toContain('(categories: "9" is not one of the choices: type a number from 1 to 8, or a title or a word of it.)');
    const started = await chat.type(`${start} categories=1,privileged-access`, /Question 1 of/);
    expect(started).toContain('Starting the workshop: 11 prompts (Network Security, Privileged Access)');
    expect(started).not.toContain('**');
    expect((await chat.end()).code).toBe(0);
  });

  test('"Which workspace?": the choice is asked with numbered choices; a wrong number is asked again', async () => {
    const chat = liveChat([]);
    let seen = await chat.type('scan', /\[\d+\] Scan/);
    seen = await chat.type(chat.button(seen, 'Scan'), /type the number \(or title\) of your choice/);
    expect(seen).toMatch(/ {4}2\. mlw-guardian-hardened/);
    expect(await chat.type('7', /type the number/)).toContain('"7" is not one of the choices: type a number from 1 to 3, or a title or a word of it. Or type "cancel".');
    seen = await chat.type('2', /Security baseline scan[\s\S]*Results below/);
    expect(seen).toContain('mlw-guardian-hardened');
    // Bars as proportional text, not rows of line glyphs.
    expect(seen).toMatch(/^ *[█▓▒░]{20}$/m);
    expect(seen).not.toContain('━');
    // One print of the scan: its summary, not the progress card's versions before it.
    expect(seen.match(/Security baseline scan/g)).toHaveLength(1);
    expect(seen).not.toMatch(/\d+\/\d+ reads/);
    expect((await chat.end()).code).toBe(0);
  });
});

describe('guardian chat keeps its own state and saves offered files (review items 10, 11)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-chat-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('"my baseline" writes the document in --files, never over an existing file, and prints the path', async () => {
    const files = path.join(dir, 'out');
    const chat = liveChat(['--files', files], { GUARDIAN_STORE: 'sqlite', GUARDIAN_STATE_DIR: path.join(dir, 'server-state') });
    await chat.type('scan sample', /Security baseline scan/);
    const first = await chat.type('my baseline', /file saved: /);
    const second = await chat.type('my baseline', /file saved: .*-1\.md/);
    const { code } = await chat.end();
    expect(code).toBe(0);
    const written = fs.readdirSync(files).sort();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^aml-security-baseline-mlw-mlopsv2-0001prod-\d{4}-\d{2}-\d{2}-1\.md$/);
    expect(first).toContain(path.join(files, written[1]!));
    expect(second).toContain(path.join(files, written[0]!));
    const document = fs.readFileSync(path.join(files, written[1]!), 'utf8');
    expect(document).toContain('**Current findings — Network Security**');
    // In memory by default: the configured (server's) store was never opened by the chat.
    expect(fs.existsSync(path.join(dir, 'server-state'))).toBe(false);
  });

  test('--state keeps the chat in its own SQLite folder, with no file offer left behind', async () => {
    const state = path.join(dir, 'chat-state');
    const chat = liveChat(['--state', state, '--files', dir]);
    await chat.type('my baseline', /file saved: /);
    expect((await chat.end()).code).toBe(0);
    const store = createStore({ store: 'sqlite', dir: state, blobConnectionString: '', blobAccountUrl: '', blobContainer: '' });
    try {
      expect(await store.list('file-consent/')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('a second chat with the same --state continues the conversation: its workshop and watches are still there', async () => {
    const state = path.join(dir, 'chat-state');
    const first = liveChat(['--state', state]);
    const card = await first.type('start workshop', /\[\d+\] Start with these/);
    await first.type(first.button(card, 'Start with these'), /type the numbers \(or titles\)/);
    await first.type('network', /Question 1 of/);
    await first.type('ExpressRoute and private endpoints', /Question 2 of/);
    await first.type('watch sample daily', /Now watching/);
    expect((await first.end()).code).toBe(0);

    const second = liveChat(['--state', state]);
    await second.type('watches', /This conversation (watches|does not watch)/);
    const status = await second.type('workshop status', /workshop/i);
    const { out } = await second.end();
    expect(out).toContain('This conversation watches 1 workspace');
    expect(status).not.toMatch(/no workshop/i);
    expect(status).toMatch(/1 of \d+|answered/i);
  });
});

describe('guardian chat, second review (items 6, 9, 10, 16)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-chat2-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('"Start with these": "skip" is explained, "cancel" frees the chat, "network" picks Network Security; the workshop exports for guardian baseline', async () => {
    const exported = path.join(dir, 'workshop.json');
    const chat = liveChat(['--export-workshop', exported]);
    const card = await chat.type('start workshop', /\[\d+\] Start with these/);
    const start = chat.button(card, 'Start with these');
    await chat.type(start, /type the numbers \(or titles\)/);
    expect(await chat.type('skip', /Or type "cancel"/)).toContain('"skip" is not one of the choices');
    expect(await chat.type('cancel', /cancelled/)).toContain('(cancelled: "Start with these" was not clicked)');
    // The next line is a message again, not an answer to the field.
    expect(await chat.type('help', /What I can do/)).not.toContain('not one of the choices');
    // The workshop card's button still works after another answer came in between.
    await chat.type(start, /type the numbers \(or titles\)/);
    const started = await chat.type('network', /Question 1 of/);
    expect(started).toContain('(Network Security)');
    await chat.type('We turn off public network access and use a managed virtual network with private endpoints. Our old script used AccountKey=abcdefSECRET123;', /\n/);
    const { code, err } = await chat.end();
    expect(code).toBe(0);
    expect(err).toContain(`Wrote the workshop to ${exported}`);
    const record = JSON.parse(fs.readFileSync(exported, 'utf8')) as { categories: string[] };
    expect(record.categories).toEqual(['network-security']);
    // An answer is redacted in the file, as in chat and the baseline document: the file goes into repositories.
    expect(fs.readFileSync(exported, 'utf8')).not.toContain('abcdefSECRET123');

    const baseline = io([]);
    expect(await runCli(['baseline', '--from', exported], baseline.io, commands)).toBe(0);
    expect(baseline.out()).toContain('managed virtual network with private endpoints');
  });

  test('"Which workspace?" → Scan: the choice card is replaced (no second scan from it); a resource group id is one clear sentence', async () => {
    const chat = liveChat([]);
    const choice = await chat.type('scan', /\[\d+\] Scan/);
    const scan = chat.button(choice, 'Scan');
    await chat.type(scan, /type the number \(or title\)/);
    const scanned = await chat.type('hardened', /replaced the card you clicked[\s\S]*Results below/);
    expect(scanned).toContain('Security baseline scan');
    expect(scanned).toMatch(/Security baseline scan[\s\S]*\(the bot replaced the card you clicked\)\nbot> Scanning mlw-guardian-hardened…\n {5}Results below\./);
    expect(await chat.type(scan, /\n/)).toContain(`(button ${scan} is gone`);
    const rg = await chat.type('scan /subscriptions/1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001/resourceGroups/rg-guardian-hardened', /resource group/);
    expect(rg).toContain('That is a resource group, not a workspace: name a workspace in it');
    expect(rg).not.toContain('That is not a workspace I can scan');
    expect((await chat.end()).code).toBe(0);
  });

  test('--export-workshop with no workshop says so and writes nothing', async () => {
    const exported = path.join(dir, 'none.json');
    const chat = liveChat(['--export-workshop', exported]);
    await chat.type('help', /What I can do/);
    const { code, err } = await chat.end();
    expect(code).toBe(0);
    expect(err).toContain('No workshop in this chat');
    expect(fs.existsSync(exported)).toBe(false);
  });
});

test('guardian chat ignores registered-bot and real-Azure settings (local mode: the sample only) and says so', async () => {
  const env = {
    GUARDIAN_STORE: 'memory',
    BOT_ID: '00000000-0000-4000-8000-000000000001',
    GUARDIAN_ALLOWED_SCOPES: '/subscriptions/3f2c8a1e-5b7d-4c9e-a1f0-6d2b8e4c7a90',
  };
  const session = io(['help', 'exit'], env);
  expect(await runCli(['chat', '--no-welcome'], session.io, commands)).toBe(0);
  expect(session.err()).toContain('ignoring BOT_ID, GUARDIAN_ALLOWED_SCOPES');
  expect(session.out()).toMatch(/What I can do/);
});

test('guardian chat refuses a real workspace with what its own user can do, never with a setting chat ignores', async () => {
  const workspace = '/subscriptions/3f2c8a1e-5b7d-4c9e-a1f0-6d2b8e4c7a90/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod';
  const session = io([`scan ${workspace}`, `watch ${workspace}`, 'exit']);
  expect(await runCli(['chat', '--no-welcome'], session.io, commands)).toBe(0);
  const refusals = session.out().split('\n').filter((line) => line.includes('scans only the sample environment'));
  // Both the scan and the watch are refused the same way.
  expect(refusals.length).toBeGreaterThanOrEqual(2);
  expect(session.out()).toMatch(/guardian scan <workspace id>/);
  expect(session.out()).not.toMatch(/can allow subscriptions or resource groups with GUARDIAN_ALLOWED_SCOPES|administrator of the bot/);
});
