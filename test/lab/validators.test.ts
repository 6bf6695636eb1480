import type { Finding } from '../../src/checks/types';
import { validateControls } from '../../src/lab/validate-controls';
import { validateDefenderSetup, validateRecommendations } from '../../src/lab/validate-defender';
import { validateInfrastructure, workspaceNotFound } from '../../src/lab/validate-infrastructure';
import { validateServicePrincipal } from '../../src/lab/validate-service-principal';
import {
  KEY_VAULT_ID,
  PRINCIPALS,
  RESOURCE_GROUP,
  RESOURCE_GROUP_SCOPE,
  ROLE,
  SUBSCRIPTION_ID,
  SUBSCRIPTION_SCOPE,
  WORKSPACE_ID,
  addWorkspaceRoleAssignments,
  amlCluster,
  computeInstance,
  failedRead,
  hardenedSnapshot,
  noneLinked,
  ok,
  roleAssignment,
  withComputes,
  withDefenderPlan,
  withRoleAssignments,
  withSecurityConnectors,
} from '../support/snapshot-builder';

const PARAMS = { subscriptionId: SUBSCRIPTION_ID, namespace: 'mlsec', postfix: '0001', location: 'westeurope', environment: 'prod', computeCluster: 'cpu-cluster' };

describe('exercise 3: service principal role', () => {
  it('fails when no service principal holds Contributor or Owner covering the resource group (Reader is not enough)', () => {
    const r = validateServicePrincipal(hardenedSnapshot());
    expect(r.status).toBe('failed');
    expect(r.items[0]?.text).toContain(`No service principal holds Contributor (or Owner) on resource group ${RESOURCE_GROUP}`);
    expect(r.items[0]?.fix).toContain(`az role assignment create --assignee <appId> --role Contributor --scope ${RESOURCE_GROUP_SCOPE}`);
  });

  it('passes with Contributor on the resource group', () => {
    const r = validateServicePrincipal(addWorkspaceRoleAssignments(hardenedSnapshot(), roleAssignment(ROLE.contributor, PRINCIPALS.cicdPipeline, 'ServicePrincipal', RESOURCE_GROUP_SCOPE)));
    expect(r.status).toBe('passed');
    expect(r.items).toHaveLength(1);
    expect(r.items[0]?.ok).toBe(true);
    expect(r.items[0]?.text).toContain(`${PRINCIPALS.cicdPipeline} holds Contributor on resource group ${RESOURCE_GROUP}: enough for the deployment`);
  });

  it('passes with a warning and the narrower alternative for Contributor on the whole subscription', () => {
    const r = validateServicePrincipal(addWorkspaceRoleAssignments(hardenedSnapshot(), roleAssignment(ROLE.contributor, PRINCIPALS.cicdPipeline, 'ServicePrincipal', SUBSCRIPTION_SCOPE)));
    expect(r.status).toBe('warning');
    const advice = r.items.find((i) => !i.ok)!;
    expect(advice.text).toContain(`Contributor on the whole subscription ${SUBSCRIPTION_ID} is more than the deployment needs`);
    expect(advice.fix).toContain(`--role Contributor --scope ${RESOURCE_GROUP_SCOPE}`);
    expect(advice.fix).toContain('Role Based Access Control Administrator');
  });

  it("ignores the workspace's own managed identity and assignments on the workspace alone", () => {
    const snapshot = addWorkspaceRoleAssignments(
      hardenedSnapshot(),
      roleAssignment(ROLE.owner, PRINCIPALS.workspaceUami, 'ServicePrincipal', RESOURCE_GROUP_SCOPE),
      roleAssignment(ROLE.contributor, PRINCIPALS.cicdPipeline, 'ServicePrincipal', WORKSPACE_ID),
    );
    expect(validateServicePrincipal(snapshot).status).toBe('failed');
  });

  it('cannot validate when role assignments cannot be read', () => {
    const r = validateServicePrincipal(withRoleAssignments(hardenedSnapshot(), { workspace: failedRead('forbidden', 403, 'Microsoft.Authorization/roleAssignments/read') }));
    expect(r.status).toBe('cannot_validate');
    expect(r.items[0]?.text).toContain('Could not read the role assignments on the workspace');
    expect(r.items[0]?.fix).toContain('Microsoft.Authorization/roleAssignments/read');
  });
});

