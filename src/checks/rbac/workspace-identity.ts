/**
 * The principals the workspace acts as: its system-assigned identity and its user-assigned identities.
 */
import type { Workspace } from '../../azure/snapshot';

export interface WorkspacePrincipal {
  readonly principalId: string;
  /** "system-assigned identity" or the user-assigned identity's name. */
  readonly label: string;
  readonly primary: boolean;
}

export function workspacePrincipals(workspace: Workspace): readonly WorkspacePrincipal[] {
  const identity = workspace.identity;
  if (identity === undefined) return [];
  const result: WorkspacePrincipal[] = [];
  const hasUserAssigned = identity.userAssigned.length > 0;
  if (identity.principalId !== undefined && identity.principalId !== '') {
    // The system identity is the one AML uses unless a primary user-assigned identity is set.
    result.push({ principalId: identity.principalId.toLowerCase(), label: 'system-assigned identity', primary: workspace.primaryUserAssignedIdentity === undefined || !hasUserAssigned });
  }
  for (const uami of identity.userAssigned) {
    if (uami.principalId === undefined || uami.principalId === '') continue;
    const primary = workspace.primaryUserAssignedIdentity !== undefined && workspace.primaryUserAssignedIdentity.toLowerCase() === uami.resourceId.toLowerCase();
    result.push({ principalId: uami.principalId.toLowerCase(), label: `user-assigned identity ${uami.resourceId.split('/').pop() ?? uami.resourceId}`, primary });
  }
  return result;
}

/** The identity AML uses to reach its storage, vault and registry: the primary UAMI, else the system identity. */
export function primaryWorkspacePrincipal(workspace: Workspace): WorkspacePrincipal | undefined {
  const all = workspacePrincipals(workspace);
  return all.find((p) => p.primary) ?? all[0];
}

export function isWorkspacePrincipal(workspace: Workspace, principalId: string): boolean {
  const id = principalId.toLowerCase();
  return workspacePrincipals(workspace).some((p) => p.principalId === id);
}
