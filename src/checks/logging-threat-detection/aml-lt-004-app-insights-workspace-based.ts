/**
 * AML-LT-004 — The workspace's Application Insights stores its data in a Log Analytics workspace.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-LT-004',
  slug: 'aml-lt-004-app-insights-workspace-based',
  title: 'Linked Application Insights is workspace-based',
  category: 'logging-threat-detection',
  severity: 'low',
  resourceType: 'Microsoft.Insights/components',
  mcsb: ['LT-5'],
  policyDefinitionId: 'd550e854-df1a-4de9-bf44-cd894b39a95e',
  workshopQuestions: ['LT-03'],
  areas: [],
  risk:
    'Classic Application Insights keeps endpoint telemetry apart from your other security logs, with its own retention and access model. ' +
    'A workspace-based resource lets you query scoring telemetry next to the workspace and vault logs and apply one retention and RBAC policy.',
  remediation: {
    portal: ['Open the workspace\'s Application Insights > Properties.', 'Select "Migrate to Workspace-based", choose a Log Analytics workspace, and apply.'],
    cli: 'az monitor app-insights component update --app <appInsights> -g <rg> --workspace <lawId>',
    url: 'https://learn.microsoft.com/azure/azure-monitor/app/convert-classic-resource',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.applicationInsights,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no Application Insights.'),
      (ai) => {
        const facts = [evidence('properties.WorkspaceResourceId', ai.workspaceResourceId, 'a Log Analytics workspace id')];
        return ai.workspaceResourceId !== undefined && ai.workspaceResourceId.trim() !== ''
          ? [pass(ai.id, `Application Insights ${ai.name} stores its data in a Log Analytics workspace.`, facts)]
          : [fail(ai.id, `Application Insights ${ai.name} is not linked to a Log Analytics workspace.`, facts)];
      },
    );
  },
});
