/**
 * Exercise 6: the infrastructure pipeline deployed the workspace with its storage account, Key Vault,
 * Application Insights, container registry and compute cluster, in the resource group named from the learner's
 * namespace, postfix and environment.
 */
import type { Linked, WorkspaceSnapshot } from '../azure/snapshot';
import { parseResourceId } from '../shared/resource-id';
import { expectedNames } from './naming';
import { DEFAULT_COMPUTE_CLUSTER, type LabParameters } from './parameters';
import { combine, item, readFailed, type LabValidationItem, type LabValidationResult } from './result';

const PIPELINE = '/mlops/devops-pipelines/cli-ado-deploy-infra.yml';

/** The workspace was not there: names exactly what was looked for and how to create it. */
export function workspaceNotFound(params: LabParameters, lookedFor: readonly string[], reason?: string): LabValidationResult {
  const names = expectedNames(params);
  const where =
    names !== undefined
      ? `No workspace ${names.workspaces[0] ?? ''} in resource group ${names.resourceGroups[0] ?? ''} (subscription ${params.subscriptionId})`
      : `No workspace at ${lookedFor[0] ?? 'the id you gave'}`;
  return {
    status: 'failed',
    items: [
      item(
        false,
        `${where}${reason !== undefined ? `: ${reason}` : '.'}`,
        `Run the infrastructure pipeline (deploy-infra: ${PIPELINE}) with namespace, postfix, location and environment set in config-infra-prod.yml, and wait until it is green. If you used other values, tell me with "lab params", or "lab find <workspace name>".`,
      ),
    ],
  };
}

export function validateInfrastructure(snapshot: WorkspaceSnapshot, params: LabParameters): LabValidationResult {
  if (!snapshot.workspace.ok) {
    if (snapshot.workspace.error.kind === 'not_found') return workspaceNotFound(params, [snapshot.workspaceId]);
    return combine({ missing: [], unread: [readFailed('the workspace', snapshot.workspace.error)], advice: [], ok: [] });
  }
  const ws = snapshot.workspace.value;
  const names = expectedNames(params);
  const missing: LabValidationItem[] = [];
  const unread: LabValidationItem[] = [];
  const advice: LabValidationItem[] = [];
  const ok: LabValidationItem[] = [item(true, `Workspace ${ws.name} is in resource group ${ws.resourceGroup}.`)];

  const linked = (label: string, read: Linked<{ readonly id: string; readonly name: string }>, expected: string | undefined, whenNone: () => void): void => {
    if (!read.ok) {
      unread.push(readFailed(`the ${label}`, read.error));
      return;
    }
    if (read.value === null) {
      whenNone();
      return;
    }
    const group = resourceGroupOf(read.value.id);
    const named = expected !== undefined && read.value.name.toLowerCase() !== expected.toLowerCase() ? ` (the Bicep/Terraform variant of the accelerator would name it ${expected})` : '';
    if (group !== undefined && group.toLowerCase() !== ws.resourceGroup.toLowerCase()) {
      advice.push(item(false, `The ${label} ${read.value.name} is in resource group ${group}, not in ${ws.resourceGroup} with the workspace.`, 'The accelerator deploys everything into one resource group; check that the workspace was created by the lab pipeline.'));
    } else {
      ok.push(item(true, `The ${label} ${read.value.name} is linked to the workspace${named}.`));
    }
  };

  linked('storage account', snapshot.storageAccount, names?.storageAccount, () =>
    missing.push(item(false, `Workspace ${ws.name} links no storage account.`, 'A workspace cannot work without one: delete it and run the infrastructure pipeline again.')),
  );
  linked('Key Vault', snapshot.keyVault, names?.keyVault, () =>
    missing.push(item(false, `Workspace ${ws.name} links no Key Vault.`, 'A workspace cannot work without one: delete it and run the infrastructure pipeline again.')),
  );
  linked('Application Insights component', snapshot.applicationInsights, names?.applicationInsights[0], () =>
    missing.push(
      item(
        false,
        `Workspace ${ws.name} links no Application Insights component.`,
        `Run the infrastructure pipeline again, or link one: az ml workspace update --name ${ws.name} --resource-group ${ws.resourceGroup} --application-insights <application-insights-id>`,
      ),
    ),
  );
  linked('container registry', snapshot.containerRegistry, names?.containerRegistry, () =>
    advice.push(
      item(
        false,
        `Workspace ${ws.name} links no container registry yet.`,
        `The CLI pipeline's "az ml workspace create" creates the registry at the first environment image build, so this is expected right after exercise 6; the Bicep/Terraform pipelines deploy ${names?.containerRegistry ?? 'cr<namespace><postfix><environment>'} at once.`,
      ),
    ),
  );

  checkCluster(snapshot, ws.name, ws.resourceGroup, params.computeCluster ?? names?.computeCluster ?? DEFAULT_COMPUTE_CLUSTER, { missing, unread, advice, ok });
  return combine({ missing, unread, advice, ok });
}

function checkCluster(
  snapshot: WorkspaceSnapshot,
  workspace: string,
  resourceGroup: string,
  clusterName: string,
  out: { missing: LabValidationItem[]; unread: LabValidationItem[]; advice: LabValidationItem[]; ok: LabValidationItem[] },
): void {
  if (!snapshot.computes.ok) {
    out.unread.push(readFailed(`the computes of workspace ${workspace}`, snapshot.computes.error));
    return;
  }
  const create = `az ml compute create --name ${clusterName} --type amlcompute --size STANDARD_D2_V2 --min-instances 0 --max-instances 4 --tier dedicated --resource-group ${resourceGroup} --workspace-name ${workspace}`;
  const named = snapshot.computes.value.find((c) => c.name.toLowerCase() === clusterName.toLowerCase());
  if (named !== undefined) {
    if (named.computeType.toLowerCase() === 'amlcompute') out.ok.push(item(true, `Compute cluster ${named.name} exists in workspace ${workspace}.`));
    else out.missing.push(item(false, `${named.name} in workspace ${workspace} is a ${named.computeType}, not a compute cluster (AmlCompute).`, `Delete it and create the cluster: ${create}`));
    return;
  }
  const clusters = snapshot.computes.value.filter((c) => c.computeType.toLowerCase() === 'amlcompute');
  if (clusters.length > 0) {
    out.advice.push(
      item(
        false,
        `No compute cluster named ${clusterName}, but workspace ${workspace} has ${clusters.map((c) => c.name).join(', ')}.`,
        `If you changed training_target in the pipeline, tell me: lab params computeCluster=${clusters[0]?.name ?? '<name>'}`,
      ),
    );
    return;
  }
  out.missing.push(
    item(
      false,
      `No compute cluster in workspace ${workspace}: expected ${clusterName}.`,
      `Check that config-infra-prod.yml has enable_aml_computecluster: true and run the infrastructure pipeline again, or create it: ${create}`,
    ),
  );
}

function resourceGroupOf(id: string): string | undefined {
  try {
    return parseResourceId(id).resourceGroup;
  } catch {
    return undefined;
  }
}