describe('exercise 6: infrastructure deployed', () => {
  const deployed = () => withComputes(hardenedSnapshot(), [computeInstance(), amlCluster({ id: `${WORKSPACE_ID}/computes/cpu-cluster`, name: 'cpu-cluster' })]);

  it('fails naming the missing compute cluster and how to create it', () => {
    const r = validateInfrastructure(withComputes(hardenedSnapshot(), [computeInstance()]), PARAMS);
    expect(r.status).toBe('failed');
    const missing = r.items.find((i) => !i.ok)!;
    expect(missing.text).toContain('No compute cluster in workspace mlw-contoso-prod: expected cpu-cluster');
    expect(missing.fix).toContain('enable_aml_computecluster: true');
    expect(missing.fix).toContain(`az ml compute create --name cpu-cluster --type amlcompute`);
  });

  it('does not pass when the Key Vault cannot be read, and says which permission is missing', () => {
    const r = validateInfrastructure({ ...deployed(), keyVault: failedRead('forbidden', 403, 'Microsoft.KeyVault/vaults/read', KEY_VAULT_ID) }, PARAMS);
    expect(r.status).toBe('cannot_validate');
    expect(r.items.find((i) => !i.ok)?.text).toContain('Could not read the Key Vault');
    expect(r.items.find((i) => !i.ok)?.fix).toContain('Microsoft.KeyVault/vaults/read');
  });

  it('names a permission only for a refused read: a throttled Key Vault read asks to validate again', () => {
    const r = validateInfrastructure({ ...deployed(), keyVault: failedRead('throttled', 429, 'Microsoft.KeyVault/vaults/read', KEY_VAULT_ID) }, PARAMS);
    expect(r.status).toBe('cannot_validate');
    const unread = r.items.find((i) => !i.ok);
    expect(unread?.text).toContain('Could not read the Key Vault');
    expect(unread?.fix).not.toMatch(/read access|Microsoft\.KeyVault\/vaults\/read/);
  });

  it('fails when the workspace links no Key Vault or Application Insights', () => {
    const r = validateInfrastructure({ ...deployed(), keyVault: noneLinked(), applicationInsights: noneLinked() }, PARAMS);
    expect(r.status).toBe('failed');
    expect(r.items.filter((i) => !i.ok).map((i) => i.text)).toEqual(['Workspace mlw-contoso-prod links no Key Vault.', 'Workspace mlw-contoso-prod links no Application Insights component.']);
  });

  it('passes when every resource is there', () => {
    const r = validateInfrastructure(deployed(), PARAMS);
    expect(r.status).toBe('passed');
    expect(r.items.every((i) => i.ok)).toBe(true);
    expect(r.items.map((i) => i.text).join('\n')).toMatch(/storage account stmlcontosoprod[\s\S]*Key Vault kv-ml-contoso-prod[\s\S]*Compute cluster cpu-cluster exists/);
  });

  it('warns (not fails) when the registry is not created yet or the cluster has another name', () => {
    const r = validateInfrastructure({ ...hardenedSnapshot(), containerRegistry: noneLinked() }, PARAMS);
    expect(r.status).toBe('warning');
    expect(r.items.filter((i) => !i.ok).map((i) => i.text)).toEqual([
      'Workspace mlw-contoso-prod links no container registry yet.',
      'No compute cluster named cpu-cluster, but workspace mlw-contoso-prod has cpu-cluster-build.',
    ]);
  });

  it('fails with the exact expected names when the workspace does not exist', () => {
    const r = workspaceNotFound(PARAMS, []);
    expect(r.status).toBe('failed');
    expect(r.items[0]?.text).toBe(`No workspace mlw-mlsec-0001prod in resource group rg-mlsec-0001prod (subscription ${SUBSCRIPTION_ID}).`);
    expect(r.items[0]?.fix).toMatch(/Run the infrastructure pipeline \(deploy-infra: \/mlops\/devops-pipelines\/cli-ado-deploy-infra.yml\)/);
    expect(validateInfrastructure({ ...hardenedSnapshot(), workspace: failedRead('not_found', 404) }, PARAMS).status).toBe('failed');
  });
});

