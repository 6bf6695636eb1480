import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { createScanCommand, type OpenedScanService } from '../../src/cli/scan';
import { renderExceptionsFile } from '../../src/exceptions/file-format';
import type { ScanService } from '../../src/scan/scan-service';
import { entryOf } from '../exceptions/support';
import { smallReport, VAULT_ID, WORKSPACE_ID } from '../support/report-fixtures';
import { fakeIO } from './scan-cli-support';

const { report, checks } = smallReport();
const [net, vault] = checks;
const NOW = new Date('2026-12-07T12:00:00.000Z');

function wired() {
  let scans = 0;
  const service: ScanService = {
    scan: () => ((scans += 1), Promise.resolve(report)),
    resolve: () => Promise.reject(new Error('not used')),
    listWorkspaces: () => Promise.resolve([]),
  };
  const command = createScanCommand({ checks, now: () => NOW, openScanService: (): Promise<OpenedScanService> => Promise.resolve({ scanService: service, close: () => Promise.resolve() }) });
  return { command, scans: () => scans };
}

describe('guardian scan --exceptions', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-exceptions-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function file(text: string): string {
    const at = path.join(dir, 'exceptions.yml');
    fs.writeFileSync(at, text);
    return at;
  }

  it('reports a covered failed finding as accepted, names an expired entry on stderr, and --fail-on ignores what is accepted', async () => {
    const accepted = entryOf({ checkId: vault!.id, resource: VAULT_ID });
    const expired = entryOf({ checkId: net!.id, resource: WORKSPACE_ID, expires: '2026-12-01' });
    const { command } = wired();
    const io = fakeIO();
    const code = await runCli(['scan', WORKSPACE_ID, '--format', 'json', '--fail-on', 'critical', '--exceptions', file(renderExceptionsFile([accepted, expired]))], io, [command]);
    const json = JSON.parse(io.stdout.text) as { findings: { checkId: string; status: string }[] };
    expect(json.findings.find((f) => f.checkId === vault!.id)?.status).toBe('accepted');
    expect(json.findings.find((f) => f.checkId === net!.id)?.status).toBe('fail');
    expect(io.stderr.text).toContain(`Ignored expired exception ${expired.id}: ${net!.id} on ${WORKSPACE_ID} expired 2026-12-01.`);
    // The only critical failure is accepted; the high one is not critical.
    expect(code).toBe(0);
  });

  it('refuses a malformed file with exit 2, naming the field, before scanning', async () => {
    const { command, scans } = wired();
    const io = fakeIO();
    const code = await runCli(['scan', WORKSPACE_ID, '--exceptions', file(`exceptions:\n  - { check: ${net!.id}, resource: "${WORKSPACE_ID}", reason: "", owner: o, expires: 2027-03-01 }\n`)], io, [command]);
    expect(code).toBe(2);
    expect(io.stderr.text).toContain('exceptions[0].reason');
    expect(io.stdout.text).toBe('');
    expect(scans()).toBe(0);
  });

  it('refuses a file it cannot read with exit 2', async () => {
    const { command } = wired();
    const io = fakeIO();
    expect(await runCli(['scan', WORKSPACE_ID, '--exceptions', path.join(dir, 'missing.yml')], io, [command])).toBe(2);
    expect(io.stderr.text).toContain('Cannot read the exceptions file');
  });
});
