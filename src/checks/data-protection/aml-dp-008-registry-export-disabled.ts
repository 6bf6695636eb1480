/**
 * AML-DP-008 — The workspace's container registry forbids exporting artifacts.
 * Exports are enabled by default; ACR only allows disabling them on Premium with public network access disabled,
 * so both are required (as in PSRule's ExportPolicy rule).
 */
import { defineCheck, evidence, fail, notApplicable, pass, sameText, withLinked } from '../define';
import { needsPremium, premiumFirst } from '../registry-sku';

const NO_EXPORT_CLI = 'az acr update --name <acr> --allow-exports false --public-network-enabled false';

export default defineCheck({
  id: 'AML-DP-008',
  slug: 'aml-dp-008-registry-export-disabled',
  title: 'Linked container registry forbids artifact export',
  category: 'data-protection',
  severity: 'medium',
  resourceType: 'Microsoft.ContainerRegistry/registries',
  mcsb: ['DP-2'],
  policyDefinitionId: '524b0254-c285-4903-bee6-bb8126cde579',
  workshopQuestions: ['DP-04'],
  areas: [],
  risk:
    'With exports allowed, anyone with pull rights can import the workspace\'s images into a registry they control, outside every network boundary. ' +
    'Environment images often embed code, packages and sometimes data, so this is a data-exfiltration path.',
  remediation: {
    portal: [
      'Open the workspace\'s container registry (Premium tier) > Networking and disable public network access.',
      'Then disable exports with the CLI command below (the portal has no switch for it).',
    ],
    cli: NO_EXPORT_CLI,
    url: 'https://learn.microsoft.com/azure/container-registry/data-loss-prevention',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.containerRegistry,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no container registry yet.'),
      (acr) => {
        const facts = [
          evidence('properties.policies.exportPolicy.status', acr.exportPolicyStatus, 'disabled'),
          evidence('properties.publicNetworkAccess', acr.publicNetworkAccess, 'Disabled'),
        ];
        if (sameText(acr.exportPolicyStatus, 'disabled') && sameText(acr.publicNetworkAccess, 'Disabled')) {
          return [pass(acr.id, `Container registry ${acr.name} forbids artifact export and public network access.`, facts)];
        }
        const why = sameText(acr.exportPolicyStatus, 'disabled') ? 'forbids export but is reachable from public networks' : 'allows artifacts to be exported to other registries';
        // The export policy exists only in the Premium SKU: a Basic or Standard registry is upgraded first.
        if (!needsPremium(acr)) return [fail(acr.id, `Container registry ${acr.name} ${why}.`, facts)];
        return [{ ...fail(acr.id, `Container registry ${acr.name} ${why}. Its ${acr.sku ?? ''} SKU has no export policy: upgrade to Premium.`, facts), cli: premiumFirst(NO_EXPORT_CLI) }];
      },
    );
  },
});
