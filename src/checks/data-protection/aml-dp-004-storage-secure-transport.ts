/**
 * AML-DP-004 — The workspace's storage account accepts only HTTPS, with TLS 1.2 or newer.
 * An absent minimumTlsVersion means TLS 1.0 on older accounts, so absence fails.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

const ACCEPTED_TLS = ['TLS1_2', 'TLS1_3'];

export default defineCheck({
  id: 'AML-DP-004',
  slug: 'aml-dp-004-storage-secure-transport',
  title: 'Linked storage requires HTTPS and TLS 1.2+',
  category: 'data-protection',
  severity: 'high',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['DP-3'],
  policyDefinitionId: 'fe83a0eb-a853-422d-aac2-1bffd182c5d0',
  workshopQuestions: ['DP-03'],
  areas: [],
  risk:
    'Plain HTTP or TLS 1.0/1.1 lets an attacker on the path read or tamper with training data, models and run outputs on their way to the workspace storage. ' +
    'Old TLS versions have known weaknesses and are rejected by most compliance regimes.',
  remediation: {
    portal: ['Open the workspace\'s storage account > Configuration.', 'Set "Secure transfer required" to Enabled and "Minimum TLS version" to Version 1.2, then save.'],
    cli: 'az storage account update -g <rg> -n <sa> --https-only true --min-tls-version TLS1_2',
    url: 'https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) => {
        const facts = [
          evidence('properties.supportsHttpsTrafficOnly', sa.supportsHttpsTrafficOnly, 'true'),
          evidence('properties.minimumTlsVersion', sa.minimumTlsVersion, 'TLS1_2 or newer'),
        ];
        const problems: string[] = [];
        if (sa.supportsHttpsTrafficOnly !== true) problems.push('accepts plain HTTP');
        if (sa.minimumTlsVersion === undefined || !ACCEPTED_TLS.includes(sa.minimumTlsVersion.toUpperCase())) {
          problems.push(`allows TLS older than 1.2 (minimum ${sa.minimumTlsVersion ?? 'not set'})`);
        }
        return problems.length === 0
          ? [pass(sa.id, `Storage account ${sa.name} requires HTTPS with ${sa.minimumTlsVersion ?? ''} or newer.`, facts)]
          : [fail(sa.id, `Storage account ${sa.name} ${problems.join(' and ')}.`, facts)];
      },
    );
  },
});
