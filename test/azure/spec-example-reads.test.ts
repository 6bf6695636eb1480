/**
 * Reads over the official example bodies, served by the sample ARM server at their real paths: the workspace's
 * preview-only settings come from a second read at the preview api-version, and Defender assessments are listed
 * per subscription (the only documented scope besides management groups) and narrowed by resource id.
 */
import { API_VERSIONS, readAssessments, readWorkspace } from '../../src/azure/reads';
import { isRoleDefinitionVisibleAt } from '../../src/azure/fleet-collect';
import type { JsonObject } from '../../src/sample';
import { EXAMPLES, exampleBody, member, text, withProperties } from '../support/arm-example';
import { startTestArm, type TestArm } from '../support/fake-arm';

const signal = (): AbortSignal => new AbortController().signal;

describe('the workspace read', () => {
  let t: TestArm;
  const body = exampleBody(EXAMPLES.workspace);
  const id = text(body, 'id');
  beforeEach(async () => {
    t = await startTestArm({ seed: () => undefined });
  });
  afterEach(() => t.close());

  test('takes networkAcls and softDeleteRetentionInDays from the preview api-version that defines them', async () => {
    // 2025-07-01-preview WorkspaceProperties: networkAcls { defaultAction, ipRules[].value }, softDeleteRetentionInDays.
    t.arm.setResource(id, withProperties(body, { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] }, softDeleteRetentionInDays: 7 }));
    const ws = await readWorkspace(t.clients, id, signal());
    expect(ws.preview).toEqual({ ok: true, value: { networkAcls: { defaultAction: 'Deny', ipRules: ['203.0.113.0/24'] }, softDeleteRetentionInDays: 7 } });
    expect(t.arm.requests.map((r) => r.apiVersion).sort()).toEqual([API_VERSIONS.workspacePreview, API_VERSIONS.machineLearning]);
    expect(API_VERSIONS.workspacePreview).toBe('2025-07-01-preview');
  });

  test('keeps the workspace when the preview api-version is refused, and says why the two settings are missing', async () => {
    t.arm.setResource(id, body);
    t.arm.inject({ pathPattern: '/workspaces/testworkspace', apiVersion: API_VERSIONS.workspacePreview, status: 400, code: 'InvalidApiVersionParameter' });
    const ws = await readWorkspace(t.clients, id, signal());
    expect(ws.name).toBe('testworkspace');
    expect(ws.publicNetworkAccess).toBe('Disabled');
    expect(ws.preview.ok).toBe(false);
    if (!ws.preview.ok) {
      expect(ws.preview.error).toMatchObject({ kind: 'invalid', status: 400, code: 'InvalidApiVersionParameter', resourceId: id });
      expect(ws.preview.error.message).toContain(API_VERSIONS.workspacePreview);
    }
  });
});

describe('Defender assessments', () => {
  let t: TestArm;
  const example = exampleBody(EXAMPLES.assessment);
  const subscription = '/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23';
  const vmss = `${subscription}/resourceGroups/myRg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss2`;
  const registry = `${subscription}/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/crShared`;
  const elsewhere = `${subscription}/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/stother`;
  /** The example assessment, about another resource. */
  const about = (resourceId: string): JsonObject => {
    const id = text(example, 'id').replace(vmss, resourceId);
    return { ...example, id, properties: { ...member(example, 'properties'), resourceDetails: { source: 'Azure', id: resourceId } } };
  };

  beforeEach(async () => {
    t = await startTestArm({ seed: () => undefined });
    // The subscription must exist for the server to list below it.
    t.arm.setResource(subscription, { id: subscription, subscriptionId: subscription.split('/')[2] ?? '', displayName: 'example', state: 'Enabled' });
    for (const resourceId of [vmss, registry, elsewhere]) {
      const body = about(resourceId);
      t.arm.setResource(text(body, 'id'), body);
    }
  });
  afterEach(() => t.close());

  test('are listed once at the subscription scope and kept only for the resources asked about', async () => {
    const found = await readAssessments(t.clients, subscription, signal(), [`${subscription}/resourceGroups/MYRG`, registry.toUpperCase()]);
    expect(found.map((a) => a.resourceId).sort()).toEqual([registry, vmss].sort());
    expect(t.arm.requests.map((r) => r.path.toLowerCase())).toEqual([`${subscription}/providers/Microsoft.Security/assessments`.toLowerCase()]);
    expect(t.arm.requests.every((r) => r.apiVersion === '2021-06-01')).toBe(true);
  });

  test('take their display name from the assessment itself, as the list returns it', async () => {
    const [first] = await readAssessments(t.clients, subscription, signal(), [vmss]);
    expect(first).toMatchObject({ displayName: 'Install endpoint protection solution on virtual machine scale sets', statusCode: 'NotApplicable', severity: undefined });
  });

  test('are all kept when no resource is named (the subscription-wide Defender status)', async () => {
    expect(await readAssessments(t.clients, subscription, signal())).toHaveLength(3);
  });
});

describe('role definitions in Resource Graph', () => {
  const subscription = '/subscriptions/3f2c8a1e-5b7d-4c9e-a1f0-6d2b8e4c7a90';
  test('built-in roles, which have tenant-level ids, are visible at the subscription', () => {
    expect(isRoleDefinitionVisibleAt('/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7', subscription)).toBe(true);
  });
  test("custom roles of the subscription are, another subscription's and nested ids are not", () => {
    expect(isRoleDefinitionVisibleAt(`${subscription}/providers/Microsoft.Authorization/roleDefinitions/1b2c3d4e-0000-4000-8000-000000000001`, subscription)).toBe(true);
    expect(isRoleDefinitionVisibleAt('/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/1b2c3d4e-0000-4000-8000-000000000001', subscription)).toBe(false);
    expect(isRoleDefinitionVisibleAt('/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7/extra', subscription)).toBe(false);
  });
});
