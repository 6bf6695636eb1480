/**
 * AML-BR-002 — The workspace's container registry keeps deleted artifacts recoverable (soft-delete policy, preview).
 */
import { defineCheck, evidence, fail, notApplicable, pass, sameText, withLinked } from '../define';

export default defineCheck({
  id: 'AML-BR-002',
  slug: 'aml-br-002-registry-soft-delete',
  title: 'Linked container registry has soft delete',
  category: 'backup-recovery',
  severity: 'low',
  resourceType: 'Microsoft.ContainerRegistry/registries',
  mcsb: ['BR-1'],
  workshopQuestions: ['BR-02'],
  areas: [],
  risk:
    'Deleted environment images cannot be rebuilt exactly when their base images or packages have moved on, which breaks reproducibility of trained models and deployments. ' +
    'Soft delete keeps a recovery window against accidental or malicious deletion. It is in preview, is not supported on geo-replicated registries and cannot be combined with a retention policy; a geo-replicated registry needs copies in a second registry instead.',
  remediation: {
    portal: [
      'Open the workspace\'s container registry > Properties.',
      'Enable "Soft delete" (preview) with a retention between 1 and 90 days and save.',
      'Not on a geo-replicated registry, and not together with a retention policy: for those, import the images into a second registry (az acr import) instead.',
    ],
    cli: 'az acr config soft-delete update -r <acr> --days 14 --status enabled',
    url: 'https://learn.microsoft.com/azure/container-registry/container-registry-soft-delete-policy',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.containerRegistry,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no container registry yet.'),
      (acr) => {
        const facts = [evidence('properties.policies.softDeletePolicy.status', acr.softDeletePolicyStatus, 'enabled')];
        return sameText(acr.softDeletePolicyStatus, 'enabled')
          ? [pass(acr.id, `Container registry ${acr.name} keeps deleted artifacts recoverable.`, facts)]
          : [fail(acr.id, `Container registry ${acr.name} has no soft-delete policy; deleted images are gone at once.`, facts)];
      },
    );
  },
});
