import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-IDM-010',
  slug: 'aml-idm-010-linked-key-vault-rbac',
  title: "The workspace's key vault uses the Azure RBAC permission model",
  category: 'identity-management',
  severity: 'medium',
  resourceType: 'Microsoft.KeyVault/vaults',
  mcsb: ['PA-7'],
  policyDefinitionId: '12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5',
  workshopQuestions: ['PA-02', 'IM-01'],
  areas: ['rbac'],
  risk:
    'Vault access policies are all-or-nothing per vault, invisible to Azure RBAC reviews and PIM, and anyone with Contributor on the vault can grant themselves secret access. The RBAC model scopes data access per role, supports PIM and is reviewed with the rest of Azure RBAC.',
  remediation: {
    portal: [
      'Grant the workspace identity Key Vault Administrator and users the narrow Key Vault data roles they need (mirror today\'s access policies).',
      'Open the vault, select Access configuration, choose Azure role-based access control and save.',
    ],
    // Roles first: switching the model drops every access policy, so the workspace would lose its vault until then.
    cli: 'az role assignment create --assignee-object-id <workspace-identity-principal-id> --assignee-principal-type ServicePrincipal --role "Key Vault Administrator" --scope <kvid> && az keyvault update -n <vault> -g <rg> --enable-rbac-authorization true',
    url: 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide?tabs=azure-cli',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.keyVault,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no key vault.'),
      (kv) => {
        const facts = [
          evidence('enableRbacAuthorization', kv.enableRbacAuthorization, 'true'),
          evidence('accessPolicies', kv.accessPolicies.length, '0 (ignored under RBAC)'),
        ];
        if (kv.enableRbacAuthorization === true) return [pass(kv.id, `Key vault ${kv.name} uses the Azure RBAC permission model.`, facts)];
        return [fail(kv.id, `Key vault ${kv.name} uses vault access policies (${kv.accessPolicies.length} defined): enableRbacAuthorization is ${kv.enableRbacAuthorization === false ? 'false' : 'not set (defaults to false)'}.`, facts)];
      },
    ),
});
