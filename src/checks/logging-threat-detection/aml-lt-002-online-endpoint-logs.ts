/**
 * AML-LT-002 — Every managed online endpoint sends its logs somewhere.
 * One result per endpoint: categoryGroup allLogs, or the traffic, console and event categories.
 * (AML registries have diagnostic settings too, but the snapshot does not collect them yet.)
 */
import { defineCheck, fail, notApplicable, pass, withReads } from '../define';
import { evaluateLogCoverage } from '../governance/diagnostic-settings';

const ENDPOINT_LOG_CATEGORIES = ['AmlOnlineEndpointTrafficLog', 'AmlOnlineEndpointConsoleLog', 'AmlOnlineEndpointEventLog'];

export default defineCheck({
  id: 'AML-LT-002',
  slug: 'aml-lt-002-online-endpoint-logs',
  title: 'Online endpoint logs sent to a destination',
  category: 'logging-threat-detection',
  severity: 'low',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
  mcsb: ['LT-3'],
  policyDefinitionId: '5cfb9e8a-2f13-40bd-a527-c89bc596d299',
  workshopQuestions: ['LT-02'],
  areas: [],
  risk:
    'An online endpoint is the model\'s internet- or network-facing door; without traffic logs you cannot see who called it, how often, or with what result. ' +
    'Model extraction and abuse of a scoring API show up only there.',
  remediation: {
    portal: ['Open the online endpoint resource in the Azure portal > Monitoring > Diagnostic settings > Add diagnostic setting.', 'Select "allLogs", send to a Log Analytics workspace, and save.'],
    cli: 'az monitor diagnostic-settings create --name <n> --resource <endpointId> --workspace <lawId> --logs \'[{"categoryGroup":"allLogs","enabled":true}]\'',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-monitor-online-endpoints',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.onlineEndpoints, snapshot.diagnostics.onlineEndpoints, (endpoints, byEndpoint) => {
      if (endpoints.length === 0) return [notApplicable(snapshot.workspaceId, 'The workspace has no online endpoints.')];
      return endpoints.map((endpoint) => {
        const key = Object.keys(byEndpoint).find((id) => id.toLowerCase() === endpoint.id.toLowerCase());
        const settings = key !== undefined ? (byEndpoint[key] ?? []) : [];
        const coverage = evaluateLogCoverage(settings, { groups: ['allLogs'], categories: ENDPOINT_LOG_CATEGORIES });
        return coverage.covered
          ? pass(endpoint.id, `Online endpoint ${endpoint.name} sends its logs through "${coverage.setting?.name ?? ''}".`, coverage.evidence)
          : fail(endpoint.id, `Online endpoint ${endpoint.name} does not send its logs: ${coverage.reason}.`, coverage.evidence);
      });
    });
  },
});
