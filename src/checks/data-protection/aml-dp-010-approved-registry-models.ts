/**
 * AML-DP-010 — Only models from an approved registry are deployed.
 *
 * Azure cannot say which models are "approved" unless the preview built-in policy says so. PASS when the Deny policy
 * 19539b54 is assigned, enforced and its effect is Deny (the effect has no default, so Disabled is possible).
 * The policy only blocks NEW deployments ("existing noncompliant deployments aren't affected"), so a deployment that
 * already serves a model from a registry other than allowedRegistryName FAILS even under the policy. Models
 * registered in the workspace itself are not registry models and the policy does not govern them.
 * Otherwise MANUAL: a person must review the deployed models. Not applicable when there are no deployments.
 */
import { defineCheck, evidence, fail, manual, notApplicable, pass, withReads } from '../define';
import { ML_POLICY } from '../governance/known-policies';
import { modelRegistry } from '../model-registry';
import { applyingTo, assignmentLabel, assignmentsOfDefinition, exclusionNotes, isEnforced, parameterValue } from '../governance/policy';

export default defineCheck({
  id: 'AML-DP-010',
  slug: 'aml-dp-010-approved-registry-models',
  title: 'Only approved registry models are deployed',
  category: 'data-protection',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
  mcsb: ['AM-5'],
  policyDefinitionId: ML_POLICY.registryModelsDeny,
  workshopQuestions: ['PV-01', 'AM-02'],
  areas: [],
  risk:
    'A model pulled from an unvetted registry can carry malicious code in its pickled weights or scoring script, and it runs with the endpoint\'s identity and data access. ' +
    'Without an allow-list nothing stops a user deploying such a model.',
  remediation: {
    portal: [
      'Azure Policy > Definitions: assign "[Preview]: Azure Machine Learning Model Registry Deployments are restricted except for the allowed Registry" at the workspace scope.',
      'Set allowedRegistryName to your approved registry and effect to Deny.',
    ],
    cli: 'az policy assignment create --name restrict-registry-models --policy 19539b54-c61e-4196-9a38-67598701be90 --scope <workspaceId> --params \'{"allowedRegistryName":{"value":"<registry>"},"effect":{"value":"Deny"}}\'',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-integrate-azure-policy',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.onlineDeployments, snapshot.policyAssignments, (deployments, assignments) => {
      if (deployments.length === 0) return [notApplicable(snapshot.workspaceId, 'The workspace has no online deployments.')];
      const enforcing = assignmentsOfDefinition(applyingTo(assignments, snapshot.workspaceId), ML_POLICY.registryModelsDeny).find(
        (a) => isEnforced(a) && String(parameterValue(a, 'effect')).toLowerCase() === 'deny',
      );
      if (enforcing !== undefined) {
        const allowed = parameterValue(enforcing, 'allowedRegistryName');
        const outside = deployments.filter((d) => {
          const registry = modelRegistry(d);
          return registry !== undefined && (typeof allowed !== 'string' || registry.toLowerCase() !== allowed.toLowerCase());
        });
        if (outside.length > 0) {
          return outside.map((d) =>
            fail(d.id, `Deployment ${d.endpointName}/${d.name} serves ${d.modelId ?? 'a model'} from registry ${modelRegistry(d) ?? ''}, outside the allowed registry; policy ${assignmentLabel(enforcing)} only blocks new deployments.`, [
              evidence('model', d.modelId, `a model from registry ${typeof allowed === 'string' ? allowed : '(none allowed)'}`),
              evidence('allowedRegistryName', allowed, 'your approved registry'),
            ]),
          );
        }
        return [
          pass(snapshot.workspaceId, `Policy ${assignmentLabel(enforcing)} denies deployments of models outside the approved registry.`, [
            evidence('allowedRegistryName', parameterValue(enforcing, 'allowedRegistryName'), 'your approved registry'),
            evidence('effect', parameterValue(enforcing, 'effect'), 'Deny'),
          ]),
        ];
      }
      const models = deployments.map((d) => `${d.endpointName}/${d.name}: ${d.modelId ?? 'unknown model'}`).join('; ');
      const excluded = exclusionNotes(assignmentsOfDefinition(assignments, ML_POLICY.registryModelsDeny), snapshot.workspaceId);
      return [manual(snapshot.workspaceId, `No enforced policy restricts deployed models; review that these are approved: ${models}.${excluded}`)];
    });
  },
});
