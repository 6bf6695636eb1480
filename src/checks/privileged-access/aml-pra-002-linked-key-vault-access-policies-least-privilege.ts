import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';
import type { CheckResult } from '../types';
import type { Collected, Workspace } from '../../azure/snapshot';
import { accessPolicyFix, excessivePermissions } from './key-vault-policy-fix';

/** Principal ids of the workspace's own identities (system- and user-assigned), lower-cased. */
function workspaceIdentities(workspace: Collected<Workspace>): ReadonlySet<string> {
  if (!workspace.ok || workspace.value.identity === undefined) return new Set();
  const { principalId, userAssigned } = workspace.value.identity;
  return new Set([principalId, ...userAssigned.map((u) => u.principalId)].flatMap((id) => (id === undefined ? [] : [id.toLowerCase()])));
}

export default defineCheck({
  id: 'AML-PRA-002',
  slug: 'aml-pra-002-linked-key-vault-access-policies-least-privilege',
  title: "The workspace's key vault access policies grant no All or Purge permissions",
  category: 'privileged-access',
  severity: 'medium',
  resourceType: 'Microsoft.KeyVault/vaults',
  mcsb: ['PA-7'],
  workshopQuestions: ['PA-02'],
  areas: ['rbac'],
  risk:
    'An access policy with All permissions lets its holder read every secret and key and delete them; Purge lets it destroy them beyond recovery, defeating soft delete. Grant people and other principals only the operations they use. The workspace managed identity is the exception: Learn requires every access-policy permission except purge for it, and narrowing that breaks the workspace.',
  remediation: {
    portal: [
      'Prefer the RBAC permission model (AML-IDM-010).',
      'Otherwise open the vault, select Access policies, and edit each policy to drop All and Purge, keeping only the operations the principal uses.',
      'Leave the workspace managed identity with every permission except purge (Learn: Set up authentication between Azure Machine Learning and other services).',
    ],
    // Each finding carries the command built from the policy it found (key-vault-policy-fix.ts); this is the general form.
    cli: 'az keyvault set-policy -n <vault> -g <rg> --object-id <object-id> --secret-permissions <secret-permissions-it-uses>',
    url: 'https://learn.microsoft.com/azure/key-vault/general/assign-access-policy?tabs=azure-cli',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.keyVault,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no key vault.'),
      (kv): readonly CheckResult[] => {
        if (kv.enableRbacAuthorization === true) {
          return [notApplicable(kv.id, `Key vault ${kv.name} uses the RBAC permission model, so its access policies are ignored.`)];
        }
        const own = workspaceIdentities(snapshot.workspace);
        const results = kv.accessPolicies.flatMap((policy) => {
          const isWorkspace = own.has(policy.objectId.toLowerCase());
          // The workspace identity needs every permission but purge: only purge (or All, which includes it) is too much.
          const found = excessivePermissions(policy);
          if (found.length === 0) return [];
          const who = isWorkspace ? `the workspace's managed identity ${policy.objectId}` : `object ${policy.objectId}`;
          const advice = isWorkspace ? ' Keep every permission except purge for it.' : '';
          return [
            {
              ...fail(`${kv.id}/accessPolicies/${policy.objectId}`, `Key vault ${kv.name} grants ${who} ${found.join(', ')}.${advice}`, [
                evidence('objectId', policy.objectId, 'any'),
                evidence('permissions', found.join(', '), isWorkspace ? 'every permission except purge' : 'no All or Purge'),
              ]),
              cli: accessPolicyFix(policy, isWorkspace),
            },
          ];
        });
        if (results.length > 0) return results;
        return [pass(kv.id, `Key vault ${kv.name}: none of its ${kv.accessPolicies.length} access policies grants All or Purge.`, [evidence('policies with All or Purge', 0, '0')])];
      },
    ),
});
