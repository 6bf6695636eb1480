/**
 * A finding is named by (checkId, resourceId, subject): notifications diff on it, SARIF fingerprints it, a
 * card's Re-check finds it again by it. Over the WHOLE registry, on the hardened snapshot, on the one where every
 * read failed, and on a busy one (several open recommendations, policy violations and vulnerable images on one
 * resource), no two findings of a scan may share that identity.
 */
import { findingIdentity } from '../../src/checks/identity';
import { allChecks } from '../../src/checks/registry';
import { runChecks } from '../../src/checks/runner';
import type { Finding } from '../../src/checks/types';
import type { WorkspaceSnapshot } from '../../src/azure/snapshot';
import {
  REGISTRY_ID,
  WORKSPACE_ID,
  allReadsFailedSnapshot,
  hardenedSnapshot,
  withAssessments,
  withPolicyStates,
} from '../support/snapshot-builder';

const assessment = (resourceId: string, name: string, displayName: string) => ({
  id: `${resourceId}/providers/Microsoft.Security/assessments/${name}`,
  resourceId,
  displayName,
  statusCode: 'Unhealthy',
  severity: 'High',
});

const INITIATIVE = `${WORKSPACE_ID.split('/').slice(0, 3).join('/')}/providers/Microsoft.Authorization/policyAssignments/mcsb`;
const nonCompliant = (policyAssignmentId: string, definitionGuid: string) => ({
  resourceId: WORKSPACE_ID,
  policyAssignmentId,
  policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${definitionGuid}`,
  complianceState: 'NonCompliant',
});

function busySnapshot(): WorkspaceSnapshot {
  const withRecommendations = withAssessments(hardenedSnapshot(), [
    assessment(WORKSPACE_ID, 'c3b7f9e1-2a4d-4b6f-8e0a-1c3e5a7b9d2f', 'Azure Machine Learning workspaces should disable public network access'),
    assessment(WORKSPACE_ID, 'a1d3e5f7-9b2c-4d6e-8f0a-2b4c6d8e0f1a', 'Resource logs in Azure Machine Learning Workspaces should be enabled'),
    assessment(REGISTRY_ID, 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5', 'Container registry images should have vulnerability findings resolved'),
    assessment(REGISTRY_ID, '090c7b07-b4ed-4561-ad20-e9075f3ccaff', 'Azure registry container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)'),
  ]);
  return withPolicyStates(withRecommendations, [
    nonCompliant(INITIATIVE, '438c38d2-3772-465a-a9cc-7a6666a275ce'),
    nonCompliant(INITIATIVE, '45e05259-1eb5-4f70-9574-baf73e9d219b'),
    nonCompliant(`${INITIATIVE}-2`, '438c38d2-3772-465a-a9cc-7a6666a275ce'),
  ]);
}

function duplicates(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  for (const f of findings) seen.set(findingIdentity(f), (seen.get(findingIdentity(f)) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([key]) => key.split('\u0000').join(' | '));
}

describe('finding identity (checkId, resourceId, subject)', () => {
  it.each([
    ['hardened', hardenedSnapshot],
    ['every read failed', allReadsFailedSnapshot],
    ['busy', busySnapshot],
  ] as const)('is unique for every finding of a scan of the %s snapshot', (_name, snapshot) => {
    const findings = runChecks(snapshot(), allChecks);
    expect(findings.length).toBeGreaterThanOrEqual(allChecks.length);
    expect(duplicates(findings)).toEqual([]);
  });

  it('tells apart open recommendations, policy violations and the vulnerable-image assessment on one resource', () => {
    const findings = runChecks(busySnapshot(), allChecks);
    const subjects = (checkId: string) => findings.filter((f) => f.checkId === checkId && f.status === 'fail').map((f) => f.subject);
    expect(subjects('AML-LT-014')).toEqual(expect.arrayContaining(['c3b7f9e1-2a4d-4b6f-8e0a-1c3e5a7b9d2f', 'a1d3e5f7-9b2c-4d6e-8f0a-2b4c6d8e0f1a']));
    expect(subjects('AML-PV-002')).toEqual(['c0b7cfc6-3172-465a-b378-53c7ff2cc0d5']);
    expect(subjects('AML-LT-014')).toHaveLength(4);
    expect(new Set(subjects('AML-AM-006')).size).toBe(3);
  });

  it('folds case: the same finding read back in another case has the same identity', () => {
    const f = { checkId: 'AML-LT-014', resourceId: WORKSPACE_ID, subject: 'ABC' };
    expect(findingIdentity({ ...f, resourceId: WORKSPACE_ID.toUpperCase(), subject: 'abc' })).toBe(findingIdentity(f));
    expect(findingIdentity({ ...f, subject: 'abd' })).not.toBe(findingIdentity(f));
    expect(findingIdentity({ checkId: f.checkId, resourceId: f.resourceId })).not.toBe(findingIdentity(f));
  });

  it('merges the errors of several failed reads about one resource into one finding that names them all', () => {
    const findings = runChecks(allReadsFailedSnapshot(), allChecks).filter((f) => f.checkId === 'AML-PRA-001');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.status).toBe('error');
    expect(findings[0]!.message).toContain('workspaces/read');
    expect(findings[0]!.message).toContain('roleAssignments/read');
  });
});
