import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { askCommand, askHumanText } from '../../src/cli/ask';
import { checkById } from '../../src/checks/registry';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { readLabelledSet } from '../../bench/routing';
import type { CliIO } from '../../src/cli/command';

function io(stdinText = ''): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { io: { stdout, stderr, stdin: Readable.from([stdinText]), env: {} }, out: () => out, err: () => err };
}

describe('guardian ask', () => {
  it('--json prints the route with the answer', async () => {
    const t = io();
    expect(await runCli(['ask', 'which ports does azure ml need?', '--json'], t.io, [askCommand])).toBe(0);
    const json = JSON.parse(t.out()) as Record<string, unknown>;
    expect(json).toMatchObject({ intent: 'question', questionId: 'WVN-01' });
    expect(typeof json['confidence']).toBe('number');
    expect(json['answer']).toEqual(expect.stringContaining('44224'));
  });

  it('prints check requests with check and target, and answer null', async () => {
    const t = io();
    await runCli(['ask', '--json', 'check rbac on ws-prod'], t.io, [askCommand]);
    expect(JSON.parse(t.out())).toEqual({ intent: 'check', check: 'rbac', target: 'ws-prod', confidence: 0.9, answer: null });
  });

  it('prints a low-confidence match as "not sure" with the closest answers, never as an answer id', async () => {
    const t = io();
    await runCli(['ask', 'vnet'], t.io, [askCommand]);
    expect(t.out()).toMatch(/^Not sure what you mean/);
    expect(t.out()).not.toMatch(/^Question /m);
    expect(t.out()).toMatch(/^- [A-Za-z-]+-?\w*: /m);
  });

  it('never prints an answer id and "not sure" together, for any labelled message', () => {
    const router = createRouter(loadKnowledge());
    for (const { text } of readLabelledSet()) {
      const out = askHumanText(router.route(text));
      expect({ text, both: /^Question /.test(out) && /not sure/i.test(out) }).toEqual({ text, both: false });
    }
  });

  it('names the checks an answer relates to by title and MCSB controls, not by bare id', async () => {
    const t = io();
    await runCli(['ask', 'DP-02'], t.io, [askCommand]);
    const entry = loadKnowledge().answers.get('DP-02')!;
    const section = t.out().slice(t.out().indexOf('What to check in your workspace:'));
    for (const id of entry.checks) {
      const check = checkById(id)!;
      expect(section).toContain(`- ${check.title} (${id}) — MCSB ${check.mcsb.join(', ')}`);
      expect(section).not.toMatch(new RegExp(`^- ${id}$`, 'm'));
    }
  });

  it('prints human text without --json', async () => {
    const t = io();
    await runCli(['ask', 'scan', 'sample'], t.io, [askCommand]);
    expect(t.out()).toBe('Check request: all checks on sample\n');
  });

  it('--jsonl writes exactly one JSON line per input line, blank lines included', async () => {
    const t = io('help\n\nscan ws-prod\ntell me a joke\n   \nwhat is CMK\n');
    expect(await runCli(['ask', '--jsonl'], t.io, [askCommand])).toBe(0);
    const lines = t.out().trim().split('\n').map((l) => JSON.parse(l) as { intent: string; command?: string; questionId?: string; error?: string });
    expect(lines.map((l) => l.intent)).toEqual(['command', 'none', 'check', 'none', 'none', 'question']);
    expect(lines[0]!.command).toBe('help');
    expect(lines[1]!.error).toBeUndefined();
    expect(lines[5]!.questionId).toBe('customer-managed-keys');
    expect(t.err()).toBe('');
  });

  it('--jsonl refuses an over-size line like the bot does, and keeps the following lines aligned', async () => {
    const t = io(`${'scan ws-prod '.repeat(400)}\nscan ws-prod\n`);
    await runCli(['ask', '--jsonl'], t.io, [askCommand]);
    const lines = t.out().trim().split('\n').map((l) => JSON.parse(l) as { intent: string; error?: string; target?: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ intent: 'none', error: expect.stringContaining('too long') as string });
    expect(lines[1]).toMatchObject({ intent: 'check', target: 'ws-prod' });
  });

  it('removes zero-width and bidi characters before routing, as the bot does', async () => {
    const t = io('scan ws-\u200Bprod\n\u202Escan sample\n');
    await runCli(['ask', '--jsonl'], t.io, [askCommand]);
    const lines = t.out().trim().split('\n').map((l) => JSON.parse(l) as { target?: string });
    expect(lines.map((l) => l.target)).toEqual(['ws-prod', 'sample']);
  });

  it('refuses an over-size message given as an argument', async () => {
    const t = io();
    await runCli(['ask', '--json', 'x'.repeat(5000)], t.io, [askCommand]);
    expect(JSON.parse(t.out())).toMatchObject({ intent: 'none', error: expect.stringContaining('too long') as string });
  });

  it('exits 2 on usage errors', async () => {
    const none = io();
    expect(await runCli(['ask'], none.io, [askCommand])).toBe(2);
    expect(none.err()).toContain('Usage: guardian ask');
    const both = io();
    expect(await runCli(['ask', '--jsonl', 'hello'], both.io, [askCommand])).toBe(2);
    const unknown = io();
    expect(await runCli(['ask', '--yaml', 'hello'], unknown.io, [askCommand])).toBe(2);
  });
});
