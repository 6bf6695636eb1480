import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';
import type { CheckResult } from '../types';
import type { KeyVaultAccessPolicy } from '../../azure/snapshot';

const EXCESSIVE = ['all', 'purge'];

function excessive(policy: KeyVaultAccessPolicy): string[] {
  const found: string[] = [];
  const scan = (kind: string, permissions: readonly string[]) => {
    for (const p of permissions) if (EXCESSIVE.includes(p.toLowerCase())) found.push(`${kind}:${p}`);
  };
  scan('keys', policy.keys);
  scan('secrets', policy.secrets);
  scan('certificates', policy.certificates);
  return found;
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
    cli: 'az keyvault set-policy -n <vault> -g <rg> --object-id <object-id> --secret-permissions get list set delete --key-permissions get wrapKey unwrapKey',
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
        const results = kv.accessPolicies.flatMap((policy) => {
          const found = excessive(policy);
          if (found.length === 0) return [];
          return [
            fail(`${kv.id}/accessPolicies/${policy.objectId}`, `Key vault ${kv.name} grants object ${policy.objectId} ${found.join(', ')}.`, [
              evidence('objectId', policy.objectId, 'any'),
              evidence('permissions', found.join(', '), 'no All or Purge'),
            ]),
          ];
        });
        if (results.length > 0) return results;
        return [pass(kv.id, `Key vault ${kv.name}: none of its ${kv.accessPolicies.length} access policies grants All or Purge.`, [evidence('policies with All or Purge', 0, '0')])];
      },
    ),
});
