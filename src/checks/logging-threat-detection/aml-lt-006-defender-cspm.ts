/** AML-LT-006 — Defender CSPM (CloudPosture) is on for the workspace's subscription. */
import { defineCheck } from '../define';
import { evaluateDefenderPlan } from '../defender/plans';

export default defineCheck({
  id: 'AML-LT-006',
  slug: 'aml-lt-006-defender-cspm',
  title: 'Defender CSPM enabled',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['PV-2', 'LT-1'],
  policyDefinitionId: '1f90fc71-a595-4066-8974-d4d0802e8ef0',
  workshopQuestions: ['LT-01', 'AM-01'],
  areas: ['defender'],
  risk:
    'Foundational CSPM only lists misconfigurations; Defender CSPM adds attack-path analysis, the cloud security explorer, agentless scanning and AI security posture for ML workloads. ' +
    'Without it you cannot see that a public endpoint, an over-privileged identity and sensitive data line up into one exploitable path.',
  remediation: {
    portal: ['Defender for Cloud > Environment settings > the subscription > Defender plans.', 'Turn "Defender CSPM" On and save.'],
    cli: 'az security pricing create --subscription <subscription-id> -n CloudPosture --tier Standard',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return evaluateDefenderPlan(snapshot, { plan: 'CloudPosture', label: 'Defender CSPM' });
  },
});
