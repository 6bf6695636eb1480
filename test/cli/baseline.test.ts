import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { baselineCommand } from '../../src/cli/baseline';
import type { CliIO } from '../../src/cli/command';
import type { WorkshopRecord } from '../../src/knowledge/workshop-record';

function io(): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { io: { stdout, stderr, stdin: Readable.from([]), env: {} }, out: () => out, err: () => err };
}

const dir = mkdtempSync(join(tmpdir(), 'baseline-cli-'));
const workshop: WorkshopRecord = {
  version: 1, conversationId: 'c', status: 'done', categories: ['data-protection'], questionIds: ['DP-01'], index: 1,
  answers: { 'DP-01': [{ userId: 'u', userName: 'Grace', text: 'Purview labels', covered: ['x'], missed: [], at: '2026-01-01T00:00:00Z' }] },
  skipped: [], startedBy: 'u', startedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('guardian baseline', () => {
  it('with no inputs prints the reference baseline', async () => {
    const t = io();
    expect(await runCli(['baseline'], t.io, [baselineCommand])).toBe(0);
    expect(t.out()).toMatch(/^# Azure Machine Learning security baseline/);
    expect(t.out()).toContain('### BR-02');
  });

  it('--from a workshop state (also wrapped as a stored item) and --report, to --output', async () => {
    const from = join(dir, 'state.json');
    writeFileSync(from, JSON.stringify({ value: workshop, eTag: '1' }));
    const reportFile = join(dir, 'scan.json');
    writeFileSync(reportFile, JSON.stringify({ workspace: { id: '/x', name: 'ws-a' }, scannedAt: 'now', checkSetVersion: '1', summary: {}, findings: [] }));
    const output = join(dir, 'out.md');
    const t = io();
    expect(await runCli(['baseline', '--from', from, `--report=${reportFile}`, '--output', output], t.io, [baselineCommand])).toBe(0);
    expect(t.out()).toBe('');
    const doc = readFileSync(output, 'utf8');
    expect(doc).toContain('**Grace**: Purview labels');
    expect(doc).toContain('Scan: ws-a');
  });

  it('exits 2 on bad arguments and bad files', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"not":"a state"}');
    for (const args of [['--from'], ['--from', bad], ['--report', join(dir, 'missing.json')], ['--what']]) {
      const t = io();
      expect(await runCli(['baseline', ...args], t.io, [baselineCommand])).toBe(2);
      expect(t.err()).toContain('guardian baseline:');
    }
  });

  it('--help says where the --from JSON comes from (guardian chat --export-workshop), with an example pipeline', async () => {
    const t = io();
    expect(await runCli(['baseline', '--help'], t.io, [baselineCommand])).toBe(0);
    expect(t.out()).toContain('guardian chat --export-workshop <file>');
    expect(t.out()).toContain('guardian baseline --from workshop.json --report scan.json');
    expect(t.out()).not.toContain('workshop/<conversationId>');
  });
});
