import { isSampleTarget, malformedTarget, parseScanTarget, workspaceTargetText } from '../../src/shared/scan-target';

const SUBSCRIPTION = '00000000-1111-2222-3333-444444444444';
const WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod`;

describe('parseScanTarget', () => {
  it('reads the sample, with or without a sample name, in lower case', () => {
    expect(parseScanTarget(' Sample ')).toEqual({ kind: 'sample', text: 'sample', sampleName: undefined });
    expect(parseScanTarget('sample:Hardened')).toEqual({ kind: 'sample', text: 'sample:hardened', sampleName: 'hardened' });
    expect(isSampleTarget('sample:hardened')).toBe(true);
    expect(isSampleTarget('samples')).toBe(false);
  });

  it('reads a subscription typed bare or as its resource id', () => {
    expect(parseScanTarget(SUBSCRIPTION.toUpperCase())).toEqual({ kind: 'subscription', subscriptionId: SUBSCRIPTION });
    expect(parseScanTarget(`/subscriptions/${SUBSCRIPTION}/`)).toEqual({ kind: 'subscription', subscriptionId: SUBSCRIPTION });
  });

  it('reads a workspace id and keeps its name', () => {
    expect(parseScanTarget(WORKSPACE_ID)).toEqual({ kind: 'workspace-id', id: WORKSPACE_ID, name: 'mlw-prod' });
  });

  it('tells a malformed id from a well-formed id of something other than a workspace', () => {
    const storage = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/st1`;
    expect(parseScanTarget(storage)).toEqual({ kind: 'other-resource', id: storage });
    expect(parseScanTarget(`/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml`)).toMatchObject({ kind: 'other-resource' });
    expect(parseScanTarget('/subscriptions/xyz')).toMatchObject({ kind: 'invalid', what: 'subscription id', reason: expect.stringMatching(/^"xyz" is not one/) as string });
    expect(parseScanTarget('/subscriptions/xyz/resourceGroups/rg')).toMatchObject({ kind: 'invalid', what: 'resource id' });
    expect(parseScanTarget('  ')).toMatchObject({ kind: 'invalid' });
  });

  it('takes anything else as a workspace name, resolved later', () => {
    expect(parseScanTarget('mlw-prod')).toEqual({ kind: 'workspace-name', name: 'mlw-prod' });
  });

  it('gives the scan service the text it takes for each workspace target', () => {
    const texts = ['sample:hardened', WORKSPACE_ID, 'mlw-prod'].map((t) => {
      const parsed = parseScanTarget(t);
      return parsed.kind === 'sample' || parsed.kind === 'workspace-id' || parsed.kind === 'workspace-name' ? workspaceTargetText(parsed) : undefined;
    });
    expect(texts).toEqual(['sample:hardened', WORKSPACE_ID, 'mlw-prod']);
  });
});

describe('malformedTarget', () => {
  it('says a subscription that is not a GUID is not a subscription id, and shows what one looks like', () => {
    for (const text of ['/subscriptions/xyz', 'scan /subscriptions/1234/', 'subscriptions/12-ab.']) {
      const problem = malformedTarget(text);
      expect(problem?.what).toBe('subscription id');
      expect(problem?.reason).toMatch(/a subscription id is a GUID like [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
    expect(malformedTarget('/subscriptions/xyz')?.reason).toMatch(/^"xyz" is not one/);
  });

  it('says why a longer id is not a resource id', () => {
    expect(malformedTarget('/subscriptions/xyz/resourceGroups/rg')).toEqual({ what: 'resource id', reason: '"xyz" is not a subscription id (a GUID).' });
    expect(malformedTarget(`/subscriptions/${SUBSCRIPTION}/providers/x`)?.what).toBe('resource id');
  });

  it('finds nothing wrong with valid ids or text without one', () => {
    for (const text of [`/subscriptions/${SUBSCRIPTION}`, `scan ${WORKSPACE_ID}`, 'scan ws-prod', 'defender status']) expect(malformedTarget(text)).toBeUndefined();
  });
});
