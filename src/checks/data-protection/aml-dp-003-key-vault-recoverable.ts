/**
 * AML-DP-003 — The workspace's own Key Vault has soft delete and purge protection.
 * Purge protection must be explicitly true (it defaults to off, and CMK requires it, L7). Soft delete fails only
 * when explicitly false: the vault contract's default is true, and policy 0b60c0b2 flags only `false`.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-DP-003',
  slug: 'aml-dp-003-key-vault-recoverable',
  title: 'Linked Key Vault has soft delete and purge protection',
  category: 'data-protection',
  severity: 'high',
  resourceType: 'Microsoft.KeyVault/vaults',
  mcsb: ['DP-8'],
  policyDefinitionId: '0b60c0b2-2dc2-4e1c-b5c9-abbed971de53',
  workshopQuestions: ['DP-02', 'BR-02'],
  areas: [],
  risk:
    'Without purge protection, anyone who can delete the vault can also purge it, destroying the workspace\'s secrets and any customer-managed key ' +
    'for good. A purged CMK makes the workspace data unreadable, which turns a mistake or an attack into permanent data loss.',
  remediation: {
    portal: ['Open the workspace\'s Key Vault > Properties.', 'Under "Purge protection" select "Enable purge protection" and save (it cannot be turned off again).'],
    cli: 'az keyvault update -g <rg> -n <kv> --enable-purge-protection true',
    url: 'https://learn.microsoft.com/azure/key-vault/general/key-vault-recovery',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.keyVault,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no Key Vault.'),
      (vault) => {
        const facts = [
          evidence('properties.enableSoftDelete', vault.enableSoftDelete ?? 'not set (defaults to true)', 'true or not set'),
          evidence('properties.enablePurgeProtection', vault.enablePurgeProtection, 'true'),
        ];
        const missing = [vault.enableSoftDelete === false ? 'soft delete' : undefined, vault.enablePurgeProtection !== true ? 'purge protection' : undefined].filter(
          (m): m is string => m !== undefined,
        );
        return missing.length === 0
          ? [pass(vault.id, `Key Vault ${vault.name} has soft delete and purge protection on.`, facts)]
          : [fail(vault.id, `Key Vault ${vault.name} lacks ${missing.join(' and ')}.`, facts)];
      },
    );
  },
});
