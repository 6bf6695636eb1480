import { runCli } from '../../src/cli/main';
import { createChecksCommand } from '../../src/cli/checks';
import { allChecks } from '../../src/checks/registry';
import { fullMatrix } from '../support/report-fixtures';
import { fakeIO } from './scan-cli-support';

describe('guardian checks', () => {
  const { checks } = fullMatrix();
  const command = createChecksCommand({ checks, version: '9.9.9' });

  it('lists the catalog as a table', async () => {
    const io = fakeIO();
    expect(await runCli(['checks'], io, [command])).toBe(0);
    expect(io.stdout.text).toContain(checks[0]!.id);
    expect(io.stdout.text).toContain(`${checks.length} checks.`);
  });

  it('--json gives every check with its metadata', async () => {
    const io = fakeIO();
    expect(await runCli(['checks', '--json'], io, [command])).toBe(0);
    const json = JSON.parse(io.stdout.text) as { checkSetVersion: string; count: number; checks: Record<string, unknown>[] };
    expect(json.checkSetVersion).toBe('9.9.9');
    expect(json.count).toBe(checks.length);
    expect(Object.keys(json.checks[0]!)).toEqual(['id', 'title', 'category', 'severity', 'resourceType', 'mcsb', 'policyDefinitionId', 'workshopQuestions', 'areas', 'risk', 'remediation', 'since']);
  });

  it('exits 2 on an unknown option', async () => {
    const io = fakeIO();
    expect(await runCli(['checks', '--yaml'], io, [command])).toBe(2);
  });

  it('works over the real registry', async () => {
    const io = fakeIO();
    await createChecksCommand({ checks: allChecks, version: 'x' }).run(['--json'], io);
    expect((JSON.parse(io.stdout.text) as { count: number }).count).toBe(allChecks.length);
  });
});
