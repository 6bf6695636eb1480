import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';

/**
 * Unlike Checkov CKV_AZURE_243 (which passes on a managed-network *outbound* PrivateEndpoint rule), this reads
 * the workspace's own inbound private endpoint connections and counts only Approved ones.
 */
export default defineCheck({
  id: 'AML-NET-002',
  slug: 'aml-net-002-workspace-private-endpoint-approved',
  title: 'Workspace has an approved private endpoint',
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['NS-2'],
  policyDefinitionId: '45e05259-1eb5-4f70-9574-baf73e9d219b',
  workshopQuestions: ['NS-01', 'NS-02', 'NS-04'],
  areas: [],
  risk:
    'Without an approved private endpoint, the workspace can only be reached over its public endpoint, so public access cannot be turned off without cutting users off. A private endpoint with its private DNS zones (privatelink.api.azureml.ms, privatelink.notebooks.azure.net) keeps traffic on the Microsoft backbone and resists DNS spoofing of the public name.',
  remediation: {
    portal: [
      'Open the workspace, select Networking, then the Private endpoint connections tab.',
      'Add a private endpoint in the VNet your users or VPN/ExpressRoute reach, with target sub-resource amlworkspace and private DNS integration on.',
      'Approve any Pending connection.',
    ],
    cli: 'az network private-endpoint create -g <rg> -n <pe-name> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <workspace-id> --group-id amlworkspace --connection-name <pe-name>-conn',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link?view=azureml-api-2&tabs=azure-portal',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, (ws) => {
      const approved = ws.privateEndpointConnections.filter((c) => sameText(c.status, 'Approved'));
      const statuses = ws.privateEndpointConnections.map((c) => c.status ?? 'unknown');
      const facts = [
        evidence('approved private endpoint connections', approved.length, '≥ 1'),
        evidence('privateEndpointConnections[*].status', statuses.length > 0 ? statuses.join(', ') : 'none', 'Approved'),
      ];
      if (approved.length > 0) {
        return [pass(ws.id, `Workspace ${ws.name} has ${approved.length} approved private endpoint connection(s).`, facts)];
      }
      const detail = statuses.length > 0 ? `its ${statuses.length} connection(s) are ${statuses.join(', ')}` : 'it has no private endpoint connection';
      return [fail(ws.id, `Workspace ${ws.name} has no approved private endpoint: ${detail}.`, facts)];
    }),
});
