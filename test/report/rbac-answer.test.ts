import { checks } from '../../src/checks/privileged-access';
import { areaAnswerSentence } from '../../src/report/wording';
import { run } from '../checks/harness';
import { findingOf, fixtureCheck, reportOf } from '../support/report-fixtures';
import { addWorkspaceRoleAssignments, hardenedSnapshot, ROLE, roleAssignment, SUBSCRIPTION_SCOPE } from '../support/snapshot-builder';

const ownersCheck = checks.find((c) => c.id === 'AML-PRA-006')!;
const EXTRA_OWNERS = ['11111111-0000-4000-8000-000000000001', '11111111-0000-4000-8000-000000000002'];

describe('the RBAC area answer ("who has Owner on ws-prod?")', () => {
  it('leads with the subscription Owners the Owner check found, then the verdict', () => {
    const extra = EXTRA_OWNERS.map((p) => roleAssignment(ROLE.owner, p, 'User', SUBSCRIPTION_SCOPE));
    const [result] = run(ownersCheck, addWorkspaceRoleAssignments(hardenedSnapshot(), ...extra));
    const finding = findingOf({ ...fixtureCheck('privileged-access', 6, 'medium'), id: 'AML-PRA-006' }, result!.status, { evidence: result!.evidence });
    const answer = areaAnswerSentence('rbac', reportOf([finding]));
    expect(answer).toMatch(/^Owners of the subscription: .+\. No — role assignments on ws-prod are not least privilege/);
    for (const owner of EXTRA_OWNERS) expect(answer).toContain(`${owner} (User)`);
  });

  it('gives the verdict alone when no Owner check ran', () => {
    const other = findingOf(fixtureCheck('privileged-access', 1, 'high'), 'pass');
    expect(areaAnswerSentence('rbac', reportOf([other]))).toMatch(/^Yes — role assignments on ws-prod pass/);
  });
});
