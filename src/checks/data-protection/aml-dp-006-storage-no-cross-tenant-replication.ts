/**
 * AML-DP-006 — The workspace's storage account forbids object replication to other tenants.
 * Absent means "allowed" on accounts created before December 2023, so absence fails.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-DP-006',
  slug: 'aml-dp-006-storage-no-cross-tenant-replication',
  title: 'Linked storage forbids cross-tenant replication',
  category: 'data-protection',
  severity: 'medium',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['DP-2'],
  policyDefinitionId: '92a89a79-6c52-4a7e-a03f-61306fc49312',
  workshopQuestions: ['DP-04'],
  areas: [],
  risk:
    'Cross-tenant object replication lets someone with write access to the account copy every new blob to a storage account in another Entra tenant. ' +
    'That is a quiet, continuous exfiltration channel for training data that no network control sees.',
  remediation: {
    portal: ['Open the workspace\'s storage account > Data management > Object replication.', 'Select "Advanced settings", clear "Allow cross-tenant replication" and save.'],
    cli: 'az storage account update -g <rg> -n <sa> --allow-cross-tenant-replication false',
    url: 'https://learn.microsoft.com/azure/storage/blobs/object-replication-prevent-cross-tenant-policies',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) => {
        const facts = [evidence('properties.allowCrossTenantReplication', sa.allowCrossTenantReplication, 'false')];
        return sa.allowCrossTenantReplication === false
          ? [pass(sa.id, `Storage account ${sa.name} forbids cross-tenant object replication.`, facts)]
          : [fail(sa.id, `Storage account ${sa.name} allows object replication to other tenants.`, facts)];
      },
    );
  },
});
