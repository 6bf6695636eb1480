/**
 * AML-BR-005 — The workspace's Key Vault keeps deleted secrets and keys recoverable for the maximum 90 days.
 *
 * Why this control: the vault holds the workspace's datastore credentials and possibly its CMK, and Azure ML cannot
 * work without them. Soft delete (AML-DP-003) only helps within its retention window; a 7-day window is easily missed
 * over a holiday or a slow incident. The retention can only be chosen when the vault is created, hence no CLI fix.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

const REQUIRED_DAYS = 90;

export default defineCheck({
  id: 'AML-BR-005',
  slug: 'aml-br-005-key-vault-retention',
  title: 'Linked Key Vault soft-delete retention is 90 days',
  category: 'backup-recovery',
  severity: 'low',
  resourceType: 'Microsoft.KeyVault/vaults',
  mcsb: ['BR-1', 'DP-8'],
  workshopQuestions: ['BR-02'],
  areas: [],
  risk:
    'A deleted secret or key is recoverable only within the vault\'s retention window; after it, the workspace\'s credentials or CMK are gone and the encrypted data with them. ' +
    'The longest window gives the most time to notice and undo a mistake or an attack.',
  remediation: {
    portal: [
      'The retention is fixed when the vault is created: create a new vault with "Days to retain deleted vaults" = 90 and purge protection on.',
      'Move the workspace secrets and keys to it; the workspace keeps the vault it was created with, so plan this with a new workspace if needed.',
    ],
    url: 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.keyVault,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no Key Vault.'),
      (vault) => {
        const facts = [evidence('properties.softDeleteRetentionInDays', vault.softDeleteRetentionInDays, `${REQUIRED_DAYS}`)];
        if (vault.enableSoftDelete === false) return [fail(vault.id, `Key Vault ${vault.name} has soft delete off; deleted secrets and keys are not recoverable.`, facts)];
        // ARM omits the property when the vault uses the service default, which is 90 days.
        const days = vault.softDeleteRetentionInDays ?? REQUIRED_DAYS;
        return days >= REQUIRED_DAYS
          ? [pass(vault.id, `Key Vault ${vault.name} keeps deleted secrets and keys for ${days} days.`, facts)]
          : [fail(vault.id, `Key Vault ${vault.name} keeps deleted secrets and keys for only ${days} days.`, facts)];
      },
    );
  },
});
