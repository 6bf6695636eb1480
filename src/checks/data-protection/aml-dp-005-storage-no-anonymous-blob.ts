/**
 * AML-DP-005 — The workspace's storage account forbids anonymous blob access.
 * Absent means "allowed" on accounts created before late 2023, so absence fails.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-DP-005',
  slug: 'aml-dp-005-storage-no-anonymous-blob',
  title: 'Linked storage forbids anonymous blob access',
  category: 'data-protection',
  severity: 'high',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['NS-2', 'DP-2'],
  policyDefinitionId: '4fa4b6c0-31ca-4c0d-b10d-24b96f62a751',
  workshopQuestions: ['DP-02', 'DP-04'],
  areas: ['public-network'],
  risk:
    'If anonymous access is allowed on the account, one container set to public exposes training data, notebooks and model files to anyone on the internet ' +
    'without any credential or log of who read them.',
  remediation: {
    portal: ['Open the workspace\'s storage account > Configuration.', 'Set "Allow Blob anonymous access" to Disabled and save.'],
    cli: 'az storage account update -g <rg> -n <sa> --allow-blob-public-access false',
    url: 'https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) => {
        const facts = [evidence('properties.allowBlobPublicAccess', sa.allowBlobPublicAccess, 'false')];
        return sa.allowBlobPublicAccess === false
          ? [pass(sa.id, `Storage account ${sa.name} forbids anonymous blob access.`, facts)]
          : [fail(sa.id, `Storage account ${sa.name} allows anonymous blob access${sa.allowBlobPublicAccess === undefined ? ' (not set, which older accounts treat as allowed)' : ''}.`, facts)];
      },
    );
  },
});
