/**
 * AML-LT-012 — Defender for Servers is on: compute instances and cluster nodes are Azure VMs.
 * Any sub-plan passes (P1 gives EDR through Defender for Endpoint; P2 adds vulnerability assessment and FIM);
 * the sub-plan is shown in evidence.
 */
import { defineCheck } from '../define';
import { evaluateDefenderPlan } from '../defender/plans';

export default defineCheck({
  id: 'AML-LT-012',
  slug: 'aml-lt-012-defender-for-servers',
  title: 'Defender for Servers enabled',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['LT-1', 'ES-1'],
  policyDefinitionId: '4da35fc9-c9e7-4960-aec9-797fe7d9051d',
  workshopQuestions: ['LT-01', 'PV-02'],
  areas: ['defender'],
  risk:
    'Compute instances run notebooks with users\' credentials and data mounts, and cluster nodes run arbitrary training code; both are VMs. ' +
    'Without Defender for Servers there is no endpoint detection on them, so a compromised notebook or package runs unseen.',
  remediation: {
    portal: ['Defender for Cloud > Environment settings > the subscription > Defender plans.', 'Turn "Servers" On, choose Plan 2 (or Plan 1), and save.'],
    cli: 'az security pricing create --subscription <subscription-id> -n VirtualMachines --tier Standard --subplan P2',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return evaluateDefenderPlan(snapshot, { plan: 'VirtualMachines', label: 'Defender for Servers', expectedSubPlan: 'P1 or P2 (P2 recommended)' });
  },
});
