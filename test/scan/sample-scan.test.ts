import { ScanError } from '../../src/scan/scan-service';
import { HARDENED_NAMES, LAB_NAMES, SAMPLE_WORKSPACE_IDS, sampleIds } from '../../src/sample';
import { useSampleEnvironment } from '../support/sample-environment';

const sample = useSampleEnvironment();

describe('scan service over the sample environment', () => {
  test('"sample" scans lab-default and finds the insecure defaults', async () => {
    const progress: number[] = [];
    const report = await sample().scanService.scan({ target: 'sample', selection: { kind: 'all' }, onProgress: (p) => progress.push(p.done) });
    expect(report.workspace).toEqual({ id: SAMPLE_WORKSPACE_IDS['lab-default'], name: LAB_NAMES.workspace });
    expect(report.summary.fail).toBeGreaterThan(10);
    const statusOf = (id: string): string[] => report.findings.filter((f) => f.checkId === id).map((f) => f.status);
    expect(statusOf('AML-NET-001')).toContain('fail');
    expect(statusOf('AML-IDM-007')).toContain('fail');
    expect(progress[progress.length - 1]).toBe(29);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test('"sample:hardened" has no failures and no read errors', async () => {
    const report = await sample().scanService.scan({ target: 'sample:hardened', selection: { kind: 'all' } });
    expect(report.workspace.name).toBe(HARDENED_NAMES.workspace);
    const problems = report.findings.filter((f) => f.status === 'fail' || f.status === 'error');
    expect(problems.map((f) => `${f.checkId} ${f.status}: ${f.message}`)).toEqual([]);
    expect(report.summary.pass).toBeGreaterThan(30);
  });

  test('a re-scan sees a change made to the sample (Defender CSPM turned on)', async () => {
    const cspm = `/subscriptions/${LAB_NAMES.subscriptionId}/providers/Microsoft.Security/pricings/CloudPosture`;
    const before = await sample().scanService.scan({ target: 'sample', selection: { kind: 'checks', checkIds: ['AML-LT-006'] } });
    expect(before.findings.map((f) => f.status)).toEqual(['fail']);
    const original = sample().arm.getResource(cspm)!;
    sample().arm.patch(cspm, { pricingTier: 'Standard' });
    try {
      const after = await sample().scanService.scan({ target: 'sample', selection: { kind: 'checks', checkIds: ['AML-LT-006'] } });
      expect(after.findings.map((f) => f.status)).toEqual(['pass']);
    } finally {
      sample().arm.setResource(cspm, original);
    }
  });

  test('a workspace name resolves through Resource Graph', async () => {
    const report = await sample().scanService.scan({ target: HARDENED_NAMES.workspace, selection: { kind: 'area', area: 'defender' } });
    expect(report.workspace.id).toBe(SAMPLE_WORKSPACE_IDS.hardened);
  });

  test('unknown sample, malformed id and unknown name are ScanErrors', async () => {
    await expect(sample().scanService.scan({ target: 'sample:nope', selection: { kind: 'all' } })).rejects.toMatchObject({ name: 'ScanError', kind: 'usage' });
    const malformed: unknown = await sample().scanService.scan({ target: '/subscriptions/not-a-guid/resourceGroups/rg', selection: { kind: 'all' } }).catch((e: unknown) => e);
    expect(malformed).toMatchObject({ kind: 'usage' });
    expect((malformed as Error).message).toContain('not a subscription id');
    await expect(sample().scanService.scan({ target: 'mlw-does-not-exist', selection: { kind: 'all' } })).rejects.toMatchObject({ kind: 'not_found' });
    expect(sample().arm.requests.filter((r) => r.path.includes('/workspaces/'))).toEqual([]);
  });

  test('a workspace that does not exist gives ScanError not_found', async () => {
    const missing = `${sampleIds(LAB_NAMES).resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/mlw-gone`;
    const error: unknown = await sample().scanService.scan({ target: missing, selection: { kind: 'all' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanError);
    expect(error).toMatchObject({ kind: 'not_found' });
    // only the workspace itself was read: the rest was not attempted
    expect(sample().arm.requestCount).toBe(1);
  });

  test('snapshot() resolves and collects for the lab', async () => {
    const { resolution, snapshot } = await sample().scanService.snapshot('sample:hardened');
    expect(resolution.kind).toBe('found');
    expect(snapshot?.workspace.ok).toBe(true);
  });

  test('listWorkspaces lists both samples', async () => {
    const refs = await sample().scanService.listWorkspaces();
    expect(refs.map((r) => r.id).sort()).toEqual([SAMPLE_WORKSPACE_IDS['lab-default'], SAMPLE_WORKSPACE_IDS.hardened].sort());
  });
});
