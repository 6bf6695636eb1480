import { listWorkspaces, parseWorkspaceTarget, resolveWorkspace, WorkspaceTargetError } from '../../src/azure/resolve';
import { HARDENED_NAMES, LAB_NAMES, SAMPLE_WORKSPACE_IDS, sampleIds } from '../../src/sample';
import { startTestArm, type TestArm } from '../support/fake-arm';

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());

describe('parseWorkspaceTarget', () => {
  test.each([
    ['/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w', /not a subscription id/],
    ['/subscriptions/1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', /not an Azure Machine Learning workspace id/],
    ['/subscriptions/1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001/resourceGroups/rg//providers', /empty segment/],
    ['rg/workspace', /full resource id/],
    ["ws' | project secrets", /3 to 33 letters/],
    ['ab', /3 to 33 letters/],
  ])('rejects %s', (target, reason) => {
    expect(() => parseWorkspaceTarget(target)).toThrow(WorkspaceTargetError);
    expect(() => parseWorkspaceTarget(target)).toThrow(reason);
  });

  test('accepts ids and names', () => {
    expect(parseWorkspaceTarget(SAMPLE_WORKSPACE_IDS.hardened)).toEqual({ kind: 'id', id: SAMPLE_WORKSPACE_IDS.hardened });
    expect(parseWorkspaceTarget(' mlw-mlopsv2-0001prod ')).toEqual({ kind: 'name', name: 'mlw-mlopsv2-0001prod' });
  });
});

describe('resolveWorkspace through Resource Graph', () => {
  test('a unique name is found, with its resource group and location', async () => {
    const resolution = await resolveWorkspace(t.clients, LAB_NAMES.workspace);
    expect(resolution).toEqual({
      kind: 'found',
      workspace: { id: SAMPLE_WORKSPACE_IDS['lab-default'], name: LAB_NAMES.workspace, resourceGroup: LAB_NAMES.resourceGroup, subscriptionId: LAB_NAMES.subscriptionId, location: 'eastus' },
    });
  });

  test('names match case-insensitively, ids too', async () => {
    expect((await resolveWorkspace(t.clients, HARDENED_NAMES.workspace.toUpperCase())).kind).toBe('found');
    expect((await resolveWorkspace(t.clients, SAMPLE_WORKSPACE_IDS.hardened.toLowerCase())).kind).toBe('found');
  });

  test('a name in two places is ambiguous and lists both', async () => {
    const twin = `${sampleIds(HARDENED_NAMES).subscription}/resourceGroups/rg-other/providers/Microsoft.MachineLearningServices/workspaces/${LAB_NAMES.workspace}`;
    t.arm.setResource(twin, { name: LAB_NAMES.workspace, type: 'Microsoft.MachineLearningServices/workspaces', location: 'westeurope', properties: {} });
    try {
      const resolution = await resolveWorkspace(t.clients, LAB_NAMES.workspace);
      expect(resolution.kind).toBe('ambiguous');
      if (resolution.kind === 'ambiguous') expect(resolution.candidates.map((c) => c.resourceGroup).sort()).toEqual([LAB_NAMES.resourceGroup, 'rg-other']);
    } finally {
      t.arm.deleteResource(twin);
    }
  });

  test('an unknown name is a clear not_found', async () => {
    const resolution = await resolveWorkspace(t.clients, 'mlw-nowhere');
    expect(resolution.kind).toBe('not_found');
    if (resolution.kind === 'not_found') expect(resolution.message).toContain('"mlw-nowhere"');
  });

  test('Resource Graph pages are followed', async () => {
    t.arm.setPageSize(1);
    t.arm.resetLog();
    try {
      const refs = await listWorkspaces(t.clients);
      expect(refs.map((r) => r.name).sort()).toEqual([HARDENED_NAMES.workspace, LAB_NAMES.workspace].sort());
      expect(t.arm.requests.filter((r) => r.method === 'POST').length).toBe(2);
    } finally {
      t.arm.setPageSize(4);
    }
  });
});
