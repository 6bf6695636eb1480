import { createHash } from 'node:crypto';
import { artifactPathFor, automationCategory, toSarif } from '../../src/report/sarif';
import { sarifSchemaErrors } from '../support/sarif-schema';
import { findingOf, fixtureCheck, fullMatrix, hostileReport, largeReport, reportOf, smallReport, VAULT_ID } from '../support/report-fixtures';

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: { fullyQualifiedName: string }[] }[];
  partialFingerprints: Record<string, string>;
  properties: { status: string; severity: string; resourceId: string };
}
interface Rule {
  id: string;
  helpUri: string;
  properties: { tags: string[]; 'security-severity': string };
}
interface Log {
  runs: { tool: { driver: { rules: Rule[] } }; results: Result[] }[];
}

describe('sarif report', () => {
  const { report, checks } = fullMatrix();
  const sarif = toSarif(report, { checks, toolVersion: '0.1.0' }) as unknown as Log;
  const run = sarif.runs[0]!;

  it('is valid SARIF 2.1.0 for every fixture report', () => {
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    for (const fixture of [smallReport(), largeReport(200), hostileReport()]) {
      expect(sarifSchemaErrors(toSarif(fixture.report, { checks: fixture.checks, toolVersion: '0.1.0' }))).toEqual([]);
    }
  });

  it('marks a run that could assess nothing as not successful, and one with any assessed result as successful', () => {
    const checks = [fixtureCheck('network-security', 1, 'high'), fixtureCheck('identity-management', 1, 'low')];
    const invocation = (statuses: readonly ('error' | 'pass' | 'fail')[]) => {
      const log = toSarif(reportOf(statuses.map((status, i) => findingOf(checks[i]!, status))), { checks, toolVersion: '0.1.0' });
      expect(sarifSchemaErrors(log)).toEqual([]);
      return (log as unknown as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[] }[] }).runs[0]!.invocations[0]!;
    };
    const nothing = invocation(['error', 'error']);
    expect(nothing.executionSuccessful).toBe(false);
    expect(nothing.toolExecutionNotifications?.[0]?.message.text).toContain('No check could be assessed');
    expect(invocation(['error', 'pass']).executionSuccessful).toBe(true);
    expect(invocation(['fail', 'pass']).executionSuccessful).toBe(true);
  });

  it('catches an invalid log (the validator is not a no-op)', () => {
    expect(sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: {} }] })).not.toEqual([]);
    const bad = JSON.parse(JSON.stringify(sarif)) as Log;
    bad.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'no file associated with this alert';
    expect(sarifSchemaErrors(bad)).not.toEqual([]);
  });

  it('has one rule per check with helpUri, tags and a numeric security-severity', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(checks.map((c) => c.id));
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(rule.properties.tags).toContain('security');
      const severity = Number(rule.properties['security-severity']);
      expect(severity).toBeGreaterThan(0);
      expect(severity).toBeLessThanOrEqual(10);
    }
  });

  it('reports fail and error results only, errors as notes that say not assessed', () => {
    const results = run.results;
    expect(results).toHaveLength(report.summary.fail + report.summary.error);
    const byLevel = (l: string): number => results.filter((r) => r.level === l).length;
    expect(byLevel('error') + byLevel('warning') + byLevel('note')).toBe(results.length);
    const notAssessed = results.filter((r) => r.properties.status === 'error');
    expect(notAssessed.length).toBe(report.summary.error);
    for (const r of notAssessed) {
      expect(r.level).toBe('note');
      expect(r.message.text).toMatch(/^Not assessed/);
    }
    const critical = results.find((r) => r.properties.status === 'fail' && r.properties.severity === 'critical');
    expect(critical?.level).toBe('error');
  });

  it('gives every result a physical location GitHub accepts and the resource id as a logical location', () => {
    for (const r of run.results) {
      expect(r.locations).toHaveLength(1);
      const uri = r.locations[0]!.physicalLocation.artifactLocation.uri;
      expect(uri).toMatch(/^azure\/subscriptions\//);
      expect(uri).not.toMatch(/\s/);
      expect(r.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe(r.properties.resourceId);
      expect(r.partialFingerprints['guardianFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    }
  });

  it('gives two findings of one check on one resource (two open recommendations) two fingerprints, and keeps the old fingerprint without a subject', () => {
    const small = smallReport();
    const base = { ...small.report.findings[0]!, status: 'fail' as const };
    const twoOpen = { ...small.report, findings: [{ ...base, subject: 'assessment-a' }, { ...base, subject: 'assessment-b' }, base] };
    const log = toSarif(twoOpen, { checks: small.checks, toolVersion: '1' }) as unknown as Log;
    const results = log.runs[0]!.results;
    const prints = results.map((r) => r.partialFingerprints['guardianFinding/v1']);
    expect(new Set(prints).size).toBe(3);
    expect((results[0]!.properties as unknown as { subject?: string }).subject).toBe('assessment-a');
    // Case-folded like the resource id: the same finding read back in another case keeps its alert.
    const upper = toSarif({ ...small.report, findings: [{ ...base, subject: 'ASSESSMENT-A', resourceId: base.resourceId.toUpperCase() }] }, { checks: small.checks, toolVersion: '1' }) as unknown as Log;
    expect(upper.runs[0]!.results[0]!.partialFingerprints['guardianFinding/v1']).toBe(prints[0]);
    // A finding without a subject keeps the fingerprint of earlier versions (check | lower-case resource).
    expect(prints[2]).toBe(createHash('sha256').update(`${base.checkId}|${base.resourceId.toLowerCase()}`).digest('hex').slice(0, 32));
  });

  it('has one fingerprint per result for every fixture report', () => {
    for (const fixture of [fullMatrix(), smallReport(), largeReport(200), hostileReport()]) {
      const results = (toSarif(fixture.report, { checks: fixture.checks, toolVersion: '1' }) as unknown as Log).runs[0]!.results;
      expect(new Set(results.map((r) => r.partialFingerprints['guardianFinding/v1'])).size).toBe(results.length);
    }
  });

  it('uses the artifact path the caller names', () => {
    const small = smallReport();
    const log = toSarif(small.report, { checks: small.checks, toolVersion: '1', artifactUri: 'infra/main.bicep' }) as unknown as Log;
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('infra/main.bicep');
    expect(artifactPathFor(VAULT_ID)).toBe(`azure${VAULT_ID}`);
  });
});

describe('the SARIF run category', () => {
  it('names the workspace by subscription, resource group and name, so namesakes in other groups do not replace each other', () => {
    const a = '/subscriptions/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/resourceGroups/rg-a/providers/Microsoft.MachineLearningServices/workspaces/ws-prod';
    const b = a.replace('rg-a', 'rg-b');
    expect(automationCategory({ id: a, name: 'ws-prod' })).toBe('baseline-guardian/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/rg-a/ws-prod/');
    expect(automationCategory({ id: b, name: 'ws-prod' })).not.toBe(automationCategory({ id: a, name: 'ws-prod' }));
  });
});