describe('exercise 7: Defender CSPM and the Azure DevOps connector', () => {
  it('fails on the Free tier and without a connector, saying how to fix each', () => {
    const snapshot = withSecurityConnectors(withDefenderPlan(hardenedSnapshot(), 'CloudPosture', { pricingTier: 'Free' }), [{ id: '/x', name: 'gh', environmentName: 'Github' }]);
    const r = validateDefenderSetup(snapshot);
    expect(r.status).toBe('failed');
    const missing = r.items.filter((i) => !i.ok);
    expect(missing).toHaveLength(2);
    expect(missing[0]?.text).toContain('is on the Free tier');
    expect(missing[0]?.fix).toMatch(/az security pricing create --subscription [0-9a-f-]{36} --name CloudPosture --tier standard/);
    expect(missing[1]?.text).toContain('No Azure DevOps connector');
    expect(missing[1]?.fix).toContain('Add environment → Azure DevOps');
  });

  it('passes with CloudPosture Standard and an AzureDevOps connector', () => {
    const r = validateDefenderSetup(hardenedSnapshot());
    expect(r.status).toBe('passed');
    expect(r.items.map((i) => i.text)).toEqual([
      `Defender CSPM (CloudPosture) is on the Standard tier on subscription ${SUBSCRIPTION_ID}.`,
      'Azure DevOps connector ado-contoso-ml is connected to Defender for Cloud.',
    ]);
  });

  it('cannot validate when the plans cannot be read', () => {
    expect(validateDefenderSetup({ ...hardenedSnapshot(), defenderPlans: failedRead('forbidden', 403, 'Microsoft.Security/pricings/read', SUBSCRIPTION_SCOPE) }).status).toBe('cannot_validate');
  });
});

describe('exercise 8: recommendations', () => {
  it('lists the resource group recommendations, unhealthy and severe first', () => {
    const base = hardenedSnapshot();
    const extra = [
      { id: 'a1', resourceId: KEY_VAULT_ID, displayName: 'Key vaults should have deletion protection enabled', statusCode: 'Unhealthy', severity: 'Low' },
      { id: 'a2', resourceId: WORKSPACE_ID, displayName: 'Workspaces should use private link', statusCode: 'Unhealthy', severity: 'High' },
      { id: 'a3', resourceId: '/subscriptions/other/resourceGroups/else/providers/X/y/z', displayName: 'Elsewhere', statusCode: 'Unhealthy', severity: 'High' },
    ];
    const r = validateRecommendations({ ...base, assessments: ok([...(base.assessments.ok ? base.assessments.value : []), ...extra]) });
    expect(r.status).toBe('passed');
    expect(r.items[0]?.text).toContain('lists 6 recommendation(s) for resource group rg-mlsec-prod, 2 unhealthy');
    expect(r.items[1]?.text).toBe('Unhealthy · High: Workspaces should use private link — mlw-contoso-prod');
    expect(r.items[2]?.text).toContain('Unhealthy · Low: Key vaults should have deletion protection enabled');
    expect(r.items.some((i) => i.text.includes('Elsewhere'))).toBe(false);
  });

  it('warns when Defender has not assessed the resources yet', () => {
    const r = validateRecommendations({ ...hardenedSnapshot(), assessments: ok([]) });
    expect(r.status).toBe('warning');
    expect(r.items[0]?.fix).toContain('up to 24');
  });
});

describe('exercises 10 and 11: catalog controls as advice', () => {
  const finding = (checkId: string, status: Finding['status'], severity: Finding['severity'] = 'high'): Finding => ({
    checkId,
    title: `Title of ${checkId}`,
    category: 'network-security',
    severity,
    status,
    resourceId: WORKSPACE_ID,
    message: `Message of ${checkId}`,
    evidence: [],
    remediation: { portal: ['Do it'], cli: `az fix ${checkId}`, url: 'https://learn.microsoft.com/x' },
    workshopQuestions: [],
  });

  it('reports failed checks as a warning with their titles and fixes, never as a failure', () => {
    const r = validateControls([finding('AML-NET-002', 'pass'), finding('AML-NET-006', 'fail', 'medium'), finding('AML-NET-001', 'fail', 'critical')], 'network');
    expect(r.status).toBe('warning');
    expect(r.items.map((i) => i.text)).toEqual([
      expect.stringContaining('2 network control(s)'),
      'AML-NET-001 Title of AML-NET-001 (critical): Message of AML-NET-001',
      'AML-NET-006 Title of AML-NET-006 (medium): Message of AML-NET-006',
      '1 network check(s) pass: Title of AML-NET-002.',
    ]);
    expect(r.items[1]?.fix).toBe('az fix AML-NET-001 — https://learn.microsoft.com/x');
  });

  it('passes when every check passes, and cannot validate when none could be assessed', () => {
    expect(validateControls([finding('AML-RBAC-1', 'pass')], 'RBAC').status).toBe('passed');
    expect(validateControls([finding('AML-RBAC-1', 'error')], 'RBAC').status).toBe('cannot_validate');
    expect(validateControls([], 'RBAC').status).toBe('cannot_validate');
  });
});
