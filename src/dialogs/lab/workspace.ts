/** The learner's workspace, named or found: what a name may look like and the parameters a found one gives. */
import { namingFromWorkspaceName } from '../../lab/naming';
import type { LabParameters } from '../../lab/parameters';
import type { WorkspaceRef } from '../../shared/workspace';

/** A resource id, or a name as Azure allows it for a workspace. */
export const WORKSPACE_TARGET = /^(\/subscriptions\/\S+|[A-Za-z0-9][A-Za-z0-9_.-]{2,62})$/;

/** The lab parameters of a found workspace; a compute cluster the learner named is kept. */
export function paramsFromWorkspace(ref: WorkspaceRef, known: LabParameters | undefined): LabParameters {
  const naming = namingFromWorkspaceName(ref.name);
  return {
    subscriptionId: ref.subscriptionId.toLowerCase(),
    location: ref.location,
    workspaceId: ref.id,
    ...(naming !== undefined ? naming : {}),
    ...(known?.computeCluster !== undefined ? { computeCluster: known.computeCluster } : {}),
  };
}
