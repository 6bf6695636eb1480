import { expectedNames, namingFromWorkspaceName, workspaceCandidates } from '../../src/lab/naming';
import { isOnlyParameters, parseParameterText, validateParameters } from '../../src/lab/parameters';

const SUB = '3f2c8a1e-5b7d-4c9e-a1f0-6d2b8e4c7a90';

describe('lab parameters', () => {
  it('accepts the accelerator values and fills defaults', () => {
    const r = validateParameters({ subscriptionId: SUB.toUpperCase(), namespace: 'MLOps', postfix: '0001', location: 'East US' });
    expect(r).toEqual({ ok: true, value: { subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod', computeCluster: 'cpu-cluster' } });
  });

  it('gives a missing location the form\'s region, as it gives environment and compute cluster theirs', () => {
    const r = validateParameters({ subscriptionId: SUB, namespace: 'mlops', postfix: '0001' });
    expect(r).toEqual({ ok: true, value: { subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod', computeCluster: 'cpu-cluster' } });
  });

  it.each([
    [`subscriptionId=${SUB} namespace=mlops postfix=0001`, true],
    ['namespace=mlops, postfix=0001; env=dev', true],
    ['region: westeurope', true],
    ['namespace=mlops and postfix=0001', false],
    ['colour=blue namespace=mlops', false],
    ['we use private endpoints', false],
    ['', false],
  ])('reads "%s" as nothing but lab parameters: %s', (text, expected) => {
    expect(isOnlyParameters(text)).toBe(expected);
  });

  it('lists every problem', () => {
    const r = validateParameters({ subscriptionId: 'not-a-guid', namespace: 'ml-ops', postfix: '12345', location: 'east us!', environment: 'Production1' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(5);
      expect(r.problems.join(' ')).toMatch(/GUID.*namespace.*postfix.*location.*environment/);
    }
  });

  it('refuses names that make the storage account longer than 24 characters', () => {
    const r = validateParameters({ subscriptionId: SUB, namespace: 'averylongns', postfix: '0001', location: 'eastus' });
    expect(r.ok).toBe(false);
    const r2 = validateParameters({ subscriptionId: SUB, namespace: 'mlopsvtwox', postfix: '0001', location: 'eastus', environment: 'prodprod' });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problems).toEqual([expect.stringContaining('kv-mlopsvtwox-0001prodprod has 26 characters (24 at most)')]);
  });

  it('rejects non-text values from a forged card', () => {
    const r = validateParameters({ subscriptionId: SUB, namespace: ['x'], postfix: 1, location: 'eastus' });
    expect(r.ok).toBe(false);
  });

  it('merges new values over known ones', () => {
    const known = { subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod', computeCluster: 'cpu-cluster' };
    const r = validateParameters({ postfix: '0002' }, known);
    expect(r.ok && r.value.postfix).toBe('0002');
  });

  it('parses key=value text with aliases and reports unknown keys', () => {
    expect(parseParameterText(`subscription=${SUB} ns=mlops postfix:0001 region=eastus env="dev" colour=red`)).toEqual({
      values: { subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'dev' },
      unknown: ['colour'],
      stray: [],
    });
  });

  it('reports the words after an unquoted value, which end it at the first space', () => {
    expect(parseParameterText('location=EAST US environment=Prod').stray).toEqual([{ key: 'location', value: 'EAST', words: 'US' }]);
    expect(parseParameterText('location="East US" and environment=prod, postfix=0001').stray).toEqual([]);
  });

  it.each(['westeurope2x', 'east', 'moon'])('refuses the unknown region %s, naming the location field', (location) => {
    const r = validateParameters({ subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location });
    expect(r).toEqual({ ok: false, problems: [expect.stringMatching(new RegExp(`^location ${location} is not an Azure region name`))] });
  });

  it.each([['West Europe', 'westeurope'], ['SwedenCentral', 'swedencentral'], ['eastus2', 'eastus2']])('accepts the region %s as %s', (location, expected) => {
    const r = validateParameters({ subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location });
    expect(r.ok && r.value.location).toBe(expected);
  });
});

describe('accelerator naming', () => {
  const params = { subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod' };

  it('derives the names config-infra-prod.yml derives', () => {
    expect(expectedNames(params)).toEqual({
      resourceGroups: ['rg-mlops-0001prod', 'rg-mlops-0001-prod'],
      workspaces: ['mlw-mlops-0001prod', 'mlw-mlops-0001-prod'],
      storageAccount: 'stmlops0001prod',
      keyVault: 'kv-mlops-0001prod',
      containerRegistry: 'crmlops0001prod',
      applicationInsights: ['mlw-mlops-0001prod', 'appi-mlops-0001prod', 'appi-mlops-0001'],
      computeCluster: 'cpu-cluster',
    });
  });

  it('builds the workspace ids to try, or uses the one found', () => {
    expect(workspaceCandidates(params)).toEqual([
      `/subscriptions/${SUB}/resourceGroups/rg-mlops-0001prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-mlops-0001prod`,
      `/subscriptions/${SUB}/resourceGroups/rg-mlops-0001-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-mlops-0001-prod`,
    ]);
    expect(workspaceCandidates({ subscriptionId: SUB, workspaceId: '/x' })).toEqual(['/x']);
    expect(workspaceCandidates({ subscriptionId: SUB })).toEqual([]);
  });

  it('reads the naming back from a workspace name', () => {
    expect(namingFromWorkspaceName('mlw-mlops-0001prod')).toEqual({ namespace: 'mlops', postfix: '0001', environment: 'prod' });
    expect(namingFromWorkspaceName('mlw-mlops-0001-dev')).toEqual({ namespace: 'mlops', postfix: '0001', environment: 'dev' });
    expect(namingFromWorkspaceName('my-workspace')).toBeUndefined();
  });
});
