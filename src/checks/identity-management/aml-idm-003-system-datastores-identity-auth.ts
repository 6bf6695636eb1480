import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';

/**
 * `systemDatastoresAuthMode` (2025-09-01: AccessKey | Identity | UserDelegationSAS): only Identity passes. Absent means
 * the default, AccessKey, so it fails. UserDelegationSAS does not use the account key, but the workspace mints SAS
 * tokens for every caller, so access is still not the caller's own identity; it fails with that reason. No other
 * scanner checks this.
 */
export default defineCheck({
  id: 'AML-IDM-003',
  slug: 'aml-idm-003-system-datastores-identity-auth',
  title: 'Default datastores use identity-based access, not the storage account key',
  category: 'identity-management',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['IM-1', 'IM-3'],
  workshopQuestions: ['IM-01', 'DP-02'],
  areas: [],
  risk:
    'In accessKey mode the workspace keeps the storage account key in its key vault and every user with datastore access reaches the data through that shared secret, so access is not attributable and survives a user leaving. Identity mode uses each user\'s or compute\'s Entra identity and lets you turn shared-key access off (AML-IDM-006).',
  remediation: {
    portal: [
      'Grant users and compute identities Storage Blob Data Contributor (and Storage File Data Privileged Contributor for notebooks) on the workspace storage account.',
      'Switch the workspace system datastores to identity-based access.',
    ],
    cli: 'az ml workspace update -n <ws> -g <rg> --system-datastores-auth-mode identity',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-disable-local-auth-storage?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, (ws) => {
      const mode = ws.systemDatastoresAuthMode;
      const facts = [evidence('properties.systemDatastoresAuthMode', mode, 'Identity')];
      if (sameText(mode, 'identity')) return [pass(ws.id, `Workspace ${ws.name} reaches its default datastores with identity-based access.`, facts)];
      if (sameText(mode, 'UserDelegationSAS')) {
        return [
          fail(
            ws.id,
            `Workspace ${ws.name} reaches its default datastores with user delegation SAS tokens (systemDatastoresAuthMode is ${mode}): not the account key, but tokens the workspace issues for every caller, so access is not each user's own identity.`,
            facts,
          ),
        ];
      }
      return [fail(ws.id, `Workspace ${ws.name} reaches its default datastores with the storage account key: systemDatastoresAuthMode is ${mode ?? 'not set (defaults to AccessKey)'}.`, facts)];
    }),
});
