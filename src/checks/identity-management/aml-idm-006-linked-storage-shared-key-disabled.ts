import { defineCheck, evidence, fail, notApplicable, pass, sameText, withLinked } from '../define';

/** `allowSharedKeyAccess` absent means allowed (AP 8c6a50c6 audits it that way). */
export default defineCheck({
  id: 'AML-IDM-006',
  slug: 'aml-idm-006-linked-storage-shared-key-disabled',
  title: "The workspace's storage account has shared-key access disabled",
  category: 'identity-management',
  severity: 'high',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['IM-1'],
  policyDefinitionId: '8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54',
  workshopQuestions: ['IM-01', 'DP-02'],
  areas: [],
  risk:
    'The account key gives full, unaudited-by-identity control of all data in the storage account, and any SAS signed with it works until the key is rotated. Disabling shared-key access forces Microsoft Entra authorization for every request.',
  remediation: {
    portal: [
      'First switch the workspace system datastores to identity (AML-IDM-003) and recreate key-based datastores (AML-IDM-004), or the workspace breaks.',
      'Open the storage account, select Configuration, set "Allow storage account key access" to Disabled and save.',
    ],
    cli: 'az storage account update -n <storage> -g <rg> --allow-shared-key-access false',
    url: 'https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) => {
        const facts = [evidence('allowSharedKeyAccess', sa.allowSharedKeyAccess, 'false')];
        if (sa.allowSharedKeyAccess === false) return [pass(sa.id, `Storage account ${sa.name} has shared-key access disabled.`, facts)];
        const ws = snapshot.workspace.ok ? snapshot.workspace.value : undefined;
        const order =
          ws !== undefined && !sameText(ws.systemDatastoresAuthMode, 'identity')
            ? ` Switch workspace ${ws.name} to identity-based datastores (its systemDatastoresAuthMode is ${ws.systemDatastoresAuthMode ?? 'not set'}; set it to identity) before turning it off.`
            : '';
        return [fail(sa.id, `Storage account ${sa.name} accepts the account key: allowSharedKeyAccess is ${sa.allowSharedKeyAccess === true ? 'true' : 'not set (defaults to true)'}.${order}`, facts)];
      },
    ),
});
