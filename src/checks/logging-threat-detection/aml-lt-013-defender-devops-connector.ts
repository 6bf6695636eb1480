/**
 * AML-LT-013 — Defender for Cloud DevOps security is connected (Azure DevOps, GitHub or GitLab).
 * The lab (seed 000) ships ML code through Azure DevOps; the connector scans those pipelines and repos for
 * secrets, IaC misconfigurations and vulnerable dependencies before they reach the workspace.
 * GitLab is accepted too: it is the third DevOps environment Defender for Cloud supports.
 */
import { defineCheck, evidence, fail, pass, withReads } from '../define';
import { subscriptionScope } from '../governance/scope';

const DEVOPS_ENVIRONMENTS = ['azuredevops', 'github', 'gitlab'];

export default defineCheck({
  id: 'AML-LT-013',
  slug: 'aml-lt-013-defender-devops-connector',
  title: 'Defender for Cloud DevOps connector present',
  category: 'logging-threat-detection',
  severity: 'low',
  resourceType: 'Microsoft.Security/securityConnectors',
  mcsb: ['DS-6'],
  workshopQuestions: ['PV-01', 'LT-01'],
  areas: ['defender'],
  risk:
    'Training pipelines and scoring code flow from a repository into the workspace; without DevOps security, secrets committed to the repo, vulnerable packages and insecure IaC are found only after deployment, if at all.',
  remediation: {
    portal: [
      'Defender for Cloud > Environment settings > Add environment > Azure DevOps (or GitHub / GitLab).',
      'Authorize the connector for your organization and select the projects that build ML code.',
    ],
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/quickstart-onboard-devops',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    const subscription = subscriptionScope(snapshot.workspaceId);
    return withReads(snapshot.securityConnectors, (connectors) => {
      const devops = connectors.filter((c) => DEVOPS_ENVIRONMENTS.includes(c.environmentName.toLowerCase()));
      const facts = [
        evidence('securityConnectors[].environmentName', devops.length > 0 ? devops.map((c) => `${c.name} (${c.environmentName})`).join(', ') : undefined, 'AzureDevOps, Github or GitLab'),
      ];
      return devops.length > 0
        ? [pass(subscription, `Defender for Cloud DevOps security is connected: ${devops.map((c) => `${c.name} (${c.environmentName})`).join(', ')}.`, facts)]
        : [fail(subscription, `No Azure DevOps, GitHub or GitLab connector is set up in Defender for Cloud for ${subscription}.`, facts)];
    });
  },
});
