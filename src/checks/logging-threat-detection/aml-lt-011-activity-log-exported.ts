/**
 * AML-LT-011 — The subscription's activity log is exported (Administrative, Security, Policy and Alert categories).
 * Activity log keeps 90 days in Azure only; export is what makes control-plane history searchable and durable.
 */
import { defineCheck, fail, pass, withReads } from '../define';
import { evaluateLogCoverage } from '../governance/diagnostic-settings';
import { subscriptionScope } from '../governance/scope';

export default defineCheck({
  id: 'AML-LT-011',
  slug: 'aml-lt-011-activity-log-exported',
  title: 'Subscription activity log exported',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Insights/diagnosticSettings',
  mcsb: ['LT-3', 'LT-5'],
  workshopQuestions: ['LT-02', 'LT-03'],
  areas: [],
  risk:
    'Who created a compute, opened the workspace to the internet or granted a role is recorded only in the activity log, which Azure keeps for 90 days. ' +
    'Without export to a workspace you cannot correlate it with other logs or investigate anything older.',
  remediation: {
    portal: [
      'Monitor > Activity log > Export Activity Logs > Add diagnostic setting.',
      'Select Administrative, Security, Policy and Alert, send to a Log Analytics workspace, and save.',
    ],
    cli:
      'az monitor diagnostic-settings subscription create --name <n> --location <region> --workspace <lawId> --logs \'[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true},{"category":"Alert","enabled":true}]\'',
    url: 'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    const subscription = subscriptionScope(snapshot.workspaceId);
    return withReads(snapshot.diagnostics.subscription, (settings) => {
      const coverage = evaluateLogCoverage(settings, { groups: ['allLogs'], categories: ['Administrative', 'Security', 'Policy', 'Alert'] });
      return coverage.covered
        ? [pass(subscription, `The activity log of ${subscription} is exported through "${coverage.setting?.name ?? ''}".`, coverage.evidence)]
        : [fail(subscription, `The activity log of ${subscription} is not exported: ${coverage.reason}.`, coverage.evidence)];
    });
  },
});
