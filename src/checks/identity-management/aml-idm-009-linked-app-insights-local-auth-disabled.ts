import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-IDM-009',
  slug: 'aml-idm-009-linked-app-insights-local-auth-disabled',
  title: "The workspace's Application Insights accepts only Microsoft Entra authenticated telemetry",
  category: 'identity-management',
  severity: 'low',
  resourceType: 'Microsoft.Insights/components',
  mcsb: ['IM-1'],
  policyDefinitionId: '199d5677-e4d9-4264-9465-efe1839c06bd',
  workshopQuestions: ['IM-01', 'LT-01'],
  areas: [],
  risk:
    'With local authentication on, the instrumentation key in the connection string is the only thing needed to write telemetry, so anyone who reads it from a scoring script or notebook can forge or flood endpoint logs. Entra-only ingestion ties telemetry to an identity.',
  remediation: {
    portal: [
      'Give the endpoint and compute identities the Monitoring Metrics Publisher role on the Application Insights resource.',
      'Open Application Insights, select Properties, and set Local Authentication to Disabled.',
    ],
    cli: 'az resource update --ids <appinsights-id> --set properties.DisableLocalAuth=true',
    url: 'https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.applicationInsights,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no Application Insights resource.'),
      (ai) => {
        const facts = [evidence('properties.DisableLocalAuth', ai.disableLocalAuth, 'true')];
        if (ai.disableLocalAuth === true) return [pass(ai.id, `Application Insights ${ai.name} has local authentication disabled.`, facts)];
        return [fail(ai.id, `Application Insights ${ai.name} accepts instrumentation-key telemetry: DisableLocalAuth is ${ai.disableLocalAuth === false ? 'false' : 'not set (defaults to false)'}.`, facts)];
      },
    ),
});
