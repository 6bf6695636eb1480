import lt001 from '../../../src/checks/logging-threat-detection/aml-lt-001-workspace-resource-logs';
import lt002 from '../../../src/checks/logging-threat-detection/aml-lt-002-online-endpoint-logs';
import lt003 from '../../../src/checks/logging-threat-detection/aml-lt-003-key-vault-audit-logs';
import lt004 from '../../../src/checks/logging-threat-detection/aml-lt-004-app-insights-workspace-based';
import lt005 from '../../../src/checks/logging-threat-detection/aml-lt-005-defender-for-ai';
import lt006 from '../../../src/checks/logging-threat-detection/aml-lt-006-defender-cspm';
import lt007 from '../../../src/checks/logging-threat-detection/aml-lt-007-defender-for-storage';
import lt008 from '../../../src/checks/logging-threat-detection/aml-lt-008-defender-for-key-vault';
import lt009 from '../../../src/checks/logging-threat-detection/aml-lt-009-defender-for-containers';
import lt010 from '../../../src/checks/logging-threat-detection/aml-lt-010-defender-for-resource-manager';
import lt011 from '../../../src/checks/logging-threat-detection/aml-lt-011-activity-log-exported';
import lt012 from '../../../src/checks/logging-threat-detection/aml-lt-012-defender-for-servers';
import lt013 from '../../../src/checks/logging-threat-detection/aml-lt-013-defender-devops-connector';
import lt014 from '../../../src/checks/logging-threat-detection/aml-lt-014-open-defender-recommendations';
import { checks } from '../../../src/checks/logging-threat-detection';
import type { CheckDefinition } from '../../../src/checks/types';
import type { WorkspaceSnapshot } from '../../../src/azure/snapshot';
import {
  APP_INSIGHTS_ID,
  KEY_VAULT_ID,
  REGISTRY_ID,
  RESOURCE_GROUP_SCOPE,
  SUBSCRIPTION_SCOPE,
  WORKSPACE_ID,
  amlCluster,
  computeInstance,
  connection,
  diagnosticSetting,
  failedRead,
  hardenedDefenderPlans,
  hardenedSnapshot,
  noneLinked,
  ok,
  onlineEndpoint,
  withAppInsights,
  withAssessments,
  withComputes,
  withConnections,
  withDefenderPlan,
  withDefenderPlans,
  withDiagnostics,
  withEndpoints,
  withSecurityConnectors,
} from '../../support/snapshot-builder';
import { actual, single } from './_helpers';

const pricing = (plan: string) => `${SUBSCRIPTION_SCOPE}/providers/Microsoft.Security/pricings/${plan}`;

describe('logging-threat-detection index', () => {
  it('lists the fourteen checks in id order', () => {
    expect(checks.map((c) => c.id)).toEqual([lt001, lt002, lt003, lt004, lt005, lt006, lt007, lt008, lt009, lt010, lt011, lt012, lt013, lt014].map((c) => c.id));
  });
  it('tags every Defender check with the defender area', () => {
    for (const check of [lt005, lt006, lt007, lt008, lt009, lt010, lt012, lt013, lt014]) expect(check.areas).toContain('defender');
  });
});

