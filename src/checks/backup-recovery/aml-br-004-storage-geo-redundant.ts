/**
 * AML-BR-004 — The workspace's storage account replicates to a second region (GRS, RA-GRS, GZRS, RA-GZRS).
 * Azure ML does not geo-replicate the default storage for you (workshop BR-01); training data that cannot be
 * re-created needs geo-redundancy. The SKU is the source of truth when the parsed flag is absent.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

const GEO_SKU = /(^|_)(RA)?G(Z)?RS$/i;

export default defineCheck({
  id: 'AML-BR-004',
  slug: 'aml-br-004-storage-geo-redundant',
  title: 'Linked storage is geo-redundant',
  category: 'backup-recovery',
  severity: 'medium',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['BR-1'],
  workshopQuestions: ['BR-01'],
  areas: [],
  risk:
    'With locally or zone-redundant storage, a regional outage or disaster takes the only copy of the workspace\'s training data and artifacts with it. ' +
    'Data that cannot be re-collected should survive the loss of a region.',
  remediation: {
    portal: ['Open the workspace\'s storage account > Data management > Redundancy.', 'Choose Geo-redundant storage (GRS) or Geo-zone-redundant storage (GZRS) and save.'],
    cli: 'az storage account update -g <rg> -n <sa> --sku Standard_GRS',
    url: 'https://learn.microsoft.com/azure/storage/common/storage-redundancy',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) => {
        const geo = sa.geoRedundant ?? (sa.sku !== undefined && GEO_SKU.test(sa.sku));
        const facts = [evidence('sku.name', sa.sku, 'Standard_GRS, Standard_RAGRS, Standard_GZRS or Standard_RAGZRS')];
        return geo
          ? [pass(sa.id, `Storage account ${sa.name} replicates to a second region (${sa.sku ?? 'geo-redundant'}).`, facts)]
          : [fail(sa.id, `Storage account ${sa.name} keeps its data in one region (${sa.sku ?? 'SKU not reported'}).`, facts)];
      },
    );
  },
});
