import { defineCheck, evidence, fail, notApplicable, pass, withReads } from '../define';
import { perResource } from '../per-resource';
import { isManagedCompute, managedNetworkOn } from './compute-kinds';

export default defineCheck({
  id: 'AML-NET-005',
  slug: 'aml-net-005-compute-network-isolated',
  title: 'Computes run in a virtual network (own subnet or managed network)',
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/computes',
  mcsb: ['NS-1', 'NS-2'],
  policyDefinitionId: '7804b5c7-01dc-4723-969b-ae300cc07ff1',
  workshopQuestions: ['TVN-01', 'TVN-02'],
  areas: [],
  risk:
    'A compute instance or cluster outside any virtual network talks to storage, the vault and the registry over public endpoints, so those cannot be locked down, and the nodes are exposed to the internet. Placing computes in the managed network or a customer subnet lets every dependency use private endpoints.',
  remediation: {
    portal: [
      'Turn on the workspace managed network (AML-NET-003), or choose a subnet of your VNet when you create the compute.',
      'Recreate computes that were created outside the network: the network of an existing compute cannot be changed.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-managed-network-compute?view=azureml-api-2&tabs=azure-cli',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.computes, (ws, computes) =>
      perResource(computes, { resourceId: ws.id, message: `Workspace ${ws.name} has no computes.` }, (c) => {
        if (!isManagedCompute(c)) return notApplicable(c.id, `Compute ${c.name} is an attached ${c.computeType}; its network is configured on the attached resource.`);
        const facts = [
          evidence('properties.properties.subnet.id', c.subnetId, 'a subnet id, or a managed network on the workspace'),
          evidence('workspace managedNetwork.isolationMode', ws.managedNetworkIsolationMode, 'AllowOnlyApprovedOutbound or AllowInternetOutbound'),
        ];
        if (c.subnetId !== undefined && c.subnetId !== '') return pass(c.id, `Compute ${c.name} (${c.computeType}) runs in subnet ${c.subnetId}.`, facts);
        if (managedNetworkOn(ws.managedNetworkIsolationMode)) {
          return pass(c.id, `Compute ${c.name} (${c.computeType}) runs in the workspace managed network (${ws.managedNetworkIsolationMode ?? ''}).`, facts);
        }
        return fail(c.id, `Compute ${c.name} (${c.computeType}) is in no virtual network: it has no subnet and workspace ${ws.name} has no managed network.`, facts);
      }),
    ),
});
