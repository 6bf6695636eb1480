/**
 * AML-AM-002 — Every compute cluster scales to zero nodes when idle.
 * AmlCompute always reports scaleSettings; when it does not, we cannot tell, so the result is MANUAL, never pass.
 */
import { defineCheck, evidence, fail, manual, notApplicable, pass, sameText, withReads } from '../define';

export default defineCheck({
  id: 'AML-AM-002',
  slug: 'aml-am-002-cluster-scales-to-zero',
  title: 'Compute clusters scale to zero',
  category: 'asset-management',
  severity: 'low',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/computes',
  mcsb: ['PV-1'],
  workshopQuestions: ['AM-01'],
  areas: [],
  risk:
    'A cluster with a minimum above zero keeps nodes running around the clock, with the cluster identity and data mounts live even when no job runs. ' +
    'That is standing attack surface and standing cost with no benefit outside job time.',
  remediation: {
    portal: ['Azure ML studio > Compute > Compute clusters > select the cluster > Edit.', 'Set "Minimum number of nodes" to 0 and save.'],
    cli: 'az ml compute update --name <cluster> --resource-group <rg> --workspace-name <ws> --min-instances 0',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-create-attach-compute-cluster',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.computes, (computes) => {
      const clusters = computes.filter((c) => sameText(c.computeType, 'AmlCompute'));
      if (clusters.length === 0) return [notApplicable(snapshot.workspaceId, 'The workspace has no compute clusters.')];
      return clusters.map((cluster) => {
        const facts = [evidence('properties.properties.scaleSettings.minNodeCount', cluster.minNodeCount, '0')];
        if (cluster.minNodeCount === undefined) return manual(cluster.id, `Compute cluster ${cluster.name} did not report its minimum node count; check it in the studio.`);
        return cluster.minNodeCount === 0
          ? pass(cluster.id, `Compute cluster ${cluster.name} scales to zero nodes.`, facts)
          : fail(cluster.id, `Compute cluster ${cluster.name} keeps at least ${cluster.minNodeCount} node(s) running.`, facts);
      });
    });
  },
});
