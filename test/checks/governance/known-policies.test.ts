import { ML_POLICY, policyName } from '../../../src/checks/governance/known-policies';

describe('built-in policy display names', () => {
  test('name the registry-model policies as Azure Policy does (AllowDeployRegistryModels_Audit.json and its Deny sibling)', () => {
    expect(policyName(`/providers/Microsoft.Authorization/policyDefinitions/${ML_POLICY.registryModelsAudit}`)).toContain(
      '[Preview]: Azure Machine Learning Deployments should only use approved Registry Models',
    );
    expect(policyName(`/providers/Microsoft.Authorization/policyDefinitions/${ML_POLICY.registryModelsDeny}`)).toContain(
      '[Preview]: Azure Machine Learning Model Registry Deployments are restricted except for the allowed Registry',
    );
  });
});
