import { defineCheck, evidence, fail, pass, withReads } from '../define';
import type { CheckResult } from '../types';
import { BUILT_IN_ROLE_IDS, isBroadScope, roleGuid } from '../rbac';

/**
 * Why this and not "no SP/MI holds User Access Administrator at subscription": AML-PRA-001 already fails every
 * service principal or managed identity holding Owner, Contributor, User Access Administrator or RBAC
 * Administrator at subscription scope, so that check would duplicate it. The complementary control an expert
 * reviews is the set of subscription Owners itself: at least two (no single point of failure), at most three
 * (Azure Policy 4f11b553 "A maximum of 3 owners should be designated for your subscription", 09024ccc "There
 * should be more than one owner"), and none from another tenant (ForeignGroup). A group counts as one owner
 * principal; its membership is reviewed in Entra ID.
 */
const MAX_OWNERS = 3;
const MIN_OWNERS = 2;
/** A second Owner, preferably a group of your own tenant (PIM-eligible members), so no single account is the only way in. */
const ADD_OWNER_CLI = 'az role assignment create --assignee-object-id <group-object-id> --assignee-principal-type Group --role Owner --scope /subscriptions/<subscription-id>';

export default defineCheck({
  id: 'AML-PRA-006',
  slug: 'aml-pra-006-subscription-owners-limited',
  title: 'The subscription has two or three Owners, none from another tenant',
  category: 'privileged-access',
  severity: 'medium',
  resourceType: 'Microsoft.Authorization/roleAssignments',
  mcsb: ['PA-1'],
  policyDefinitionId: '4f11b553-d42e-4e3a-89be-32ca364cad4c',
  workshopQuestions: ['PA-01', 'PA-02'],
  areas: ['rbac'],
  risk:
    'Every subscription Owner can take over the workspace, its data and its identities, so each extra Owner is another account whose compromise means total loss, while a single Owner is a lock-out risk. Owners from another tenant (foreign groups) sit outside your own identity governance.',
  remediation: {
    portal: [
      'Open the subscription, select Access control (IAM), then Role assignments, and filter by role Owner.',
      'Keep two or three Owner principals (preferably groups with PIM-eligible members, plus emergency access): with a single Owner, add a second before anything else; with more than three, move the others to narrower roles; remove foreign-group Owners.',
    ],
    cli: 'az role assignment delete --assignee <principal-id> --role Owner --scope /subscriptions/<subscription-id>',
    url: 'https://learn.microsoft.com/azure/role-based-access-control/best-practices',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.roleAssignments.workspace, (ws, assignments) => {
      const subscription = `/subscriptions/${ws.subscriptionId}`;
      const owners = assignments.filter((a) => isBroadScope(a.scope) && roleGuid(a.roleDefinitionId) === BUILT_IN_ROLE_IDS.owner);
      const principals = [...new Set(owners.map((a) => a.principalId.toLowerCase()))];
      const foreign = owners.filter((a) => a.principalType === 'ForeignGroup');
      const listing = owners.map((a) => `${a.principalId} (${a.principalType ?? 'unknown type'})`).join(', ');
      const facts = [
        evidence('Owner principals at subscription scope or above', principals.length, `${MIN_OWNERS}–${MAX_OWNERS}`),
        evidence('Owners', listing !== '' ? listing : 'none', 'users/groups of your own tenant'),
        evidence('ForeignGroup Owners', foreign.length, '0'),
      ];
      const problems: string[] = [];
      if (principals.length > MAX_OWNERS) problems.push(`${principals.length} Owner principals (more than ${MAX_OWNERS})`);
      if (principals.length < MIN_OWNERS) problems.push(`${principals.length} Owner principal(s) (fewer than ${MIN_OWNERS}, a single point of failure)`);
      if (foreign.length > 0) problems.push(`Owner held by foreign group(s) ${foreign.map((a) => a.principalId).join(', ')}`);
      // Too few Owners is fixed by adding one; only too many or foreign ones by removing.
      const tooFew = principals.length < MIN_OWNERS && foreign.length === 0;
      const result: CheckResult =
        problems.length > 0
          ? { ...fail(subscription, `Subscription ${ws.subscriptionId} has ${problems.join('; ')}.`, facts), ...(tooFew ? { cli: ADD_OWNER_CLI } : {}) }
          : pass(subscription, `Subscription ${ws.subscriptionId} has ${principals.length} Owner principals, none from another tenant.`, facts);
      return [result];
    }),
});
