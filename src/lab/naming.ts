/**
 * Resource names as the MLOps v2 accelerator derives them from config-infra-prod.yml
 * ("DO NOT TOUCH" section of Azure/mlops-v2-ado-demo and Azure/mlops-project-template):
 *   resource_group: rg-$(namespace)-$(postfix)$(environment)
 *   aml_workspace:  mlw-$(namespace)-$(postfix)$(environment)
 *   application_insights: mlw-$(namespace)-$(postfix)$(environment)   (Bicep/Terraform variants: appi-…)
 *   key_vault:      kv-$(namespace)-$(postfix)$(environment)
 *   container_registry: cr$(namespace)$(postfix)$(environment)
 *   storage_account:    st$(namespace)$(postfix)$(environment)
 *   training_target (compute cluster): cpu-cluster
 * Newer copies of mlops-v2-ado-demo put a dash before the environment (rg-<ns>-<postfix>-<env>), so the
 * resource group and workspace have two candidate names.
 */
import { DEFAULT_COMPUTE_CLUSTER, hasNaming, type LabParameters } from './parameters';

export interface ExpectedNames {
  /** Candidates, most likely first. */
  readonly resourceGroups: readonly string[];
  readonly workspaces: readonly string[];
  readonly storageAccount: string;
  readonly keyVault: string;
  readonly containerRegistry: string;
  readonly applicationInsights: readonly string[];
  readonly computeCluster: string;
}

export function expectedNames(p: LabParameters): ExpectedNames | undefined {
  if (!hasNaming(p)) return undefined;
  const ns = p.namespace;
  const joined = `${p.postfix}${p.environment}`;
  const dashed = `${p.postfix}-${p.environment}`;
  const flat = `${ns}${p.postfix}${p.environment}`.replace(/-/g, '');
  return {
    resourceGroups: [`rg-${ns}-${joined}`, `rg-${ns}-${dashed}`],
    workspaces: [`mlw-${ns}-${joined}`, `mlw-${ns}-${dashed}`],
    storageAccount: `st${flat}`,
    keyVault: `kv-${ns}-${joined}`,
    containerRegistry: `cr${flat}`,
    applicationInsights: [`mlw-${ns}-${joined}`, `appi-${ns}-${joined}`, `appi-${ns}-${p.postfix}`],
    computeCluster: p.computeCluster ?? DEFAULT_COMPUTE_CLUSTER,
  };
}

/** Workspace ids to try, in order: the one found earlier, else each (resource group, workspace) naming variant. */
export function workspaceCandidates(p: LabParameters): readonly string[] {
  if (p.workspaceId !== undefined) return [p.workspaceId];
  const names = expectedNames(p);
  if (names === undefined) return [];
  return names.resourceGroups.map(
    (rg, i) => `/subscriptions/${p.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${names.workspaces[i] ?? ''}`,
  );
}

/**
 * Reads namespace, postfix and environment back from a workspace name the accelerator made
 * (`mlw-<namespace>-<postfix><environment>` or `mlw-<namespace>-<postfix>-<environment>`); undefined otherwise.
 */
export function namingFromWorkspaceName(name: string): { namespace: string; postfix: string; environment: string } | undefined {
  const m = /^mlw-([a-z][a-z0-9]*)-([0-9]{1,4})-?([a-z]{2,8})$/.exec(name.toLowerCase());
  if (m === null) return undefined;
  return { namespace: m[1] ?? '', postfix: m[2] ?? '', environment: m[3] ?? '' };
}
