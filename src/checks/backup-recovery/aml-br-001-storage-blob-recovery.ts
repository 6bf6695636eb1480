/**
 * AML-BR-001 — The workspace's storage account can recover deleted or overwritten blobs:
 * blob soft delete, container soft delete and versioning all on. All three default to off on older accounts.
 */
import type { CheckResult } from '../types';
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-BR-001',
  slug: 'aml-br-001-storage-blob-recovery',
  title: 'Linked storage has blob and container soft delete and versioning',
  category: 'backup-recovery',
  severity: 'medium',
  resourceType: 'Microsoft.Storage/storageAccounts/blobServices',
  mcsb: ['BR-1'],
  workshopQuestions: ['BR-02'],
  areas: [],
  risk:
    'The workspace storage is the only copy of many training sets, notebooks and run outputs. ' +
    'Without soft delete and versioning, one mistaken delete, overwrite or ransomware encryption loses them for good.',
  remediation: {
    portal: [
      'Open the workspace\'s storage account > Data management > Data protection.',
      'Enable soft delete for blobs and for containers (for example 14 days) and versioning for blobs, then save.',
    ],
    cli:
      'az storage account blob-service-properties update -g <rg> --account-name <sa> --enable-delete-retention true --delete-retention-days 14 --enable-container-delete-retention true --container-delete-retention-days 14 --enable-versioning true',
    url: 'https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-enable',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) =>
        withLinked(
          snapshot.blobService,
          () => notApplicable(sa.id, `Storage account ${sa.name} has no blob service.`),
          (blob): readonly CheckResult[] => {
            const id = `${sa.id}/blobServices/default`;
            const facts = [
              evidence('deleteRetentionPolicy.enabled', blob.deleteRetentionEnabled, 'true'),
              evidence('deleteRetentionPolicy.days', blob.deleteRetentionDays, 'a retention in days'),
              evidence('containerDeleteRetentionPolicy.enabled', blob.containerDeleteRetentionEnabled, 'true'),
              evidence('containerDeleteRetentionPolicy.days', blob.containerDeleteRetentionDays, 'a retention in days'),
              evidence('isVersioningEnabled', blob.versioningEnabled, 'true'),
            ];
            const missing = [
              blob.deleteRetentionEnabled !== true ? 'blob soft delete' : undefined,
              blob.containerDeleteRetentionEnabled !== true ? 'container soft delete' : undefined,
              blob.versioningEnabled !== true ? 'versioning' : undefined,
            ].filter((m): m is string => m !== undefined);
            return missing.length === 0
              ? [pass(id, `Storage account ${sa.name} has blob soft delete (${blob.deleteRetentionDays ?? '?'} days), container soft delete and versioning.`, facts)]
              : [fail(id, `Storage account ${sa.name} lacks ${missing.join(', ')}.`, facts)];
          },
        ),
    );
  },
});
