import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';
import { perResource } from '../per-resource';

export default defineCheck({
  id: 'AML-NET-014',
  slug: 'aml-net-014-ml-registry-not-public',
  title: 'Azure Machine Learning registries are not open to public networks',
  category: 'network-security',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/registries',
  mcsb: ['NS-2'],
  workshopQuestions: ['NS-01', 'PV-01'],
  areas: ['public-network'],
  risk:
    'An AML registry shares models, environments and components across workspaces; open to public networks, it lets anyone with a token pull models or publish assets that other workspaces then trust. Disable public access and reach it through a private endpoint.',
  remediation: {
    portal: [
      'Open the Azure Machine Learning registry, select Networking, and set Public network access to Disabled.',
      'Add a private endpoint for the registry in each network whose workspaces use it.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.mlRegistries, (registries) =>
      perResource(registries, { resourceId: snapshot.workspaceId, message: "The workspace's resource group holds no Azure Machine Learning registry." }, (r) => {
        const facts = [evidence('properties.publicNetworkAccess', r.publicNetworkAccess, 'Disabled')];
        if (sameText(r.publicNetworkAccess, 'Disabled')) return pass(r.id, `AML registry ${r.name} has public network access Disabled.`, facts);
        return fail(r.id, `AML registry ${r.name} is open to public networks: publicNetworkAccess is ${r.publicNetworkAccess ?? 'not set (defaults to Enabled)'}.`, facts);
      }),
    ),
});
