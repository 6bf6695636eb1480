import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';
import { perResource } from '../per-resource';

export default defineCheck({
  id: 'AML-IDM-005',
  slug: 'aml-idm-005-online-endpoint-entra-auth',
  title: 'Online endpoints use Microsoft Entra token authentication',
  category: 'identity-management',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
  mcsb: ['IM-1'],
  workshopQuestions: ['IM-01'],
  areas: [],
  risk:
    'Key authentication hands every caller the same static key, which does not expire, is easily copied into code and logs, and cannot be tied to a caller; AMLToken is short-lived but still not an Entra identity. AADToken lets RBAC, conditional access and sign-in logs govern who scores the model.',
  remediation: {
    portal: [
      'Grant callers a role with Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action on the endpoint.',
      'Create the endpoint with auth_mode: aad_token, move the deployments and traffic to it, and delete the key-based endpoint.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-authenticate-online-endpoint?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.onlineEndpoints, (endpoints) =>
      perResource(endpoints, { resourceId: snapshot.workspaceId, message: 'The workspace has no online endpoints.' }, (e) => {
        const facts = [evidence('properties.authMode', e.authMode, 'AADToken')];
        if (sameText(e.authMode, 'AADToken')) return pass(e.id, `Online endpoint ${e.name} uses Microsoft Entra token authentication.`, facts);
        return fail(e.id, `Online endpoint ${e.name} does not use Microsoft Entra tokens: authMode is ${e.authMode ?? 'not set'}.`, facts);
      }),
    ),
});
