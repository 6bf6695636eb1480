import { defineCheck, evidence, fail, notApplicable, pass, sameText, withReads } from '../define';
import { perResource } from '../per-resource';
import { isManagedCompute, managedNetworkOn } from './compute-kinds';

/**
 * Clusters: `remoteLoginPortPublicAccess` NotSpecified (or absent) opens the SSH port unless the cluster is in
 * a VNet, so that value passes only with a subnet or managed network. Compute instances: `sshPublicAccess`
 * defaults to Disabled, so absent passes.
 */
export default defineCheck({
  id: 'AML-NET-007',
  slug: 'aml-net-007-compute-ssh-not-public',
  title: 'Compute SSH port is not open to the internet',
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/computes',
  mcsb: ['NS-2', 'IM-1'],
  workshopQuestions: ['TVN-02', 'IM-01'],
  areas: ['public-network'],
  risk:
    'An SSH port open to the internet invites password and key brute-forcing and exploit attempts against every node. Keep SSH closed or reachable only from inside the virtual network.',
  remediation: {
    portal: [
      'For a cluster, recreate it with SSH access disabled (remoteLoginPortPublicAccess Disabled) or in a VNet.',
      'For a compute instance, recreate it with SSH disabled, and use the studio, VS Code or a private connection instead.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-create-attach-compute-cluster?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.computes, (ws, computes) =>
      perResource(computes, { resourceId: ws.id, message: `Workspace ${ws.name} has no computes.` }, (c) => {
        if (!isManagedCompute(c)) return notApplicable(c.id, `Compute ${c.name} is an attached ${c.computeType}; SSH is configured on the attached resource.`);
        if (sameText(c.computeType, 'ComputeInstance')) {
          const facts = [evidence('properties.properties.sshSettings.sshPublicAccess', c.sshPublicAccess, 'Disabled (default)')];
          if (sameText(c.sshPublicAccess, 'Enabled')) return fail(c.id, `Compute instance ${c.name} has its SSH port open to public networks (sshPublicAccess Enabled).`, facts);
          return pass(c.id, `Compute instance ${c.name} has public SSH access ${c.sshPublicAccess ?? 'not set (defaults to Disabled)'}.`, facts);
        }
        const inVnet = (c.subnetId !== undefined && c.subnetId !== '') || managedNetworkOn(ws.managedNetworkIsolationMode);
        const facts = [
          evidence('properties.properties.remoteLoginPortPublicAccess', c.remoteLoginPortPublicAccess, 'Disabled'),
          evidence('in a virtual network', inVnet, 'true when remoteLoginPortPublicAccess is NotSpecified'),
        ];
        if (sameText(c.remoteLoginPortPublicAccess, 'Disabled')) return pass(c.id, `Cluster ${c.name} has its SSH port closed (remoteLoginPortPublicAccess Disabled).`, facts);
        if (sameText(c.remoteLoginPortPublicAccess, 'Enabled')) return fail(c.id, `Cluster ${c.name} has its SSH port open to public networks (remoteLoginPortPublicAccess Enabled).`, facts);
        const actual = c.remoteLoginPortPublicAccess ?? 'not set';
        if (inVnet) return pass(c.id, `Cluster ${c.name} has remoteLoginPortPublicAccess ${actual} and is in a virtual network, so its SSH port is closed to the internet.`, facts);
        return fail(c.id, `Cluster ${c.name} has remoteLoginPortPublicAccess ${actual} and is in no virtual network, so its SSH port is open to the internet.`, facts);
      }),
    ),
});
