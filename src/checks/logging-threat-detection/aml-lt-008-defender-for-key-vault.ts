/** AML-LT-008 — Defender for Key Vault is on for the workspace's subscription. */
import { defineCheck } from '../define';
import { evaluateDefenderPlan } from '../defender/plans';

export default defineCheck({
  id: 'AML-LT-008',
  slug: 'aml-lt-008-defender-for-key-vault',
  title: 'Defender for Key Vault enabled',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['LT-1'],
  policyDefinitionId: '0e6763cc-5078-4e64-889d-ff4d9a839047',
  workshopQuestions: ['LT-01'],
  areas: ['defender'],
  risk:
    'The workspace vault holds datastore and connection secrets; Defender for Key Vault alerts on access from unusual places, suspicious principals and mass secret reads. ' +
    'Without it a stolen identity can drain the vault silently.',
  remediation: {
    portal: ['Defender for Cloud > Environment settings > the subscription > Defender plans.', 'Turn "Key Vault" On and save.'],
    cli: 'az security pricing create --subscription <subscription-id> -n KeyVaults --tier Standard',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return evaluateDefenderPlan(snapshot, { plan: 'KeyVaults', label: 'Defender for Key Vault' });
  },
});
