/**
 * Which resources "belong" to a workspace, so that subscription- or resource-group-wide reads
 * (Defender assessments, policy states) are narrowed to the workspace and the resources it links.
 */
import type { Workspace } from '../../azure/snapshot';
import { isWithinScope } from '../../shared/resource-id';

/** `/subscriptions/<id>` of a workspace id; the id itself when it has no subscription segment. */
export function subscriptionScope(workspaceId: string): string {
  const match = /^\/subscriptions\/([^/]+)/i.exec(workspaceId);
  return match?.[1] !== undefined ? `/subscriptions/${match[1]}` : workspaceId;
}

/** The storage account, key vault, registry and Application Insights the workspace names. */
export function linkedResourceIds(workspace: Workspace): readonly string[] {
  return [workspace.storageAccountId, workspace.keyVaultId, workspace.containerRegistryId, workspace.applicationInsightsId].filter(
    (id): id is string => id !== undefined && id !== '',
  );
}

/** True for the workspace, anything below it (computes, endpoints), and its linked resources and their children. */
export function belongsToWorkspace(resourceId: string, workspace: Workspace): boolean {
  return [workspace.id, ...linkedResourceIds(workspace)].some((scope) => isWithinScope(resourceId, scope));
}
