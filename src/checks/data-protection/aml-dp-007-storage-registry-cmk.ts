/**
 * AML-DP-007 — The workspace's storage account and container registry use customer-managed keys when CMK is required.
 *
 * "Required" is read from the workspace itself: it uses a CMK (the organisation evidently demands key custody, so
 * the data it stores next door should match), it is flagged high business impact, or its data-classification tag
 * says sensitive. Then a Microsoft-managed key FAILS; otherwise the decision is MANUAL. One result per resource.
 * ACR CMK needs the Premium tier and can only be chosen when the registry is created.
 */
import type { Workspace } from '../../azure/snapshot';
import type { CheckResult, Remediation } from '../types';
import { defineCheck, evidence, fail, manual, notApplicable, pass, sameText, withLinked, withReads } from '../define';
import { sensitiveClassification } from '../governance/workspace-tags';

function cmkRequiredBecause(ws: Workspace): string | undefined {
  if (sameText(ws.encryption.status, 'Enabled')) return 'the workspace itself uses a customer-managed key';
  if (ws.hbiWorkspace === true) return 'the workspace is flagged high business impact';
  const tag = sensitiveClassification(ws);
  return tag !== undefined ? `the workspace is tagged ${tag.key}=${tag.value}` : undefined;
}

/**
 * A registry's encryption cannot be changed after it is created, so its finding gets no `az` fix (an
 * `az acr update` or a storage command cannot work): the way out is a new Premium registry with the key.
 */
const REGISTRY_REMEDIATION: Remediation = {
  portal: [
    'A container registry takes a customer-managed key only when it is created, on the Premium tier: create a new Premium registry with "Customer-managed key" enabled (a user-assigned identity that can use the key in Key Vault).',
    'Import the images of the current registry into it (az acr import), point the workspace at the new registry, and remove the old one once nothing uses it.',
  ],
  url: 'https://learn.microsoft.com/azure/container-registry/tutorial-enable-customer-managed-keys',
};

export default defineCheck({
  id: 'AML-DP-007',
  slug: 'aml-dp-007-storage-registry-cmk',
  title: 'Linked storage and registry use customer-managed keys when required',
  category: 'data-protection',
  severity: 'medium',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['DP-5'],
  policyDefinitionId: '6fac406b-40ca-413b-bf8e-0bf964659c25',
  workshopQuestions: ['DP-02'],
  areas: [],
  risk:
    'The workspace\'s default storage holds the training data, snapshots and model files, and the registry holds the environment images; a CMK on the workspace ' +
    'alone leaves these under Microsoft-managed keys. Where key custody is required, that gap defeats the point of the workspace CMK.',
  remediation: {
    portal: [
      'Storage: open the account > Security + networking > Encryption, choose "Customer-managed keys", select the key in Key Vault and save.',
      'Container registry: CMK can only be set on a new Premium registry; create one with encryption enabled and point the workspace at it.',
    ],
    // The storage fix; the registry's results carry REGISTRY_REMEDIATION instead.

    cli: 'az storage account update -g <rg> -n <sa> --encryption-key-source Microsoft.Keyvault --encryption-key-vault https://<kv>.vault.azure.net --encryption-key-name <key>',
    url: 'https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.workspace, (ws) => {
      const because = cmkRequiredBecause(ws);
      const storage = withLinked(
        snapshot.storageAccount,
        () => notApplicable(ws.id, `Workspace ${ws.name} names no storage account.`),
        (sa): readonly CheckResult[] => {
          const facts = [evidence('properties.encryption.keySource', sa.encryptionKeySource, 'Microsoft.Keyvault')];
          if (sameText(sa.encryptionKeySource, 'Microsoft.Keyvault')) return [pass(sa.id, `Storage account ${sa.name} is encrypted with a customer-managed key.`, facts)];
          if (because !== undefined) return [fail(sa.id, `Storage account ${sa.name} uses Microsoft-managed keys although ${because}.`, facts)];
          return [manual(sa.id, `Storage account ${sa.name} uses Microsoft-managed keys; decide whether its data requires a customer-managed key.`)];
        },
      );
      const registry = withLinked(
        snapshot.containerRegistry,
        () => notApplicable(ws.id, `Workspace ${ws.name} names no container registry yet.`),
        (acr): readonly CheckResult[] => {
          const facts = [evidence('properties.encryption.status', acr.encryptionStatus, 'enabled'), evidence('sku.name', acr.sku, 'Premium')];
          const result = (): CheckResult => {
            if (sameText(acr.encryptionStatus, 'enabled')) return pass(acr.id, `Container registry ${acr.name} is encrypted with a customer-managed key.`, facts);
            if (because !== undefined) return fail(acr.id, `Container registry ${acr.name} uses Microsoft-managed keys although ${because}.`, facts);
            return manual(acr.id, `Container registry ${acr.name} uses Microsoft-managed keys; decide whether its images require a customer-managed key.`);
          };
          return [{ ...result(), remediation: REGISTRY_REMEDIATION }];
        },
      );
      return [...storage, ...registry];
    });
  },
});