describe('AML-LT-001 workspace resource logs', () => {
  it('passes with allLogs to Log Analytics', () => {
    const r = single(lt001.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: WORKSPACE_ID });
    expect(actual(r, 'diagnosticSettings[to-log-analytics].logs')).toBe('group allLogs');
  });
  it('fails with no diagnostic setting', () => {
    const r = single(lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: ok([]) })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('no diagnostic setting');
  });
  it('fails with only some categories (the anchors accept any log)', () => {
    const partial = diagnosticSetting(WORKSPACE_ID, { logs: [{ category: 'AmlComputeJobEvent', categoryGroup: undefined, enabled: true }] });
    const r = single(lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: ok([partial]) })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('AmlComputeClusterEvent');
  });
  it('does not count disabled logs', () => {
    const disabled = diagnosticSetting(WORKSPACE_ID, { logs: [{ category: undefined, categoryGroup: 'allLogs', enabled: false }] });
    const r = single(lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: ok([disabled]) })));
    expect(r.status).toBe('fail');
    expect(actual(r, 'diagnosticSettings[to-log-analytics].logs')).toBe('not set');
  });
  it('fails a setting without destination', () => {
    const nowhere = diagnosticSetting(WORKSPACE_ID, { workspaceId: undefined });
    const r = single(lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: ok([nowhere]) })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('no destination');
  });
  it('accepts the full category set to a storage account', () => {
    const expected = lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: ok([]) }))[0]!.evidence[0]!.expected;
    expect(expected).toContain('all 26 categories');
    const names = ['AmlComputeClusterEvent', 'AmlComputeClusterNodeEvent', 'AmlComputeJobEvent', 'AmlComputeCpuGpuUtilization', 'AmlRunStatusChangedEvent', 'ComputeInstanceEvent', 'ModelsChangeEvent', 'ModelsReadEvent', 'ModelsActionEvent', 'DeploymentReadEvent', 'DeploymentEventACI', 'DeploymentEventAKS', 'InferencingOperationAKS', 'InferencingOperationACI', 'EnvironmentChangeEvent', 'EnvironmentReadEvent', 'DataLabelChangeEvent', 'DataLabelReadEvent', 'DataSetChangeEvent', 'DataSetReadEvent', 'DataStoreChangeEvent', 'DataStoreReadEvent', 'PipelineChangeEvent', 'PipelineReadEvent', 'RunEvent', 'RunReadEvent'];
    const full = diagnosticSetting(WORKSPACE_ID, { workspaceId: undefined, storageAccountId: 'sa', logs: names.map((category) => ({ category, categoryGroup: undefined, enabled: true })) });
    expect(single(lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: ok([full]) }))).status).toBe('pass');
  });
  it('counts compute instance and datastore events: a setting without them is partial', () => {
    const older = ['AmlComputeClusterEvent', 'AmlComputeClusterNodeEvent', 'AmlComputeJobEvent', 'AmlComputeCpuGpuUtilization', 'AmlRunStatusChangedEvent', 'ModelsChangeEvent', 'ModelsReadEvent', 'ModelsActionEvent', 'DeploymentReadEvent', 'DeploymentEventACI', 'DeploymentEventAKS', 'InferencingOperationAKS', 'InferencingOperationACI', 'EnvironmentChangeEvent', 'EnvironmentReadEvent', 'DataLabelChangeEvent', 'DataLabelReadEvent', 'DataSetChangeEvent', 'DataSetReadEvent', 'PipelineChangeEvent', 'PipelineReadEvent', 'RunEvent', 'RunReadEvent'];
    const setting = diagnosticSetting(WORKSPACE_ID, { logs: older.map((category) => ({ category, categoryGroup: undefined, enabled: true })) });
    const r = single(lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: ok([setting]) })));
    expect(r.status).toBe('fail');
    for (const missing of ['ComputeInstanceEvent', 'DataStoreChangeEvent', 'DataStoreReadEvent']) expect(r.message).toContain(missing);
  });
  it('is an error when diagnostic settings cannot be read', () => {
    const r = single(lt001.evaluate(withDiagnostics(hardenedSnapshot(), { workspace: failedRead('forbidden', 403, 'Microsoft.Insights/diagnosticSettings/read') })));
    expect(r.status).toBe('error');
    expect(r.message).toContain('Microsoft.Insights/diagnosticSettings/read');
  });
});

