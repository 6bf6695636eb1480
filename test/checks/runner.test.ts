import { buildReport, runChecks, summarize } from '../../src/checks/runner';
import { reportScore } from '../../src/report/score';
import { CHECK_SET_VERSION } from '../../src/checks/registry';
import { defineCheck, fail, manual, notApplicable, pass } from '../../src/checks/define';
import type { CheckDefinition, CheckResult, Severity } from '../../src/checks/types';
import { failedRead, hardenedSnapshot, WORKSPACE_ID } from '../support/snapshot-builder';

function fake(id: string, severity: Severity, evaluate: () => readonly CheckResult[]): CheckDefinition {
  return defineCheck({
    id,
    slug: id.toLowerCase(),
    title: `Fake ${id}`,
    category: 'network-security',
    severity,
    resourceType: 'Microsoft.MachineLearningServices/workspaces',
    mcsb: ['NS-2'],
    workshopQuestions: ['NS-01'],
    areas: [],
    risk: 'r',
    remediation: { portal: ['p'], url: 'https://learn.microsoft.com/azure/machine-learning/' },
    since: '2026.11.0',
    evaluate,
  });
}

describe('runChecks', () => {
  it('turns a thrown check into an error finding naming the check, and keeps the others', () => {
    const boom = fake('AML-TST-001', 'high', () => {
      throw new TypeError('cannot read x of undefined');
    });
    const ok = fake('AML-TST-002', 'low', () => [pass(WORKSPACE_ID, 'fine')]);
    const findings = runChecks(hardenedSnapshot(), [boom, ok]);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ checkId: 'AML-TST-001', status: 'error', resourceId: WORKSPACE_ID, title: 'Fake AML-TST-001', severity: 'high' });
    expect(findings[0]!.message).toContain('AML-TST-001');
    expect(findings[0]!.message).toContain('cannot read x of undefined');
    expect(findings[1]).toMatchObject({ checkId: 'AML-TST-002', status: 'pass' });
  });

  it('gives an error finding to a check that returns nothing', () => {
    const [f] = runChecks(hardenedSnapshot(), [fake('AML-TST-003', 'low', () => [])]);
    expect(f).toMatchObject({ status: 'error', checkId: 'AML-TST-003' });
  });

  it('sorts by status (fail, error, manual, pass, n/a), then severity high first, then id', () => {
    const checks = [
      fake('AML-TST-010', 'low', () => [pass('a', 'p')]),
      fake('AML-TST-011', 'low', () => [fail('a', 'f')]),
      fake('AML-TST-012', 'critical', () => [fail('a', 'f')]),
      fake('AML-TST-013', 'medium', () => [notApplicable('a', 'n')]),
      fake('AML-TST-014', 'low', () => [manual('a', 'm')]),
      fake('AML-TST-015', 'low', () => {
        throw new Error('x');
      }),
      fake('AML-TST-009', 'low', () => [fail('a', 'f')]),
    ];
    const order = runChecks(hardenedSnapshot(), checks).map((f) => `${f.status}:${f.checkId}`);
    expect(order).toEqual(['fail:AML-TST-012', 'fail:AML-TST-009', 'fail:AML-TST-011', 'error:AML-TST-015', 'manual:AML-TST-014', 'pass:AML-TST-010', 'not_applicable:AML-TST-013']);
  });
});

describe('summary, score and report', () => {
  const findings = runChecks(hardenedSnapshot(), [
    fake('AML-TST-001', 'high', () => [fail('a', 'f'), pass('b', 'p'), pass('c', 'p')]),
    fake('AML-TST-002', 'low', () => [notApplicable('a', 'n'), manual('b', 'm')]),
  ]);

  it('counts every status', () => {
    expect(summarize(findings)).toEqual({ pass: 2, fail: 1, error: 0, not_applicable: 1, manual: 1, accepted: 0 });
  });

  it('scores the severity-weighted share of assessed results, undefined when nothing was assessed', () => {
    expect(reportScore(buildReport(hardenedSnapshot(), findings, new Date('2026-03-02T10:00:00Z')))).toBe(67);
    const unassessed = runChecks(hardenedSnapshot(), [fake('AML-TST-003', 'high', () => [notApplicable('a', 'n'), manual('b', 'm')])]);
    expect(reportScore(buildReport(hardenedSnapshot(), unassessed, new Date('2026-03-02T10:00:00Z')))).toBeUndefined();
  });

  it('builds a report with workspace, time and check-set version', () => {
    const report = buildReport(hardenedSnapshot(), findings, new Date('2026-03-02T10:00:00Z'));
    expect(report).toMatchObject({ workspace: { id: WORKSPACE_ID, name: 'mlw-contoso-prod' }, scannedAt: '2026-03-02T10:00:00.000Z', checkSetVersion: CHECK_SET_VERSION });
    expect(report.summary.fail).toBe(1);
    expect(report.findings).toHaveLength(5);
  });

  it('names the workspace from its id when the workspace read failed', () => {
    const report = buildReport(hardenedSnapshot({ workspace: failedRead() }), [], new Date(0));
    expect(report.workspace.name).toBe('mlw-contoso-prod');
  });
});

describe("a result's own fix command", () => {
  it("replaces the check's general command in the finding, and only there", () => {
    const general = { ...fake('AML-TST-009', 'medium', () => [
      { ...fail(`${WORKSPACE_ID}/a`, 'a'), cli: 'az role assignment create --role Owner' },
      fail(`${WORKSPACE_ID}/b`, 'b'),
    ]), remediation: { portal: ['p'], cli: 'az role assignment delete --role Owner', url: 'https://learn.microsoft.com/azure/role-based-access-control/' } };
    const findings = runChecks(hardenedSnapshot(), [general]);
    expect(findings.map((f) => [f.resourceId, f.remediation.cli])).toEqual([
      [`${WORKSPACE_ID}/a`, 'az role assignment create --role Owner'],
      [`${WORKSPACE_ID}/b`, 'az role assignment delete --role Owner'],
    ]);
    expect(findings[0]).not.toHaveProperty('cli');
  });
});
