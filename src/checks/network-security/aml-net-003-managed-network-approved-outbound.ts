import { defineCheck, evidence, fail, manual, pass, sameText, withReads } from '../define';

/**
 * Note AP 6ddb1705 ships with its isolationMode parameter defaulting to `Disabled`, which audits the wrong
 * direction; this check always expects AllowOnlyApprovedOutbound. A workspace without a managed network whose
 * computes all sit in the customer's own subnets controls egress with its own firewall, which we cannot see:
 * that case is `manual`, not a pass.
 */
export default defineCheck({
  id: 'AML-NET-003',
  slug: 'aml-net-003-managed-network-approved-outbound',
  title: 'Managed virtual network allows only approved outbound traffic',
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['NS-1', 'NS-2'],
  policyDefinitionId: '6ddb1705-c8cf-450e-aa4b-19ad6703c440',
  workshopQuestions: ['WVN-01', 'TVN-01', 'DP-04'],
  areas: [],
  risk:
    'Computes that may reach any internet address can exfiltrate training data and models, or pull malicious packages, and nothing records where the data went. AllowOnlyApprovedOutbound limits egress to private endpoints and reviewed FQDN and service-tag rules.',
  remediation: {
    portal: [
      'An existing workspace without a managed network must first delete its compute instances, compute clusters and managed online endpoints; a managed network cannot be disabled once enabled.',
      'Open the workspace, select Networking, then Workspace managed outbound access.',
      'Choose Allow Only Approved Outbound, add the outbound rules your jobs need, and save.',
      'Provision the managed network (az ml workspace provision-network) before creating computes.',
    ],
    cli: 'az ml workspace update -n <ws> -g <rg> --managed-network allow_only_approved_outbound',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-managed-network?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, (ws) => {
      const mode = ws.managedNetworkIsolationMode;
      const facts = [evidence('managedNetwork.isolationMode', mode, 'AllowOnlyApprovedOutbound')];
      if (sameText(mode, 'AllowOnlyApprovedOutbound')) {
        return [pass(ws.id, `Workspace ${ws.name} uses a managed network in AllowOnlyApprovedOutbound mode.`, facts)];
      }
      if (sameText(mode, 'AllowInternetOutbound')) {
        return [fail(ws.id, `Workspace ${ws.name} uses a managed network in AllowInternetOutbound mode: computes may reach any internet address.`, facts)];
      }
      // No managed network. If every compute is in a customer subnet, egress is the customer firewall's job.
      const computes = snapshot.computes.ok ? snapshot.computes.value : [];
      const isolatable = computes.filter((c) => c.computeType === 'ComputeInstance' || c.computeType === 'AmlCompute');
      if (isolatable.length > 0 && isolatable.every((c) => c.subnetId !== undefined && c.subnetId !== '')) {
        return [
          manual(
            ws.id,
            `Workspace ${ws.name} has no managed network (isolationMode ${mode ?? 'not set'}); its ${isolatable.length} compute(s) use your own subnets, so verify that an Azure Firewall or NSG limits their outbound traffic.`,
          ),
        ];
      }
      return [fail(ws.id, `Workspace ${ws.name} has no managed network outbound control: isolationMode is ${mode ?? 'not set (Disabled)'}.`, facts)];
    }),
});
