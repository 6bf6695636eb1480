import { defineCheck, notApplicable, withLinked } from '../define';
import { linkedNetworkResult } from './linked-network';

export default defineCheck({
  id: 'AML-NET-010',
  slug: 'aml-net-010-linked-storage-not-public',
  title: "The workspace's storage account is not open to public networks",
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['NS-2'],
  policyDefinitionId: 'b2982f36-99f2-4db5-8eff-283140c09693',
  workshopQuestions: ['WVN-02', 'WVN-03', 'DP-02'],
  areas: ['public-network'],
  risk:
    "The workspace storage account holds training data, job outputs, models and notebooks; if any network can reach it, a leaked key or SAS is enough to read or replace them. Disable public access (or deny by default) and reach it through private endpoints for blob and file.",
  remediation: {
    portal: [
      'Open the storage account named in the workspace properties and select Networking.',
      'Set Public network access to Disabled (or "Enabled from selected virtual networks and IP addresses") and add private endpoints for blob and file.',
      'Allow trusted Azure services if the workspace still needs them.',
    ],
    cli: 'az storage account update -n <storage> -g <rg> --public-network-access Disabled',
    url: 'https://learn.microsoft.com/azure/storage/common/storage-network-security-set-default-access',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) => [
        linkedNetworkResult({
          kind: 'storage account',
          id: sa.id,
          name: sa.name,
          firewall: 'networkAcls',
          publicNetworkAccess: sa.publicNetworkAccess,
          defaultAction: sa.networkAcls?.defaultAction,
          ipRules: sa.networkAcls?.ipRules ?? [],
          privateEndpointConnections: sa.privateEndpointConnections,
        }),
      ],
    ),
});
