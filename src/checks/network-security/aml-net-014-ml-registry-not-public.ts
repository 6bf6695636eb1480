/**
 * AML-NET-014 — The AML registries a workspace can use are not open to public networks.
 * A workspace uses registries from any resource group and any subscription, and nothing on the workspace lists
 * them. The scan reads every registry in the workspace's subscription; a registry that an online deployment serves a
 * model from but that is not among them lives elsewhere, and gets a `manual` finding naming it rather than silence.
 */
import type { MlRegistry, OnlineDeployment } from '../../azure/snapshot';
import type { CheckResult } from '../types';
import { defineCheck, evidence, fail, manual, notAssessed, pass, sameText, withReads } from '../define';
import { subscriptionScope } from '../governance/scope';
import { modelRegistry } from '../model-registry';
import { perResource } from '../per-resource';

function assessRegistry(r: MlRegistry): CheckResult {
  const facts = [evidence('properties.publicNetworkAccess', r.publicNetworkAccess, 'Disabled')];
  if (sameText(r.publicNetworkAccess, 'Disabled')) return pass(r.id, `AML registry ${r.name} has public network access Disabled.`, facts);
  return fail(r.id, `AML registry ${r.name} is open to public networks: publicNetworkAccess is ${r.publicNetworkAccess ?? 'not set (defaults to Enabled)'}.`, facts);
}

/** One `manual` result per deployment whose model comes from a registry outside the subscription's list. */
function registriesNotSeen(deployments: readonly OnlineDeployment[], registries: readonly MlRegistry[], subscription: string): CheckResult[] {
  return deployments.flatMap((d) => {
    const name = modelRegistry(d);
    if (name === undefined || registries.some((r) => sameText(r.name, name))) return [];
    return [
      manual(
        d.id,
        `Deployment ${d.endpointName}/${d.name} serves a model from AML registry ${name}, which is not in ${subscription}: only that subscription's registries are read, so its public network access was not assessed. Scan or check it in its own subscription.`,
      ),
    ];
  });
}

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
    'An AML registry shares models, environments and components across workspaces; open to public networks, it lets anyone with a token pull models or publish assets that other workspaces then trust. Disable public access and reach it through a private endpoint. ' +
    "The check reads every registry in the workspace's subscription; a registry in another subscription is named when a deployment serves a model from it, and must be assessed from its own subscription.",
  remediation: {
    portal: [
      'Open the Azure Machine Learning registry, select Networking, and set Public network access to Disabled.',
      'Add a private endpoint for the registry in each network whose workspaces use it.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) => {
    const subscription = subscriptionScope(snapshot.workspaceId);
    return withReads(snapshot.mlRegistries, (registries) => {
      const deployments = snapshot.onlineDeployments;
      const unseen = deployments.ok ? registriesNotSeen(deployments.value, registries, subscription) : [notAssessed(deployments.error)];
      if (registries.length === 0 && unseen.length > 0) return unseen;
      const none = { resourceId: snapshot.workspaceId, message: `${subscription}, the workspace's subscription, holds no Azure Machine Learning registry; registries in other subscriptions are not read.` };
      return [...perResource(registries, none, assessRegistry), ...unseen];
    });
  },
});
