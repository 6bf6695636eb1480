/**
 * AML-LT-012 — Defender for Servers is on, when the workspace has virtual machines of its own attached as compute.
 * Defender for Servers covers Azure VMs, scale sets and Arc machines in the subscription. Compute instances,
 * clusters, serverless compute and managed online endpoints are managed compute: Azure Machine Learning provisions
 * them on images it maintains, and they are not virtual machines in the customer's subscription, so the plan does
 * not reach them (AML-PV-001 keeps instances on the latest image instead). An attached VM (`VirtualMachine`) is
 * the customer's own server, and the plan is what gives it endpoint detection and response.
 * Any sub-plan passes (P1 gives EDR through Defender for Endpoint; P2 adds vulnerability assessment and FIM);
 * the sub-plan is shown in evidence.
 */
import { defineCheck, sameText, withReads } from '../define';
import { evaluatePlanWhereUsed, type PlanSpec } from '../defender/plans';

export const DEFENDER_FOR_SERVERS: PlanSpec = { plan: 'VirtualMachines', label: 'Defender for Servers', expectedSubPlan: 'P1 or P2 (P2 recommended)' };

export default defineCheck({
  id: 'AML-LT-012',
  slug: 'aml-lt-012-defender-for-servers',
  title: 'Defender for Servers enabled for attached virtual machines',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['LT-1', 'ES-1'],
  policyDefinitionId: '4da35fc9-c9e7-4960-aec9-797fe7d9051d',
  workshopQuestions: ['LT-01', 'PV-02'],
  areas: ['defender'],
  risk:
    'A virtual machine attached to the workspace as compute is your own server: it runs training code with the data and credentials the workspace gives it, and without Defender for Servers it has no endpoint detection and response. ' +
    'Compute instances, compute clusters, serverless compute and managed online endpoints are managed compute: Azure Machine Learning provisions them on images it maintains and they are not virtual machines in your subscription, so Defender for Servers does not cover them and the check asks for it only when a VM is attached. ' +
    "The plan is read on the workspace's subscription: a VM in another subscription needs the plan there.",
  remediation: {
    portal: ['Defender for Cloud > Environment settings > the subscription that holds the attached VM > Defender plans.', 'Turn "Servers" On, choose Plan 2 (or Plan 1), and save.'],
    cli: 'az security pricing create --subscription <subscription-id> -n VirtualMachines --tier Standard --subplan P2',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.computes, (computes) =>
      evaluatePlanWhereUsed(snapshot, DEFENDER_FOR_SERVERS, {
        users: computes.filter((c) => sameText(c.computeType, 'VirtualMachine')).map((c) => c.name),
        what: 'virtual machines attached as compute',
        whenNone:
          'The workspace has no virtual machine attached as compute. Its compute instances, clusters, serverless compute and managed online endpoints are managed compute, not virtual machines in your subscription, so Defender for Servers does not cover them and is not asked for here.',
      }),
    ),
});
