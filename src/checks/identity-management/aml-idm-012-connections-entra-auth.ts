import { defineCheck, evidence, fail, pass, withReads } from '../define';
import { perResource } from '../per-resource';

/** Auth types that keep no secret in the workspace: Entra ID (AAD), managed identity, or an anonymous target. */
const IDENTITY_AUTH = new Set(['aad', 'managedidentity', 'none']);

export default defineCheck({
  id: 'AML-IDM-012',
  slug: 'aml-idm-012-connections-entra-auth',
  title: 'Workspace connections use Microsoft Entra ID or managed identity',
  category: 'identity-management',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/connections',
  mcsb: ['IM-3', 'IM-8'],
  workshopQuestions: ['IM-01', 'NS-03'],
  areas: [],
  risk:
    'A connection with a PAT, API key, access key or username and password stores a long-lived secret in the workspace vault that every user with access to the connection can retrieve and reuse outside AML. Entra ID or managed-identity connections carry no secret and follow RBAC.',
  remediation: {
    portal: [
      'Grant the workspace or user identities access on the target service (for example Storage Blob Data Reader or a SQL Entra login).',
      'Recreate the connection with Microsoft Entra ID / managed identity authentication, delete the old one and revoke its secret at the target.',
    ],
    cli: 'az ml connection create --file <entra-connection>.yml -g <rg> -w <ws>',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-connection?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.connections, (connections) =>
      perResource(connections, { resourceId: snapshot.workspaceId, message: 'The workspace has no connections.' }, (c) => {
        const facts = [
          evidence('properties.authType', c.authType, 'AAD or ManagedIdentity'),
          evidence('properties.target', c.target, 'any'),
          evidence('properties.isSharedToAll', c.isSharedToAll, 'false for secret-based connections'),
        ];
        const target = c.target !== undefined ? ` to ${c.target}` : '';
        if (c.authType !== undefined && IDENTITY_AUTH.has(c.authType.toLowerCase())) {
          return pass(c.id, `Connection ${c.name}${target} uses ${c.authType} authentication and stores no secret.`, facts);
        }
        const shared = c.isSharedToAll === true ? ' It is shared with every user of the workspace.' : '';
        return fail(c.id, `Connection ${c.name}${target} stores a credential: authType is ${c.authType ?? 'not set'}.${shared}`, facts);
      }),
    ),
});
