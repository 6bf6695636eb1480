import { defineCheck, evidence, fail, notApplicable, pass, sameText, withLinked } from '../define';

/** Both flags default to Enabled, so either one absent fails. */
export default defineCheck({
  id: 'AML-NET-013',
  slug: 'aml-net-013-linked-app-insights-not-public',
  title: "The workspace's Application Insights blocks public ingestion and query",
  category: 'network-security',
  severity: 'medium',
  resourceType: 'Microsoft.Insights/components',
  mcsb: ['NS-2', 'LT-3'],
  policyDefinitionId: '1bc02227-0cb6-4e11-8f53-eb0b22eab7e8',
  workshopQuestions: ['LT-03', 'NS-01'],
  areas: ['public-network'],
  risk:
    'Public ingestion lets anyone who learns the connection string write forged telemetry, and public query exposes endpoint request logs, which can contain scoring inputs. An Azure Monitor Private Link Scope keeps both on private networks.',
  remediation: {
    portal: [
      'Connect the Application Insights resource to an Azure Monitor Private Link Scope.',
      'Under Network Isolation, set "Accept data ingestion from public networks" and "Accept queries from public networks" to No.',
    ],
    cli: 'az monitor app-insights component update --app <appinsights> -g <rg> --ingestion-access Disabled --query-access Disabled',
    url: 'https://learn.microsoft.com/azure/azure-monitor/logs/private-link-security',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.applicationInsights,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no Application Insights resource.'),
      (ai) => {
        const facts = [
          evidence('publicNetworkAccessForIngestion', ai.publicNetworkAccessForIngestion, 'Disabled'),
          evidence('publicNetworkAccessForQuery', ai.publicNetworkAccessForQuery, 'Disabled'),
        ];
        const open = [
          ...(sameText(ai.publicNetworkAccessForIngestion, 'Disabled') ? [] : [`ingestion (${ai.publicNetworkAccessForIngestion ?? 'not set, defaults to Enabled'})`]),
          ...(sameText(ai.publicNetworkAccessForQuery, 'Disabled') ? [] : [`query (${ai.publicNetworkAccessForQuery ?? 'not set, defaults to Enabled'})`]),
        ];
        if (open.length === 0) return [pass(ai.id, `Application Insights ${ai.name} blocks public ingestion and query.`, facts)];
        return [fail(ai.id, `Application Insights ${ai.name} is open to public networks for ${open.join(' and ')}.`, facts)];
      },
    ),
});
