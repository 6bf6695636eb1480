/**
 * The pipeline path as a pipeline runs it: the built bin/guardian.js in a child process, scanning the sample
 * environment with an exceptions file (accepted, expired, malformed), and exporting the bot's stored exceptions
 * in the same format.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseExceptionsFile, renderExceptionsFile } from '../../src/exceptions/file-format';
import { dayAfter } from '../../src/exceptions/model';
import { ExceptionRepository } from '../../src/exceptions/repository';
import { SqliteGuardianStore } from '../../src/storage/sqlite-store';
import { sarifSchemaErrors } from '../support/sarif-schema';

const BIN = path.join(__dirname, '..', '..', 'bin', 'guardian.js');

interface JsonFinding {
  checkId: string;
  resourceId: string;
  status: string;
  severity: string;
  exception?: { id: string; owner: string; expires: string };
}

function guardian(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const env = { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), GUARDIAN_STORE: 'memory', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('guardian scan --sample --exceptions (built CLI)', () => {
  let dir: string;
  let workspaceId: string;
  let failing: JsonFinding[];
  const today = new Date();

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-exceptions-e2e-'));
    const first = guardian(['scan', '--sample', '--format', 'json']);
    expect(first.code).toBe(0);
    const json = JSON.parse(first.stdout) as { workspace: { id: string }; findings: JsonFinding[] };
    workspaceId = json.workspace.id;
    // Two failed findings of different checks: one to accept, one whose exception has expired.
    failing = json.findings.filter((f, i, all) => f.status === 'fail' && all.findIndex((g) => g.checkId === f.checkId) === i).slice(0, 2);
    expect(failing).toHaveLength(2);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the covered finding as accepted in SARIF suppressions, warns about the expired entry, and --fail-on ignores it', () => {
    const [accept, lapse] = failing as [JsonFinding, JsonFinding];
    const file = path.join(dir, 'exceptions.yml');
    fs.writeFileSync(
      file,
      [
        'exceptions:',
        `  - check: ${accept.checkId}`,
        `    resource: ${accept.resourceId}`,
        '    reason: partner network needs the studio',
        '    owner: jane@contoso.com',
        `    expires: ${dayAfter(today, 30)}`,
        `  - id: old-one`,
        `    check: ${lapse.checkId}`,
        `    resource: ${lapse.resourceId}`,
        '    reason: migration window',
        '    owner: sam@contoso.com',
        `    expires: ${dayAfter(today, -2)}`,
        '',
      ].join('\n'),
    );
    const sarif = guardian(['scan', '--sample', '--format', 'sarif', '--exceptions', file]);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { logicalLocations: { fullyQualifiedName: string }[] }[]; suppressions?: { kind: string; status: string; justification: string }[] }[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    const suppressed = log.runs[0]!.results.filter((r) => r.suppressions !== undefined);
    expect(suppressed.map((r) => [r.ruleId, r.locations[0]?.logicalLocations[0]?.fullyQualifiedName])).toEqual([[accept.checkId, accept.resourceId]]);
    expect(suppressed[0]?.suppressions).toEqual([expect.objectContaining({ kind: 'external', status: 'accepted', justification: 'partner network needs the studio' })]);
    expect(sarif.stderr).toContain(`Ignored expired exception old-one: ${lapse.checkId} on ${lapse.resourceId}`);

    // With every failed finding of the scan accepted, --fail-on low passes; without the file it fails.
    const all = JSON.parse(guardian(['scan', '--sample', '--format', 'json']).stdout) as { findings: JsonFinding[] };
    const everything = all.findings.filter((f) => f.status === 'fail');
    fs.writeFileSync(file, everything.map((f) => `  - { check: ${f.checkId}, resource: "${f.resourceId}", reason: accepted for the test, owner: jane, expires: ${dayAfter(today, 5)} }`).join('\n').replace(/^/, 'exceptions:\n'));
    expect(guardian(['scan', '--sample', '--fail-on', 'low']).code).toBe(1);
    const accepted = guardian(['scan', '--sample', '--fail-on', 'low', '--exceptions', file]);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toContain(`${everything.length} accepted risks`);
  });

  it('refuses a malformed file with exit 2, naming the field, and prints no report', () => {
    const file = path.join(dir, 'bad.yml');
    fs.writeFileSync(file, `exceptions:\n  - check: AML-NOPE-001\n    resource: ${workspaceId}\n    reason: r\n    owner: o\n    expires: ${dayAfter(today, 5)}\n`);
    const r = guardian(['scan', '--sample', '--format', 'json', '--exceptions', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('exceptions[0].check');
  });

  it("exports the bot's exceptions for the workspace in the format scan reads (chat and pipeline agree)", async () => {
    const [accept] = failing as [JsonFinding];
    const state = path.join(dir, 'state');
    fs.mkdirSync(state);
    const store = new SqliteGuardianStore({ dir: state });
    const repository = new ExceptionRepository(store);
    const entry = { id: 'exc-chat-1', checkId: accept.checkId, resource: workspaceId, reason: 'decided in the channel', owner: 'jane@contoso.com', expires: dayAfter(today, 60), createdBy: 'Jane Doe', createdAt: today.toISOString() };
    await repository.create({ entry, conversationId: '19:channel@thread.tacv2', workspace: { id: workspaceId, name: 'sample' }, state: 'active' });
    await repository.create({ entry: { ...entry, id: 'exc-other', resource: workspaceId.replace(/workspaces\/[^/]+$/, 'workspaces/another') }, conversationId: '19:channel@thread.tacv2', workspace: { id: 'another', name: 'another' }, state: 'active' });
    await store.close();

    const out = path.join(dir, 'exported.yml');
    const exported = guardian(['exceptions', 'export', '--workspace', workspaceId, '--state', state, '--output', out]);
    expect(exported.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(parseExceptionsFile(text, () => true)).toEqual([entry]);
    expect(text).toBe(renderExceptionsFile([entry]));

    const scan = guardian(['scan', '--sample', '--format', 'json', '--exceptions', out]);
    const json = JSON.parse(scan.stdout) as { findings: JsonFinding[] };
    expect(json.findings.filter((f) => f.checkId === accept.checkId && f.status === 'accepted').map((f) => f.exception?.id)).toContain('exc-chat-1');
  });
});
