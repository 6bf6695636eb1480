import { defineCheck, notApplicable, withLinked } from '../define';
import { linkedNetworkResult } from './linked-network';

export default defineCheck({
  id: 'AML-NET-011',
  slug: 'aml-net-011-linked-key-vault-not-public',
  title: "The workspace's key vault is not open to public networks",
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.KeyVault/vaults',
  mcsb: ['NS-2'],
  policyDefinitionId: '405c5871-3e91-4644-8a63-58e19d68ff5b',
  workshopQuestions: ['NS-01', 'WVN-02'],
  areas: ['public-network'],
  risk:
    'The workspace key vault holds datastore credentials, connection secrets and possibly the customer-managed key; reachable from any network, one stolen token exposes them all. Disable public access or deny by default, and use a private endpoint.',
  remediation: {
    portal: [
      'Open the key vault named in the workspace properties and select Networking.',
      'Set public access to Disabled (or allow selected networks only) and add a private endpoint.',
      'Keep "Allow trusted Microsoft services to bypass this firewall" on if the workspace needs it.',
    ],
    cli: 'az keyvault update -g <rg> -n <vault> --public-network-access Disabled',
    url: 'https://learn.microsoft.com/azure/key-vault/general/network-security',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.keyVault,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no key vault.'),
      (kv) => [
        linkedNetworkResult({
          kind: 'key vault',
          id: kv.id,
          name: kv.name,
          firewall: 'networkAcls',
          publicNetworkAccess: kv.publicNetworkAccess,
          defaultAction: kv.networkAcls?.defaultAction,
          ipRules: kv.networkAcls?.ipRules ?? [],
          privateEndpointConnections: kv.privateEndpointConnections,
        }),
      ],
    ),
});
