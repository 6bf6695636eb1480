import { defineCheck, notApplicable, withLinked } from '../define';
import { needsPremium, premiumFirst } from '../registry-sku';
import { linkedNetworkResult } from './linked-network';
import type { CheckResult } from '../types';

const NOT_PUBLIC_CLI = 'az acr update -n <registry> --public-network-enabled false';

export default defineCheck({
  id: 'AML-NET-012',
  slug: 'aml-net-012-linked-registry-not-public',
  title: "The workspace's container registry is not open to public networks",
  category: 'network-security',
  severity: 'medium',
  resourceType: 'Microsoft.ContainerRegistry/registries',
  mcsb: ['NS-2'],
  policyDefinitionId: '0fdf0491-d080-4575-b627-ad0e843cba0f',
  workshopQuestions: ['PV-01', 'WVN-02'],
  areas: ['public-network'],
  risk:
    'The registry holds the images every training job and deployment runs; reachable from the internet, a leaked credential lets someone pull proprietary environments or push a poisoned image. Network rules and private link need the Premium SKU; with public access off, set imageBuildCompute so AML can still build images.',
  remediation: {
    portal: [
      'Open the container registry named in the workspace properties (Premium SKU required) and select Networking.',
      'Set Public network access to Disabled, add a private endpoint, and set the workspace imageBuildCompute to a cluster in the network.',
    ],
    cli: NOT_PUBLIC_CLI,
    url: 'https://learn.microsoft.com/azure/container-registry/container-registry-access-selected-networks',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.containerRegistry,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no container registry yet (AML creates one on the first image build).'),
      (acr): readonly CheckResult[] => {
        const result = linkedNetworkResult({
          kind: 'container registry',
          id: acr.id,
          name: acr.name,
          publicNetworkAccess: acr.publicNetworkAccess,
          firewall: 'networkRuleSet',
          defaultAction: acr.networkDefaultAction,
          ipRules: acr.networkIpRules,
          firewallIgnoredBecause: needsPremium(acr) ? 'network rules need the Premium SKU' : undefined,
          privateEndpointConnections: acr.privateEndpointConnections,
        });
        if (result.status === 'fail' && needsPremium(acr)) {
          return [{ ...result, message: `${result.message} Its ${acr.sku ?? ''} SKU supports no network rules or private link: upgrade to Premium.`, cli: premiumFirst(NOT_PUBLIC_CLI) }];
        }
        return [result];
      },
    ),
});
