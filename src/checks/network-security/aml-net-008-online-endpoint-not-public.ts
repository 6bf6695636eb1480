import { defineCheck, evidence, fail, notApplicable, pass, sameText, withReads } from '../define';
import { perResource } from '../per-resource';
import { isKubernetesEndpoint } from './compute-kinds';

/**
 * `publicNetworkAccess` of a managed online endpoint defaults to Enabled, so "not set" fails. A Kubernetes endpoint
 * (one that names its attached cluster in `compute`) is reached through the cluster's own load balancer, so the
 * flag does not decide its exposure: it is not applicable, as attached computes are for AML-NET-005 to 007.
 */
export default defineCheck({
  id: 'AML-NET-008',
  slug: 'aml-net-008-online-endpoint-not-public',
  title: 'Online endpoints are not reachable from public networks',
  category: 'network-security',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
  mcsb: ['NS-2'],
  workshopQuestions: ['NS-01', 'NS-02'],
  areas: ['public-network'],
  risk:
    'A public scoring endpoint can be called, probed and flooded from anywhere; with key auth a leaked key is enough to query the model and extract its behaviour or training data. With public access off, the endpoint is reached only through the workspace private endpoint.',
  remediation: {
    portal: [
      'Make sure the workspace has a private endpoint (AML-NET-002).',
      'Update the endpoint with public_network_access set to disabled.',
    ],
    cli: 'az ml online-endpoint update -n <endpoint> -g <rg> -w <ws> --set public_network_access=disabled',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-secure-online-endpoint?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.onlineEndpoints, (endpoints) =>
      perResource(endpoints, { resourceId: snapshot.workspaceId, message: 'The workspace has no online endpoints.' }, (e) => {
        if (isKubernetesEndpoint(e)) {
          return notApplicable(e.id, `Online endpoint ${e.name} runs on the attached Kubernetes compute ${e.compute ?? ''}; its exposure is configured on the cluster (its inference router's load balancer), not by publicNetworkAccess.`);
        }
        const facts = [evidence('properties.publicNetworkAccess', e.publicNetworkAccess, 'Disabled')];
        if (sameText(e.publicNetworkAccess, 'Disabled')) return pass(e.id, `Online endpoint ${e.name} has public network access Disabled.`, facts);
        return fail(e.id, `Online endpoint ${e.name} accepts scoring requests from public networks: publicNetworkAccess is ${e.publicNetworkAccess ?? 'not set (defaults to Enabled)'}.`, facts);
      }),
    ),
});
