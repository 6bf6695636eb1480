import am001 from '../../../src/checks/asset-management/aml-am-001-compute-idle-shutdown';
import am002 from '../../../src/checks/asset-management/aml-am-002-cluster-scales-to-zero';
import am003 from '../../../src/checks/asset-management/aml-am-003-ml-policies-assigned';
import am004 from '../../../src/checks/asset-management/aml-am-004-allowed-types-locations-policy';
import am005 from '../../../src/checks/asset-management/aml-am-005-mcsb-initiative-assigned';
import am006 from '../../../src/checks/asset-management/aml-am-006-policy-compliance';
import am007 from '../../../src/checks/asset-management/aml-am-007-ownership-classification-tags';
import { checks } from '../../../src/checks/asset-management';
import {
  RESOURCE_GROUP_SCOPE,
  SUBSCRIPTION_SCOPE,
  STORAGE_ID,
  WORKSPACE_ID,
  amlCluster,
  computeInstance,
  failedRead,
  hardenedPolicyAssignments,
  hardenedSnapshot,
  policyAssignment,
  withComputes,
  withPolicyAssignments,
  withPolicyStates,
  withWorkspace,
} from '../../support/snapshot-builder';
import { actual, single } from './_helpers';

const ML = {
  publicNetwork: '438c38d2-3772-465a-a9cc-7a6666a275ce',
  privateLink: '45e05259-1eb5-4f70-9574-baf73e9d219b',
  localAuth: 'e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f',
  vnet: '7804b5c7-01dc-4723-969b-ae300cc07ff1',
  outbound: '6ddb1705-c8cf-450e-aa4b-19ad6703c440',
  mcsb: '1f3afdf9-d0c9-4c3d-847f-89da613e70a8',
};
const allowedTypes = policyAssignment('a08ec900-254a-4555-9bf5-e42af04b5c5c', 'Allowed resource types');
const notAllowedTypes = policyAssignment('6c112d4e-5bc7-47ae-a041-ea2d9dccd749', 'Not allowed resource types');
const allowedLocations = policyAssignment('e56962a6-4747-49cd-b67b-bf8b01975c4c', 'Allowed locations');

describe('asset-management index', () => {
  it('lists the seven checks in id order', () => {
    expect(checks.map((c) => c.id)).toEqual([am001, am002, am003, am004, am005, am006, am007].map((c) => c.id));
  });
});

describe('AML-AM-001 compute instance idle shutdown', () => {
  it('passes per compute instance with idle shutdown and ignores clusters', () => {
    const r = single(am001.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: `${WORKSPACE_ID}/computes/ci-alice` });
    expect(actual(r, 'properties.properties.idleTimeBeforeShutdown')).toBe('PT30M');
  });
  it('does not fail an instance whose body omits idle shutdown (the stable contract does not define it): manual', () => {
    const results = am001.evaluate(
      withComputes(hardenedSnapshot(), [computeInstance(), computeInstance({ id: `${WORKSPACE_ID}/computes/ci-bob`, name: 'ci-bob', idleTimeBeforeShutdown: undefined })]),
    );
    expect(results.map((r) => r.status)).toEqual(['pass', 'manual']);
    expect(results[1]!.message).toMatch(/ci-bob.*does not define idleTimeBeforeShutdown/);
  });
  it('lets policy 679ddf89 decide when the body omits idle shutdown', () => {
    const bobId = `${WORKSPACE_ID}/computes/ci-bob`;
    const bob = computeInstance({ id: bobId, name: 'ci-bob', idleTimeBeforeShutdown: undefined });
    const state = (complianceState: string) => ({
      resourceId: bobId.toUpperCase(),
      policyAssignmentId: `${SUBSCRIPTION_SCOPE}/providers/Microsoft.Authorization/policyAssignments/pa-idle`,
      policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449',
      complianceState,
    });
    const nonCompliant = single(am001.evaluate(withPolicyStates(withComputes(hardenedSnapshot(), [bob]), [state('NonCompliant')])));
    expect(nonCompliant).toMatchObject({ status: 'fail', resourceId: bobId });
    expect(actual(nonCompliant, 'complianceState (policy 679ddf89-ab8f-48a5-9029-e76054077449)')).toBe('NonCompliant');
    expect(single(am001.evaluate(withPolicyStates(withComputes(hardenedSnapshot(), [bob]), [state('Compliant')]))).status).toBe('pass');
  });
  it('is manual, saying why, when the body omits idle shutdown and the policy states cannot be read', () => {
    const bob = computeInstance({ id: `${WORKSPACE_ID}/computes/ci-bob`, name: 'ci-bob', idleTimeBeforeShutdown: undefined });
    const r = single(am001.evaluate(hardenedSnapshot({ computes: { ok: true, value: [bob] }, policyStates: failedRead('forbidden') })));
    expect(r.status).toBe('manual');
    expect(r.message).toContain('could not be read');
  });
  it('is not applicable without compute instances', () => {
    expect(single(am001.evaluate(withComputes(hardenedSnapshot(), [amlCluster()]))).status).toBe('not_applicable');
  });
  it('is an error when computes cannot be read', () => {
    expect(single(am001.evaluate(hardenedSnapshot({ computes: failedRead('forbidden') }))).status).toBe('error');
  });
});

