/**
 * AML-LT-001 — The workspace sends all its resource logs somewhere.
 * Accepts categoryGroup allLogs, or every category below (the workspace categories Microsoft's own diagnostic
 * templates enable; AzTS asks for all categories, AP/DF/CS accept any single log, which misses most of them).
 */
import { defineCheck, fail, pass, withReads } from '../define';
import { evaluateLogCoverage } from '../governance/diagnostic-settings';

const WORKSPACE_LOG_CATEGORIES = [
  'AmlComputeClusterEvent',
  'AmlComputeClusterNodeEvent',
  'AmlComputeJobEvent',
  'AmlComputeCpuGpuUtilization',
  'AmlRunStatusChangedEvent',
  'ComputeInstanceEvent',
  'ModelsChangeEvent',
  'ModelsReadEvent',
  'ModelsActionEvent',
  'DeploymentReadEvent',
  'DeploymentEventACI',
  'DeploymentEventAKS',
  'InferencingOperationAKS',
  'InferencingOperationACI',
  'EnvironmentChangeEvent',
  'EnvironmentReadEvent',
  'DataLabelChangeEvent',
  'DataLabelReadEvent',
  'DataSetChangeEvent',
  'DataSetReadEvent',
  'DataStoreChangeEvent',
  'DataStoreReadEvent',
  'PipelineChangeEvent',
  'PipelineReadEvent',
  'RunEvent',
  'RunReadEvent',
] as const;

export default defineCheck({
  id: 'AML-LT-001',
  slug: 'aml-lt-001-workspace-resource-logs',
  title: 'Workspace resource logs sent to a destination',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['LT-3'],
  policyDefinitionId: 'afe0c3be-ba3b-4544-ba52-0c99672a8ad6',
  workshopQuestions: ['LT-01', 'LT-02', 'LT-03'],
  areas: [],
  risk:
    'Without resource logs you cannot tell who read a model or dataset, changed an environment or ran a job, so an insider or a stolen token leaves no trace. ' +
    'Partial category sets are common and leave exactly the read events out that an investigation needs.',
  remediation: {
    portal: [
      'Open the workspace > Monitoring > Diagnostic settings > Add diagnostic setting.',
      'Select the category group "allLogs", send to a Log Analytics workspace, and save.',
    ],
    cli: 'az monitor diagnostic-settings create --name <n> --resource <wsId> --workspace <lawId> --logs \'[{"categoryGroup":"allLogs","enabled":true}]\'',
    url: 'https://learn.microsoft.com/azure/machine-learning/monitor-azure-machine-learning',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.diagnostics.workspace, (settings) => {
      const coverage = evaluateLogCoverage(settings, { groups: ['allLogs'], categories: WORKSPACE_LOG_CATEGORIES });
      return coverage.covered
        ? [pass(snapshot.workspaceId, `The workspace sends all resource logs through diagnostic setting "${coverage.setting?.name ?? ''}".`, coverage.evidence)]
        : [fail(snapshot.workspaceId, `The workspace does not send all its resource logs: ${coverage.reason}.`, coverage.evidence)];
    });
  },
});
