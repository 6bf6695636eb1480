import { renderJson, toJsonReport } from '../../src/report/json';
import { smallReport } from '../support/report-fixtures';

describe('json report', () => {
  it('has exactly the documented shape', () => {
    const { report } = smallReport();
    const json = JSON.parse(renderJson(report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['workspace', 'scannedAt', 'checkSetVersion', 'summary', 'findings']);
    expect(json.workspace).toEqual({ id: report.workspace.id, name: 'ws-prod' });
    expect(Object.keys(json.summary as object)).toEqual(['pass', 'fail', 'error', 'not_applicable', 'manual', 'accepted']);
    const findings = json.findings as Record<string, unknown>[];
    expect(findings).toHaveLength(report.findings.length);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(['checkId', 'title', 'category', 'severity', 'status', 'resourceId', 'message', 'evidence', 'remediation']);
      expect(Object.keys(f.remediation as object)).toEqual(['url', 'cli']);
    }
    expect(findings[1]!.evidence).toEqual(report.findings[1]!.evidence);
  });

  it('adds subject only to findings that have one, right after resourceId', () => {
    const { report } = smallReport();
    const withSubject = { ...report, findings: [{ ...report.findings[0]!, subject: 'c3b7f9e1-2a4d-4b6f-8e0a-1c3e5a7b9d2f' }, report.findings[1]!] };
    const json = JSON.parse(renderJson(withSubject)) as { findings: Record<string, unknown>[] };
    expect(Object.keys(json.findings[0]!).slice(5, 8)).toEqual(['resourceId', 'subject', 'message']);
    expect(json.findings[0]!.subject).toBe('c3b7f9e1-2a4d-4b6f-8e0a-1c3e5a7b9d2f');
    expect('subject' in json.findings[1]!).toBe(false);
  });

  it('writes null for a missing az command and leaves out workshop and portal data', () => {
    const { report } = smallReport();
    const noCli = { ...report, findings: [{ ...report.findings[0]!, remediation: { portal: ['x'], url: 'https://learn.microsoft.com/a' } }] };
    const json = toJsonReport(noCli);
    expect(json.findings[0]!.remediation).toEqual({ url: 'https://learn.microsoft.com/a', cli: null });
    expect(JSON.stringify(json)).not.toContain('workshopQuestions');
  });
});