describe('AML-AM-002 cluster scales to zero', () => {
  it('passes for a cluster with minimum 0', () => {
    const r = single(am002.evaluate(hardenedSnapshot()));
    expect(r).toMatchObject({ status: 'pass', resourceId: `${WORKSPACE_ID}/computes/cpu-cluster-build` });
    expect(actual(r, 'properties.properties.scaleSettings.minNodeCount')).toBe('0');
  });
  it('fails a cluster that keeps nodes', () => {
    const r = single(am002.evaluate(withComputes(hardenedSnapshot(), [amlCluster({ minNodeCount: 2 })])));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('at least 2 node');
  });
  it('is manual, not pass, when the minimum is not reported', () => {
    expect(single(am002.evaluate(withComputes(hardenedSnapshot(), [amlCluster({ minNodeCount: undefined })]))).status).toBe('manual');
  });
  it('is not applicable without clusters and an error on a failed read', () => {
    expect(single(am002.evaluate(withComputes(hardenedSnapshot(), [computeInstance()]))).status).toBe('not_applicable');
    expect(single(am002.evaluate(hardenedSnapshot({ computes: failedRead('throttled') }))).status).toBe('error');
  });
});

describe('AML-AM-003 Azure ML policies assigned', () => {
  it('passes with the built-ins assigned and isolationMode set', () => {
    const r = single(am003.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(actual(r, `policy ${ML.vnet}`)).toContain('assigned as');
  });
  it('counts the MCSB initiative as covering the four definitions', () => {
    const r = single(am003.evaluate(withPolicyAssignments(hardenedSnapshot(), [policyAssignment(ML.mcsb, 'Microsoft cloud security benchmark', 'initiative')])));
    expect(r.status).toBe('pass');
    expect(actual(r, `policy ${ML.privateLink}`)).toContain('via initiative');
  });
  it('fails and names what is missing', () => {
    const r = single(am003.evaluate(withPolicyAssignments(hardenedSnapshot(), [policyAssignment(ML.publicNetwork, 'public')])));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Azure Machine Learning workspaces should use private link');
    expect(actual(r, `policy ${ML.localAuth}`)).toBe('not set');
  });
  it('fails the approved-outbound policy left at its default isolationMode (anchor defect §5.3)', () => {
    const assignments = hardenedPolicyAssignments().map((a) => (a.policyDefinitionId.endsWith(ML.outbound) ? { ...a, parameters: {} } : a));
    const r = single(am003.evaluate(withPolicyAssignments(hardenedSnapshot(), assignments)));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('isolationMode');
    expect(r.message).toContain('default Disabled');
  });
  it('fails isolationMode explicitly Disabled, in ARM { value } form too', () => {
    const assignments = hardenedPolicyAssignments().map((a) => (a.policyDefinitionId.endsWith(ML.outbound) ? { ...a, parameters: { isolationMode: { value: 'Disabled' } } } : a));
    expect(single(am003.evaluate(withPolicyAssignments(hardenedSnapshot(), assignments))).status).toBe('fail');
  });
  it('is an error when assignments cannot be read', () => {
    expect(single(am003.evaluate(hardenedSnapshot({ policyAssignments: failedRead('forbidden') }))).status).toBe('error');
  });
});

describe('AML-AM-004 allowed types and locations', () => {
  it('passes with allowed types and allowed locations enforced', () => {
    const r = single(am004.evaluate(withPolicyAssignments(hardenedSnapshot(), [allowedTypes, allowedLocations])));
    expect(r.status).toBe('pass');
    expect(actual(r, 'policy e56962a6-4747-49cd-b67b-bf8b01975c4c (Allowed locations)')).toContain('Allowed locations');
  });
  it('accepts a not-allowed-types deny list', () => {
    expect(single(am004.evaluate(withPolicyAssignments(hardenedSnapshot(), [notAllowedTypes, allowedLocations]))).status).toBe('pass');
  });
  it('fails without any type or location restriction and names both gaps', () => {
    const unrestricted = hardenedPolicyAssignments().filter(
      (a) => !/a08ec900-254a-4555-9bf5-e42af04b5c5c|e56962a6-4747-49cd-b67b-bf8b01975c4c|6c112d4e-5bc7-47ae-a041-ea2d9dccd749/i.test(a.policyDefinitionId),
    );
    const r = single(am004.evaluate(withPolicyAssignments(hardenedSnapshot(), unrestricted)));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('resource types or locations');
  });
  it('fails when the location policy is DoNotEnforce', () => {
    const r = single(am004.evaluate(withPolicyAssignments(hardenedSnapshot(), [allowedTypes, { ...allowedLocations, enforcementMode: 'DoNotEnforce' }])));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('locations');
    expect(actual(r, 'policy e56962a6-4747-49cd-b67b-bf8b01975c4c (Allowed locations)')).toContain('DoNotEnforce');
  });
  it('is an error when assignments cannot be read', () => {
    expect(single(am004.evaluate(hardenedSnapshot({ policyAssignments: failedRead() }))).status).toBe('error');
  });
});

describe('AML-AM-005 MCSB initiative', () => {
  it('passes when assigned and enforced', () => {
    const r = single(am005.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(actual(r, 'enforcementMode')).toBe('Default');
  });
  it('fails when DoNotEnforce', () => {
    const r = single(am005.evaluate(withPolicyAssignments(hardenedSnapshot(), [{ ...policyAssignment(ML.mcsb, 'MCSB', 'initiative'), enforcementMode: 'DoNotEnforce' }])));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('DoNotEnforce');
  });
  it('fails when not assigned (a plain definition with the same GUID does not count)', () => {
    const r = single(am005.evaluate(withPolicyAssignments(hardenedSnapshot(), [policyAssignment(ML.mcsb, 'wrong kind', 'policy')])));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('not assigned');
  });
  it('is an error when assignments cannot be read', () => {
    expect(single(am005.evaluate(hardenedSnapshot({ policyAssignments: failedRead() }))).status).toBe('error');
  });
});

describe('AML-AM-006 policy compliance', () => {
  const state = (resourceId: string, complianceState: string) => ({
    resourceId,
    policyAssignmentId: `${RESOURCE_GROUP_SCOPE}/providers/Microsoft.Authorization/policyAssignments/pa-438c38d2`,
    policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${ML.publicNetwork}`,
    complianceState,
  });
  it('passes when every state is compliant', () => {
    expect(single(am006.evaluate(hardenedSnapshot())).status).toBe('pass');
  });
  it('fails once per non-compliant state on the workspace, its computes and linked resources, naming the policy', () => {
    const results = am006.evaluate(
      withPolicyStates(hardenedSnapshot(), [
        state(WORKSPACE_ID, 'NonCompliant'),
        state(`${WORKSPACE_ID}/computes/ci-alice`, 'NonCompliant'),
        state(STORAGE_ID, 'NonCompliant'),
        state(`${RESOURCE_GROUP_SCOPE}/providers/Microsoft.Storage/storageAccounts/someoneelse`, 'NonCompliant'),
        state(WORKSPACE_ID, 'Compliant'),
      ]),
    );
    expect(results.map((r) => [r.status, r.resourceId])).toEqual([
      ['fail', WORKSPACE_ID],
      ['fail', `${WORKSPACE_ID}/computes/ci-alice`],
      ['fail', STORAGE_ID],
    ]);
    expect(results[0]!.message).toContain('Azure Machine Learning Workspaces should disable public network access');
    expect(results[0]!.message).toContain('pa-438c38d2');
    expect(actual(results[0]!, 'complianceState')).toBe('NonCompliant');
  });
  it('is an error when states or the workspace cannot be read', () => {
    expect(single(am006.evaluate(hardenedSnapshot({ policyStates: failedRead() }))).status).toBe('error');
    expect(single(am006.evaluate(hardenedSnapshot({ workspace: failedRead() }))).status).toBe('error');
  });
});

describe('AML-AM-007 ownership and classification tags', () => {
  it('passes with owner and dataClassification tags', () => {
    const r = single(am007.evaluate(hardenedSnapshot()));
    expect(r.status).toBe('pass');
    expect(actual(r, 'tags (owner)')).toBe('owner=ml-platform');
    expect(actual(r, 'tags (data classification)')).toBe('dataClassification=confidential');
  });
  it('matches keys case-insensitively and ignoring separators', () => {
    expect(single(am007.evaluate(withWorkspace(hardenedSnapshot(), { tags: { 'Owned-By': 'team-a', DATA_CLASSIFICATION: 'internal' } }))).status).toBe('pass');
  });
  it('fails without tags, and blank values do not count', () => {
    const r = single(am007.evaluate(withWorkspace(hardenedSnapshot(), { tags: { owner: ' ', environment: 'prod' } })));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('an owner or a data classification');
    expect(actual(r, 'tags (owner)')).toBe('not set');
  });
  it('is an error when the workspace cannot be read', () => {
    expect(single(am007.evaluate(hardenedSnapshot({ workspace: failedRead() }))).status).toBe('error');
  });
});
