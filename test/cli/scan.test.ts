import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { ScanError } from '../../src/scan/scan-service';
import { summarySentence, verdictSentence } from '../../src/report/wording';
import { sarifSchemaErrors } from '../support/sarif-schema';
import { fullMatrix, reportOf, smallReport, WORKSPACE_ID } from '../support/report-fixtures';
import { fakeIO, scanCommandWith } from './scan-cli-support';

const { report, checks } = smallReport();

async function run(args: string[], result = report as Parameters<typeof scanCommandWith>[0], env: Record<string, string> = {}) {
  const wired = scanCommandWith(result, checks);
  const io = fakeIO(env);
  const code = await runCli(['scan', ...args], io, [wired.command]);
  return { code, io, ...wired };
}

describe('guardian scan', () => {
  it('--format json writes the report alone on stdout and logs on stderr', async () => {
    const { code, io, requests, opened } = await run([WORKSPACE_ID, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(io.stdout.text) as { workspace: { id: string }; findings: unknown[]; summary: Record<string, number> };
    expect(json.workspace.id).toBe(WORKSPACE_ID);
    expect(json.findings).toHaveLength(report.findings.length);
    expect(json.summary).toEqual({ pass: 3, fail: 2, error: 1, not_applicable: 1, manual: 1, accepted: 0 });
    expect(io.stderr.text).toContain(summarySentence(report));
    expect(requests[0]).toMatchObject({ target: WORKSPACE_ID, selection: { kind: 'all' } });
    expect(opened).toEqual({ sample: [false], closed: 1 });
  });

  it('--format sarif is valid SARIF 2.1.0', async () => {
    const matrix = fullMatrix();
    const { code, io } = await run([WORKSPACE_ID, '--format', 'sarif'], matrix.report);
    expect(code).toBe(0);
    expect(sarifSchemaErrors(JSON.parse(io.stdout.text))).toEqual([]);
  });

  it('--format markdown says the same sentences as the cards', async () => {
    const { io } = await run([WORKSPACE_ID, '--format', 'markdown']);
    const readable = io.stdout.text.replace(/\\(.)/g, '$1');
    expect(readable).toContain(summarySentence(report));
    expect(readable).toContain(verdictSentence(report));
  });

  it('table is the default, without colour codes when stdout is not a terminal', async () => {
    const { code, io } = await run(['ws-prod']);
    expect(code).toBe(0);
    expect(io.stdout.text).toContain('Baseline Guardian: ws-prod');
    expect(io.stdout.text).not.toContain('\u001b[');
  });

  it.each([
    ['high', 1],
    ['critical', 1],
    ['low', 1],
  ] as const)('--fail-on %s exits %d when a failed finding reaches it', async (level, expected) => {
    expect((await run([WORKSPACE_ID, '--fail-on', level])).code).toBe(expected);
  });

  it('--fail-on exits 0 when no failed finding reaches the threshold, and by default', async () => {
    const onlyHigh = reportOf(report.findings.filter((f) => f.severity !== 'critical'));
    expect((await run([WORKSPACE_ID, '--fail-on', 'critical'], onlyHigh)).code).toBe(0);
    expect((await run([WORKSPACE_ID])).code).toBe(0);
    // Not-assessed results never fail the run: they are not failures.
    const onlyErrors = reportOf(report.findings.filter((f) => f.status === 'error'));
    expect((await run([WORKSPACE_ID, '--fail-on', 'low'], onlyErrors)).code).toBe(0);
  });

  it.each([
    [['--format', 'xml', WORKSPACE_ID]],
    [['--fail-on', 'severe', WORKSPACE_ID]],
    [[]],
    [['a', 'b']],
    [['--bogus', WORKSPACE_ID]],
    [['--sample', WORKSPACE_ID]],
  ])('exits 2 on a usage error: %j', async (args) => {
    const { code, io, requests } = await run(args);
    expect(code).toBe(2);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toContain('Usage: guardian scan');
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['auth', 'No Azure credential: run "az login".'],
    ['usage', 'That is not a workspace.'],
    ['forbidden', 'Outside the allowed scopes.'],
  ] as const)('exits 2 when the scan service refuses (%s) and says why on stderr', async (kind, text) => {
    const { code, io, opened } = await run([WORKSPACE_ID, '--format', 'json'], new ScanError(kind, text));
    expect(code).toBe(2);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toContain(text);
    expect(opened.closed).toBe(1);
  });

  it('exits 2 on a configuration error', async () => {
    const { code, io } = await run([WORKSPACE_ID], report, { LOG_LEVEL: 'loud' });
    expect(code).toBe(2);
    expect(io.stderr.text).toContain('LOG_LEVEL');
  });

  it('--sample and "sample:<name>" use the sample environment', async () => {
    const a = await run(['--sample']);
    expect(a.opened.sample).toEqual([true]);
    expect(a.requests[0]!.target).toBe('sample');
    const b = await run(['sample:hardened', '--format', 'json']);
    expect(b.opened.sample).toEqual([true]);
    expect(b.requests[0]!.target).toBe('sample:hardened');
  });

  it('--output writes the report to a file and leaves stdout empty', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-scan-'));
    const file = path.join(dir, 'report.sarif');
    try {
      const { code, io } = await run([WORKSPACE_ID, '--format', 'sarif', '--output', file]);
      expect(code).toBe(0);
      expect(io.stdout.text).toBe('');
      expect(sarifSchemaErrors(JSON.parse(fs.readFileSync(file, 'utf8')))).toEqual([]);
      expect(fs.readdirSync(dir)).toEqual(['report.sarif']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--sarif-artifact is a path inside the repository: relative ones are used, absolute paths, URIs and ".." refused', async () => {
    const ok = await run([WORKSPACE_ID, '--format', 'sarif', '--sarif-artifact', '.\\infra\\aml\\workspace.bicep'], fullMatrix().report);
    expect(ok.code).toBe(0);
    const uris = [...ok.io.stdout.text.matchAll(/"uri": ?"([^"]+)"/g)].map((m) => m[1]);
    expect(uris.length).toBeGreaterThan(0);
    expect(new Set(uris)).toEqual(new Set(['infra/aml/workspace.bicep']));
    for (const [bad, says] of [
      ['/home/me/repo/main.bicep', 'not an absolute path or URI'],
      ['C:\\repo\\main.bicep', 'not an absolute path or URI'],
      ['file:///repo/main.bicep', 'not an absolute path or URI'],
      ['infra/../../etc/passwd', 'climbs out of it with ".."'],
    ] as const) {
      const refused = await run([WORKSPACE_ID, '--format', 'sarif', `--sarif-artifact=${bad}`]);
      expect(refused.code).toBe(2);
      expect(refused.io.stderr.text).toContain(says);
      expect(refused.requests).toEqual([]);
    }
  });
});
