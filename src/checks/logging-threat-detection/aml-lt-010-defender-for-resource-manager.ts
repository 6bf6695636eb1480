/** AML-LT-010 — Defender for Resource Manager is on for the workspace's subscription. */
import { defineCheck } from '../define';
import { evaluateDefenderPlan } from '../defender/plans';

export default defineCheck({
  id: 'AML-LT-010',
  slug: 'aml-lt-010-defender-for-resource-manager',
  title: 'Defender for Resource Manager enabled',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['LT-1'],
  policyDefinitionId: 'c3d20c29-b36d-48fe-808b-99a87530ad99',
  workshopQuestions: ['LT-01'],
  areas: ['defender'],
  risk:
    'Every change to the workspace, its computes and its role assignments goes through Resource Manager; Defender for Resource Manager alerts on suspicious management operations ' +
    'such as unusual role grants or toolkit-driven enumeration. Without it, control-plane abuse by a stolen identity raises no alert.',
  remediation: {
    portal: ['Defender for Cloud > Environment settings > the subscription > Defender plans.', 'Turn "Resource Manager" On and save.'],
    cli: 'az security pricing create --subscription <subscription-id> -n Arm --tier Standard',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return evaluateDefenderPlan(snapshot, { plan: 'Arm', label: 'Defender for Resource Manager' });
  },
});
