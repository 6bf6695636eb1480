import { defineCheck, evidence, fail, notApplicable, pass, withReads } from '../define';
import { perResource } from '../per-resource';
import { isManagedCompute } from './compute-kinds';

/** `enableNodePublicIp` defaults to true in ARM, so "not set" fails. */
export default defineCheck({
  id: 'AML-NET-006',
  slug: 'aml-net-006-compute-no-public-ip',
  title: 'Computes have no public IP address',
  category: 'network-security',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/computes',
  mcsb: ['NS-2'],
  workshopQuestions: ['TVN-01', 'TVN-02'],
  areas: ['public-network'],
  risk:
    'A compute node with a public IP is directly addressable from the internet, which widens the attack surface of every package and service running on it. Computes without public IPs are reachable only through the workspace private endpoint and the network you control.',
  remediation: {
    portal: [
      'Create a replacement compute with "No public IP" selected (Advanced settings) in a VNet or the managed network.',
      'Move users and jobs to it and delete the old compute: the setting cannot be changed on an existing compute.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-managed-network-compute?view=azureml-api-2&tabs=azure-cli',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.computes, (ws, computes) =>
      perResource(computes, { resourceId: ws.id, message: `Workspace ${ws.name} has no computes.` }, (c) => {
        if (!isManagedCompute(c)) return notApplicable(c.id, `Compute ${c.name} is an attached ${c.computeType}; its public IP is configured on the attached resource.`);
        const facts = [evidence('properties.properties.enableNodePublicIp', c.enableNodePublicIp, 'false')];
        if (c.enableNodePublicIp === false) return pass(c.id, `Compute ${c.name} (${c.computeType}) has no public IP.`, facts);
        const actual = c.enableNodePublicIp === true ? 'true' : 'not set (defaults to true)';
        return fail(c.id, `Compute ${c.name} (${c.computeType}) gets a public IP: enableNodePublicIp is ${actual}.`, facts);
      }),
    ),
});
