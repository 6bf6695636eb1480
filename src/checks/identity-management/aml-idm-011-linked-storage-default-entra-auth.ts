import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-IDM-011',
  slug: 'aml-idm-011-linked-storage-default-entra-auth',
  title: "The workspace's storage account defaults to Microsoft Entra authorization",
  category: 'identity-management',
  severity: 'low',
  resourceType: 'Microsoft.Storage/storageAccounts',
  mcsb: ['IM-1'],
  workshopQuestions: ['IM-01'],
  areas: [],
  risk:
    'Without this default the portal and studio data browsers fall back to the account key, so users who can list keys browse data outside their own RBAC and the access is not attributable to them.',
  remediation: {
    portal: ['Open the storage account, select Configuration, set "Default to Microsoft Entra authorization in the Azure portal" to Enabled and save.'],
    cli: 'az storage account update -n <storage> -g <rg> --set defaultToOAuthAuthentication=true',
    url: 'https://learn.microsoft.com/azure/storage/blobs/authorize-data-operations-portal',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.storageAccount,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no storage account.'),
      (sa) => {
        const facts = [evidence('defaultToOAuthAuthentication', sa.defaultToOAuthAuthentication, 'true')];
        if (sa.defaultToOAuthAuthentication === true) return [pass(sa.id, `Storage account ${sa.name} defaults to Microsoft Entra authorization.`, facts)];
        return [fail(sa.id, `Storage account ${sa.name} does not default to Microsoft Entra authorization: defaultToOAuthAuthentication is ${sa.defaultToOAuthAuthentication === false ? 'false' : 'not set (defaults to false)'}.`, facts)];
      },
    ),
});
