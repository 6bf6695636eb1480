/**
 * AML-LT-014 — No open Defender for Cloud recommendation on the workspace or its own resources.
 * One FAIL per Unhealthy assessment on the workspace, its computes/endpoints, and its linked storage, vault, registry
 * and Application Insights (other resources in the group are not this workspace's); one PASS when none is open.
 */
import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';
import { belongsToWorkspace } from '../governance/scope';
import { severityNote } from '../defender/assessment-severity';
import { lastSegment } from '../../shared/resource-id';

export default defineCheck({
  id: 'AML-LT-014',
  slug: 'aml-lt-014-open-defender-recommendations',
  title: 'No open Defender recommendations on workspace resources',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Security/assessments',
  mcsb: ['PV-2', 'LT-1'],
  workshopQuestions: ['LT-01', 'PV-02'],
  areas: ['defender'],
  risk:
    'An unhealthy recommendation is Defender for Cloud telling you a specific weakness is present on this workspace or its resources right now. ' +
    'Open recommendations lower the secure score and are the first thing an attacker\'s tooling looks for.',
  remediation: {
    portal: ['Defender for Cloud > Recommendations, filter by the resource named in the finding.', 'Open the recommendation, follow its remediation steps or "Fix", or exempt it with a reason.'],
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/review-security-recommendations',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.workspace, snapshot.assessments, (ws, assessments) => {
      const open = assessments.filter((a) => sameText(a.statusCode, 'Unhealthy') && belongsToWorkspace(a.resourceId, ws));
      if (open.length === 0) return [pass(ws.id, `Defender for Cloud reports no open recommendation on workspace ${ws.name} or its linked resources.`, [])];
      // One resource can have several open recommendations: the assessment name tells them apart (the subject).
      return open.map((a) => ({
        ...fail(a.resourceId, `${lastSegment(a.resourceId)}: "${a.displayName}"${severityNote(a.severity)} is open.`, [
          evidence('status.code', a.statusCode, 'Healthy'),
          ...(a.severity === undefined ? [] : [evidence('metadata.severity', a.severity, 'any')]),
          evidence('assessment', a.id, 'any'),
        ]),
        subject: lastSegment(a.id),
      }));
    });
  },
});
