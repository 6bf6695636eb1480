/**
 * AML-AM-001 — Every compute instance shuts down when idle.
 * Idle shutdown is off unless set, so an absent `idleTimeBeforeShutdown` fails (as in AP 679ddf89 and PSRule).
 */
import { defineCheck, evidence, fail, notApplicable, pass, sameText, withReads } from '../define';

export default defineCheck({
  id: 'AML-AM-001',
  slug: 'aml-am-001-compute-idle-shutdown',
  title: 'Compute instances shut down when idle',
  category: 'asset-management',
  severity: 'low',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/computes',
  mcsb: ['PV-1'],
  policyDefinitionId: '679ddf89-ab8f-48a5-9029-e76054077449',
  workshopQuestions: ['AM-01', 'PV-02'],
  areas: [],
  risk:
    'A forgotten compute instance keeps running with its user\'s credentials, mounted data and open Jupyter sessions, widening the attack window and the bill. ' +
    'Idle shutdown bounds both without taking work away from anyone.',
  remediation: {
    portal: [
      'Azure ML studio > Compute > Compute instances > select the instance > Schedules.',
      'Turn on "Idle shutdown" with a timeout such as 60 minutes.',
      'The CLI sets idle shutdown when an instance is created (idle_time_before_shutdown_minutes in its YAML or --set; az ml compute update has no idle-shutdown flag); change an existing instance in the studio.',
    ],
    cli: 'az ml compute create --name <ci> --type ComputeInstance --size <vm-size> --resource-group <rg> --workspace-name <ws> --set idle_time_before_shutdown_minutes=60',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-create-compute-instance#configure-idle-shutdown',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.computes, (computes) => {
      const instances = computes.filter((c) => sameText(c.computeType, 'ComputeInstance'));
      if (instances.length === 0) return [notApplicable(snapshot.workspaceId, 'The workspace has no compute instances.')];
      return instances.map((ci) => {
        const facts = [evidence('properties.properties.idleTimeBeforeShutdown', ci.idleTimeBeforeShutdown, 'an ISO-8601 duration, e.g. PT60M')];
        return ci.idleTimeBeforeShutdown !== undefined && ci.idleTimeBeforeShutdown.trim() !== ''
          ? pass(ci.id, `Compute instance ${ci.name} shuts down after ${ci.idleTimeBeforeShutdown} idle.`, facts)
          : fail(ci.id, `Compute instance ${ci.name} has no idle shutdown.`, facts);
      });
    });
  },
});