describe('AML-LT-002 online endpoint logs', () => {
  const second = onlineEndpoint({ id: `${WORKSPACE_ID}/onlineEndpoints/ep-fraud`, name: 'ep-fraud' });
  it('passes per endpoint with allLogs', () => {
    expect(single(lt002.evaluate(hardenedSnapshot())).status).toBe('pass');
  });
  it('fails the endpoint that has no setting', () => {
    const results = lt002.evaluate(withEndpoints(hardenedSnapshot(), [onlineEndpoint(), second]));
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([
      [`${WORKSPACE_ID}/onlineEndpoints/ep-churn-scoring`, 'pass'],
      [second.id, 'fail'],
    ]);
    expect(results[1]!.message).toContain('ep-fraud');
  });
  it('is not applicable without endpoints and an error on a failed read', () => {
    expect(single(lt002.evaluate(withEndpoints(hardenedSnapshot(), []))).status).toBe('not_applicable');
    expect(single(lt002.evaluate(withDiagnostics(hardenedSnapshot(), { onlineEndpoints: failedRead() }))).status).toBe('error');
  });
});

describe('AML-LT-003 Key Vault audit logs', () => {
  it('passes with the audit category group', () => {
    const r = single(lt003.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: KEY_VAULT_ID });
  });
  it('passes with the AuditEvent category', () => {
    const s = diagnosticSetting(KEY_VAULT_ID, { logs: [{ category: 'AuditEvent', categoryGroup: undefined, enabled: true }] });
    expect(single(lt003.evaluate(withDiagnostics(hardenedSnapshot(), { keyVault: ok([s]) }))).status).toBe('pass');
  });
  it('fails with only AzurePolicyEvaluationDetails', () => {
    const s = diagnosticSetting(KEY_VAULT_ID, { logs: [{ category: 'AzurePolicyEvaluationDetails', categoryGroup: undefined, enabled: true }] });
    const r = single(lt003.evaluate(withDiagnostics(hardenedSnapshot(), { keyVault: ok([s]) })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('AuditEvent');
  });
  it('is not applicable without a vault and an error on a failed read', () => {
    expect(single(lt003.evaluate(withDiagnostics(hardenedSnapshot({ keyVault: noneLinked() }), { keyVault: noneLinked() }))).status).toBe('not_applicable');
    expect(single(lt003.evaluate(withDiagnostics(hardenedSnapshot(), { keyVault: failedRead() }))).status).toBe('error');
  });
});

describe('AML-LT-004 App Insights workspace-based', () => {
  it('passes when linked to Log Analytics', () => {
    expect(single(lt004.evaluate(hardenedSnapshot()))).toMatchObject({ status: 'pass', resourceId: APP_INSIGHTS_ID });
  });
  it('fails for a classic resource', () => {
    const r = single(lt004.evaluate(withAppInsights(hardenedSnapshot(), { workspaceResourceId: undefined })));
    expect(r.status).toBe('fail');
    expect(actual(r, 'properties.WorkspaceResourceId')).toBe('not set');
  });
  it('is not applicable without App Insights and an error on a failed read', () => {
    expect(single(lt004.evaluate(hardenedSnapshot({ applicationInsights: noneLinked() }))).status).toBe('not_applicable');
    expect(single(lt004.evaluate(hardenedSnapshot({ applicationInsights: failedRead() }))).status).toBe('error');
  });
});

/** The hardened workspace, connected to Azure OpenAI: what Defender for AI services protects. */
const usingAzureOpenAi = (snapshot: WorkspaceSnapshot): WorkspaceSnapshot =>
  withConnections(snapshot, [connection(), connection({ id: `${WORKSPACE_ID}/connections/conn-aoai`, name: 'conn-aoai', category: 'AzureOpenAI', target: 'https://oai-contoso.openai.azure.com/' })]);
/** The hardened workspace with a VM of its own attached as compute: what Defender for Servers protects. */
const withAttachedVm = (snapshot: WorkspaceSnapshot): WorkspaceSnapshot =>
  withComputes(snapshot, [computeInstance(), amlCluster(), computeInstance({ id: `${WORKSPACE_ID}/computes/attached-dsvm`, name: 'attached-dsvm', computeType: 'VirtualMachine' })]);
const asIs = (snapshot: WorkspaceSnapshot): WorkspaceSnapshot => snapshot;

describe.each<[string, CheckDefinition, string, (snapshot: WorkspaceSnapshot) => WorkspaceSnapshot]>([
  ['AML-LT-005', lt005, 'AI', usingAzureOpenAi],
  ['AML-LT-006', lt006, 'CloudPosture', asIs],
  ['AML-LT-008', lt008, 'KeyVaults', asIs],
  ['AML-LT-010', lt010, 'Arm', asIs],
  ['AML-LT-012', lt012, 'VirtualMachines', withAttachedVm],
])('%s Defender plan', (_id, check, plan, using) => {
  const snapshotFor = (overrides: Partial<WorkspaceSnapshot> = {}): WorkspaceSnapshot => using(hardenedSnapshot(overrides));
  it('passes on Standard and records the sub-plan and extensions', () => {
    const r = single(check.evaluate(snapshotFor()));
    expect(r).toMatchObject({ status: 'pass', resourceId: pricing(plan) });
    expect(actual(r, 'pricingTier')).toBe('Standard');
  });
  it('fails on Free', () => {
    const r = single(check.evaluate(withDefenderPlan(snapshotFor(), plan, { pricingTier: 'Free' })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('tier Free');
    expect(actual(r, 'pricingTier')).toBe('Free');
  });
  it('fails, not passes, when the plan is missing from the list', () => {
    const r = single(check.evaluate(withDefenderPlans(snapshotFor(), hardenedDefenderPlans().filter((p) => p.name !== plan))));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('not enabled');
  });
  it('is an error when pricings cannot be read', () => {
    const r = single(check.evaluate(snapshotFor({ defenderPlans: failedRead('forbidden', 403, 'Microsoft.Security/pricings/read', SUBSCRIPTION_SCOPE) })));
    expect(r.status).toBe('error');
    expect(r.message).toContain('Microsoft.Security/pricings/read');
  });
});

describe('AML-LT-005 Defender for AI evidence', () => {
  it('notes AIPromptEvidence without requiring it', () => {
    const r = single(lt005.evaluate(withDefenderPlan(usingAzureOpenAi(hardenedSnapshot()), 'AI', { extensions: [{ name: 'AIPromptEvidence', isEnabled: false }] })));
    expect(r.status).toBe('pass');
    expect(actual(r, 'extensions')).toBe('AIPromptEvidence=off');
  });
});

describe('AML-LT-012 Defender for Servers sub-plan', () => {
  it('shows the sub-plan', () => {
    const r = single(lt012.evaluate(withAttachedVm(hardenedSnapshot())));
    expect(actual(r, 'subPlan')).toBe('P2');
    expect(r.message).toContain('sub-plan P2');
  });
});

describe.each<[string, CheckDefinition, string, string]>([
  ['AML-LT-009', lt009, 'Containers', 'ContainerRegistriesVulnerabilityAssessments'],
])('%s Defender plan with a required extension', (_id, check, plan, extension) => {
  it('passes the plan and the extension when both are on', () => {
    const results = check.evaluate(hardenedSnapshot());
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([
      [pricing(plan), 'pass'],
      [`${pricing(plan)}/extensions/${extension}`, 'pass'],
    ]);
  });
  it('passes the plan but fails the extension when it is off', () => {
    const results = check.evaluate(withDefenderPlan(hardenedSnapshot(), plan, { extensions: [{ name: extension, isEnabled: false }] }));
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(results[1]!.message).toContain(extension);
    expect(actual(results[1]!, `extensions[${extension}].isEnabled`)).toBe('false');
  });
  it('fails the extension when it is absent', () => {
    const results = check.evaluate(withDefenderPlan(hardenedSnapshot(), plan, { extensions: [] }));
    expect(results[1]!.status).toBe('fail');
    expect(actual(results[1]!, `extensions[${extension}].isEnabled`)).toBe('not set');
  });
  it('gives one fail, no extension result, when the plan is Free', () => {
    expect(single(check.evaluate(withDefenderPlan(hardenedSnapshot(), plan, { pricingTier: 'Free' }))).status).toBe('fail');
  });
  it('fails when the plan is missing', () => {
    const r = single(check.evaluate(withDefenderPlans(hardenedSnapshot(), [])));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('not enabled');
  });
});

describe('AML-LT-011 activity log export', () => {
  it('passes with Administrative, Security, Policy and Alert exported', () => {
    expect(single(lt011.evaluate(hardenedSnapshot()))).toMatchObject({ status: 'pass', resourceId: SUBSCRIPTION_SCOPE });
  });
  it('fails when Policy and Alert are missing', () => {
    const s = diagnosticSetting(SUBSCRIPTION_SCOPE, { logs: ['Administrative', 'Security'].map((category) => ({ category, categoryGroup: undefined, enabled: true })) });
    const r = single(lt011.evaluate(withDiagnostics(hardenedSnapshot(), { subscription: ok([s]) })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Policy, Alert');
  });
  it('is an error when the subscription settings cannot be read', () => {
    expect(single(lt011.evaluate(withDiagnostics(hardenedSnapshot(), { subscription: failedRead() }))).status).toBe('error');
  });
});

describe('AML-LT-013 DevOps connector', () => {
  it('passes with an Azure DevOps connector', () => {
    const r = single(lt013.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(r.message).toContain('ado-contoso-ml (AzureDevOps)');
  });
  it('fails with only a cloud connector', () => {
    const r = single(lt013.evaluate(withSecurityConnectors(hardenedSnapshot(), [{ id: `${RESOURCE_GROUP_SCOPE}/providers/Microsoft.Security/securityConnectors/aws`, name: 'aws', environmentName: 'AWS' }])));
    expect(r.status).toBe('fail');
    expect(actual(r, 'securityConnectors[].environmentName')).toBe('not set');
  });
  it('is an error when connectors cannot be read', () => {
    expect(single(lt013.evaluate(hardenedSnapshot({ securityConnectors: failedRead() }))).status).toBe('error');
  });
});

describe('AML-LT-014 open Defender recommendations', () => {
  const assessment = (resourceId: string, statusCode: string, displayName = 'Something should be fixed') => ({
    id: `${resourceId}/providers/Microsoft.Security/assessments/0a1b2c3d-0000-4000-8000-000000000001`,
    resourceId,
    displayName,
    statusCode,
    severity: 'High',
  });
  it('passes when nothing is unhealthy', () => {
    expect(single(lt014.evaluate(hardenedSnapshot()))).toMatchObject({ status: 'pass', resourceId: WORKSPACE_ID });
  });
  it('fails once per unhealthy assessment on own resources, with its severity', () => {
    const results = lt014.evaluate(
      withAssessments(hardenedSnapshot(), [
        assessment(`${WORKSPACE_ID}/computes/ci-alice`, 'Unhealthy', 'Compute instances should be recreated'),
        assessment(REGISTRY_ID, 'Unhealthy'),
        assessment(`${RESOURCE_GROUP_SCOPE}/providers/Microsoft.Compute/virtualMachines/other`, 'Unhealthy'),
        assessment(WORKSPACE_ID, 'Healthy'),
      ]),
    );
    expect(results.map((r) => r.resourceId)).toEqual([`${WORKSPACE_ID}/computes/ci-alice`, REGISTRY_ID]);
    expect(results.every((r) => r.status === 'fail')).toBe(true);
    expect(results[0]!.message).toContain('"Compute instances should be recreated" (severity High)');
    expect(actual(results[0]!, 'metadata.severity')).toBe('High');
  });
  it('is an error when assessments cannot be read', () => {
    expect(single(lt014.evaluate(hardenedSnapshot({ assessments: failedRead() }))).status).toBe('error');
  });
});
