/**
 * Fix commands name what the scan knows: every output (card, Markdown, SARIF, JSON, terminal table) prints the
 * command of a finding with the names, resource group, subscription and principal of that finding filled in.
 * Resource ids and role-assignment properties are those of the official example bodies in arm-specs.
 */
import { checkById } from '../../src/checks/registry';
import type { Evidence, Finding, Status } from '../../src/checks/types';
import { findingCard } from '../../src/cards/finding-card';
import { toJsonReport } from '../../src/report/json';
import { renderMarkdown } from '../../src/report/markdown';
import { toSarif } from '../../src/report/sarif';
import { renderTable } from '../../src/report/table';
import { fixCommand, fixIntro } from '../../src/report/wording';
import { cardText } from '../support/fake-connector';
import { findingOf, reportOf } from '../support/report-fixtures';

// machinelearningservices …/2025-09-01/examples/Workspace/get.json
const WORKSPACE_ID = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234/providers/Microsoft.MachineLearningServices/workspaces/testworkspace';
// storage …/2026-06-01/examples/StorageAccountGetProperties.json (its {subscription-id} made a GUID)
const STORAGE_ID = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/res9407/providers/Microsoft.Storage/storageAccounts/sto8596';
// authorization …/2022-04-01/examples/RoleAssignments_ListForScope.json
const ROLE_ASSIGNMENT = {
  id: '/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2/providers/Microsoft.Authorization/roleAssignments/b0f43c54-e787-4862-89b1-a653fa9cf747',
  principalId: 'ce2ce14e-85d7-4629-bdbc-454d0519d987',
  scope: '/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2',
};
// security …/examples/Pricings/GetPricingByNameVirtualMachines_example.json
const PRICING_ID = '/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/providers/Microsoft.Security/pricings/VirtualMachines';

function findingFor(checkId: string, resourceId: string, evidence: readonly Evidence[] = [], status: Status = 'fail'): Finding {
  const check = checkById(checkId);
  if (check === undefined) throw new Error(`no check ${checkId}`);
  return findingOf(check, status, { resourceId, message: `${checkId} fails on ${resourceId.split('/').at(-1) ?? ''}.`, evidence });
}

describe('fix commands filled from the finding', () => {
  test('the workspace command names the workspace and its resource group', () => {
    expect(fixCommand(findingFor('AML-NET-001', WORKSPACE_ID))).toBe('az ml workspace update -n testworkspace -g workspace-1234 --public-network-access Disabled');
  });

  test("the storage command names the linked account and the account's own resource group", () => {
    expect(fixCommand(findingFor('AML-NET-010', STORAGE_ID))).toBe('az storage account update -n sto8596 -g res9407 --public-network-access Disabled');
  });

  test('a role-assignment command takes the principal, role and scope from the evidence and the subscription from the id', () => {
    const finding = findingFor('AML-PRA-001', ROLE_ASSIGNMENT.id, [
      { property: 'principalId', actual: ROLE_ASSIGNMENT.principalId, expected: 'not a service principal or managed identity' },
      { property: 'role', actual: 'Contributor', expected: 'a narrower role' },
      { property: 'scope', actual: ROLE_ASSIGNMENT.scope, expected: 'a resource group or resource' },
    ]);
    expect(fixCommand(finding)).toBe(
      'az role assignment delete --assignee ce2ce14e-85d7-4629-bdbc-454d0519d987 --role "Contributor" --scope /subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2',
    );
  });

  test('a Defender plan command names the subscription it changes', () => {
    expect(fixCommand(findingFor('AML-LT-012', PRICING_ID))).toBe('az security pricing create --subscription 20ff7fc3-e762-44dd-bd96-b71116dcdc23 -n VirtualMachines --tier Standard --subplan P2');
  });

  test('what the scan cannot know stays a placeholder, and the card says so', () => {
    const finding = findingFor('AML-NET-002', WORKSPACE_ID);
    const command = fixCommand(finding) ?? '';
    expect(command).toContain('-g workspace-1234');
    expect(command).toContain('<pe-name>');
    expect(fixIntro(finding)).toMatch(/placeholders/);
    expect(fixIntro(findingFor('AML-NET-001', WORKSPACE_ID))).not.toMatch(/placeholder/);
  });

  test('a value that is not a plain name or id keeps its placeholder', () => {
    const finding = findingFor('AML-PRA-001', ROLE_ASSIGNMENT.id, [{ property: 'role', actual: 'Owner"; rm -rf ~; "', expected: 'a narrower role' }]);
    expect(fixCommand(finding)).toContain('--role "<role>"');
  });

  test('cards, Markdown, SARIF, JSON and the terminal table print the same filled command', () => {
    const finding = findingFor('AML-NET-010', STORAGE_ID);
    const expected = 'az storage account update -n sto8596 -g res9407 --public-network-access Disabled';
    const report = reportOf([finding], 'testworkspace', WORKSPACE_ID);
    const check = checkById('AML-NET-010')!;
    expect(cardText(findingCard(finding, { scan: { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID } }))).toContain(expected);
    expect(renderMarkdown(report)).toContain(expected);
    expect(JSON.stringify(toSarif(report, { checks: [check], toolVersion: '1.0.0' }))).toContain(expected);
    expect(toJsonReport(report).findings[0]?.remediation.cli).toBe(expected);
    expect(renderTable(report, { color: false, width: 200 })).toContain(expected);
  });
});
