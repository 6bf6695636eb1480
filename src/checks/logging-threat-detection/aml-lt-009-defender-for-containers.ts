/**
 * AML-LT-009 — Defender for Containers is on, with registry vulnerability assessment.
 * The ContainerRegistriesVulnerabilityAssessments extension is what scans the workspace's environment images in ACR;
 * it gets its own result.
 */
import { defineCheck } from '../define';
import { evaluateDefenderPlan } from '../defender/plans';

export default defineCheck({
  id: 'AML-LT-009',
  slug: 'aml-lt-009-defender-for-containers',
  title: 'Defender for Containers enabled with registry scanning',
  category: 'logging-threat-detection',
  severity: 'high',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['LT-1', 'PV-5'],
  policyDefinitionId: '1c988dd6-ade4-430f-a608-2a3e5b0a6d38',
  workshopQuestions: ['PV-01', 'LT-01'],
  areas: ['defender'],
  risk:
    'Every Azure ML environment is a container image in the workspace registry, built from public base images and pip packages. ' +
    'Without registry vulnerability assessment, known-vulnerable or malicious images run your training and scoring code unnoticed.',
  remediation: {
    portal: [
      'Defender for Cloud > Environment settings > the subscription > Defender plans.',
      'Turn "Containers" On, open Settings, enable "Agentless container vulnerability assessment", and save.',
    ],
    cli: 'az security pricing create --subscription <subscription-id> -n Containers --tier Standard --extensions name=ContainerRegistriesVulnerabilityAssessments isEnabled=True',
    url: 'https://learn.microsoft.com/azure/container-registry/scan-images-defender',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return evaluateDefenderPlan(snapshot, {
      plan: 'Containers',
      label: 'Defender for Containers',
      requiredExtensions: [{ name: 'ContainerRegistriesVulnerabilityAssessments', label: 'registry vulnerability assessment' }],
    });
  },
});
