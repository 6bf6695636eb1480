import { defineCheck, evidence, fail, notApplicable, pass, sameText, withReads } from '../define';
import { perResource } from '../per-resource';
import { isKubernetesDeployment, managedNetworkOn } from './compute-kinds';

/**
 * Under a workspace managed network, deployment egress is governed by the managed network and the legacy
 * `egressPublicNetworkAccess` flag does not apply, so the deployment passes on the workspace's setting. A
 * Kubernetes deployment's egress is its attached cluster's network, which neither setting governs: not applicable.
 */
export default defineCheck({
  id: 'AML-NET-009',
  slug: 'aml-net-009-online-deployment-egress-locked',
  title: 'Online deployments cannot reach the internet',
  category: 'network-security',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
  mcsb: ['NS-1', 'DP-2'],
  workshopQuestions: ['DP-04', 'NS-03'],
  areas: [],
  risk:
    'A model deployment with open egress can send scoring inputs (often personal data) or its own weights anywhere on the internet, and a compromised scoring script becomes an exfiltration channel. Locked egress keeps deployments talking only to the workspace resources over private endpoints.',
  remediation: {
    portal: [
      'Use a workspace managed network (AML-NET-003): it is the current way to isolate managed online deployments, and it governs their egress.',
      'egress_public_network_access: disabled in the deployment YAML is the legacy network isolation method; keep it only on workspaces without a managed network, and recreate the deployment to set it (the value cannot be changed in place).',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-secure-online-endpoint?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.onlineDeployments, (ws, deployments) =>
      perResource(deployments, { resourceId: ws.id, message: `Workspace ${ws.name} has no online deployments.` }, (d) => {
        if (isKubernetesDeployment(d)) {
          return notApplicable(d.id, `Deployment ${d.name} of endpoint ${d.endpointName} runs on an attached Kubernetes cluster (endpointComputeType Kubernetes); its egress is configured on the cluster's network, not by egressPublicNetworkAccess or the workspace managed network.`);
        }
        const facts = [
          evidence('properties.egressPublicNetworkAccess', d.egressPublicNetworkAccess, 'Disabled'),
          evidence('workspace managedNetwork.isolationMode', ws.managedNetworkIsolationMode, 'AllowOnlyApprovedOutbound'),
        ];
        if (sameText(ws.managedNetworkIsolationMode, 'AllowOnlyApprovedOutbound')) {
          return pass(d.id, `Deployment ${d.name} of endpoint ${d.endpointName} runs under the workspace managed network in AllowOnlyApprovedOutbound mode.`, facts);
        }
        if (managedNetworkOn(ws.managedNetworkIsolationMode)) {
          return fail(d.id, `Deployment ${d.name} of endpoint ${d.endpointName} can reach the internet: the workspace managed network is in ${ws.managedNetworkIsolationMode ?? ''} mode.`, facts);
        }
        if (sameText(d.egressPublicNetworkAccess, 'Disabled')) return pass(d.id, `Deployment ${d.name} of endpoint ${d.endpointName} has egress public network access Disabled.`, facts);
        return fail(d.id, `Deployment ${d.name} of endpoint ${d.endpointName} can reach the internet: egressPublicNetworkAccess is ${d.egressPublicNetworkAccess ?? 'not set (defaults to Enabled)'}.`, facts);
      }),
    ),
});
