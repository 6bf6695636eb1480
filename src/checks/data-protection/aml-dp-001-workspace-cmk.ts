/**
 * AML-DP-001 — Workspace data encrypted with a customer-managed key.
 *
 * Microsoft-managed keys already encrypt workspace data at rest, and the MCSB initiative ships this policy
 * Disabled (catalog §5.4), so a missing CMK is not a defect for every workspace. We therefore FAIL only when
 * the workspace itself says its data is sensitive (hbiWorkspace, or a sensitive data-classification tag), and
 * ask for a MANUAL decision otherwise. Project workspaces inherit their hub's encryption (the policy excludes them).
 * CMK can only be chosen when the workspace is created.
 */
import { defineCheck, evidence, fail, manual, notApplicable, pass, sameText, withReads } from '../define';
import { sensitiveClassification } from '../governance/workspace-tags';

export default defineCheck({
  id: 'AML-DP-001',
  slug: 'aml-dp-001-workspace-cmk',
  title: 'Workspace encrypted with a customer-managed key',
  category: 'data-protection',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['DP-5'],
  policyDefinitionId: 'ba769a63-b8cc-4b2d-abf6-ac33c7204be8',
  workshopQuestions: ['DP-02'],
  areas: [],
  risk:
    'Without a customer-managed key you cannot revoke Microsoft\'s ability to decrypt the workspace metadata, run history and model data, ' +
    'and you cannot prove key custody to an auditor. Regulated and high-business-impact data usually requires that control.',
  remediation: {
    portal: [
      'CMK can only be set when a workspace is created: create a new workspace and under Encryption choose "Encrypt data using a customer-managed key".',
      'Pick a key in a Key Vault with soft delete and purge protection on, then move assets and jobs to the new workspace.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/concept-customer-managed-keys',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.workspace, (ws) => {
      if (sameText(ws.kind, 'Project')) return [notApplicable(ws.id, `Workspace ${ws.name} is a project; it uses its hub's encryption.`)];
      const facts = [
        evidence('properties.encryption.status', ws.encryption.status, 'Enabled'),
        evidence('properties.encryption.keyVaultProperties.keyIdentifier', ws.encryption.keyIdentifier, 'a Key Vault key URI'),
      ];
      if (sameText(ws.encryption.status, 'Enabled')) return [pass(ws.id, `Workspace ${ws.name} is encrypted with a customer-managed key.`, facts)];
      const tag = sensitiveClassification(ws);
      if (ws.hbiWorkspace === true || tag !== undefined) {
        const why = tag !== undefined ? `its tag ${tag.key}=${tag.value}` : 'its high-business-impact flag';
        return [fail(ws.id, `Workspace ${ws.name} holds sensitive data (${why}) but uses Microsoft-managed keys.`, facts)];
      }
      return [
        manual(
          ws.id,
          `Workspace ${ws.name} uses Microsoft-managed keys. Decide whether its data classification requires a customer-managed key (it can only be set at creation).`,
        ),
      ];
    });
  },
});
