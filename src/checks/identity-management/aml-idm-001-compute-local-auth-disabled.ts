import { defineCheck, evidence, fail, notApplicable, pass, withReads } from '../define';
import { perResource } from '../per-resource';

const SUPPORTED = ['computeinstance', 'amlcompute'];

/** Covers compute instances too, not only clusters (Checkov CKV_AZURE_142 checks Terraform clusters only). */
export default defineCheck({
  id: 'AML-IDM-001',
  slug: 'aml-idm-001-compute-local-auth-disabled',
  title: 'Computes have local authentication (SSH keys, passwords) disabled',
  category: 'identity-management',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/computes',
  mcsb: ['IM-1'],
  policyDefinitionId: 'e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f',
  workshopQuestions: ['IM-01'],
  areas: [],
  risk:
    'Local accounts and SSH keys on compute nodes bypass Microsoft Entra ID, so conditional access, MFA and sign-in logs do not apply, and a weak or leaked password or key gives direct access to the node and its mounted data. Disabling local auth makes Entra ID the only way in.',
  remediation: {
    portal: [
      'Recreate the compute with local authentication disabled (disableLocalAuth true); existing computes cannot be changed.',
      'Assign the Azure Policy "Configure Azure Machine Learning Computes to disable local authentication methods" (a6f9a2d0) to enforce it for new computes.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-integrate-azure-policy?view=azureml-api-2#disable-local-authentication',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.computes, (computes) =>
      perResource(computes, { resourceId: snapshot.workspaceId, message: 'The workspace has no computes.' }, (c) => {
        if (!SUPPORTED.includes(c.computeType.toLowerCase())) {
          return notApplicable(c.id, `Compute ${c.name} is an attached ${c.computeType}; local authentication is managed on the attached resource.`);
        }
        const facts = [evidence('properties.disableLocalAuth', c.disableLocalAuth, 'true')];
        if (c.disableLocalAuth === true) return pass(c.id, `Compute ${c.name} (${c.computeType}) has local authentication disabled.`, facts);
        return fail(c.id, `Compute ${c.name} (${c.computeType}) allows local authentication: disableLocalAuth is ${c.disableLocalAuth === false ? 'false' : 'not set (defaults to false)'}.`, facts);
      }),
    ),
});
