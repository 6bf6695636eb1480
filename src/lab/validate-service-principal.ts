/**
 * Exercise 3: the pipeline's service principal exists and holds Contributor (or Owner) at a scope that covers
 * the workspace's resource group — and a warning when that scope is the whole subscription, which is more
 * than the deployment needs.
 */
import type { RoleAssignment, RoleDefinition, WorkspaceSnapshot } from '../azure/snapshot';
import { isWithinScope, lastSegment } from '../shared/resource-id';
import { combine, item, readFailed, type LabValidationItem, type LabValidationResult } from './result';

/** Built-in role GUIDs: the same in every tenant. */
export const BUILT_IN_ROLES = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
} as const;

type DeployRole = 'Owner' | 'Contributor';

export function validateServicePrincipal(snapshot: WorkspaceSnapshot): LabValidationResult {
  if (!snapshot.workspace.ok) return combine({ missing: [], unread: [readFailed('the workspace', snapshot.workspace.error)], advice: [], ok: [] });
  const ws = snapshot.workspace.value;
  const assignments = snapshot.roleAssignments.workspace;
  if (!assignments.ok) return combine({ missing: [], unread: [readFailed('the role assignments on the workspace', assignments.error)], advice: [], ok: [] });

  const subscriptionScope = `/subscriptions/${ws.subscriptionId}`;
  const groupScope = `${subscriptionScope}/resourceGroups/${ws.resourceGroup}`;
  const definitions = snapshot.roleDefinitions.ok ? snapshot.roleDefinitions.value : [];
  // The workspace's own managed identities are service principals too, but not the pipeline's.
  const ownIdentities = new Set([ws.identity?.principalId, ...(ws.identity?.userAssigned ?? []).map((u) => u.principalId)].filter((p): p is string => p !== undefined).map((p) => p.toLowerCase()));

  const deploying = assignments.value
    .filter((a) => a.principalType?.toLowerCase() === 'serviceprincipal' && !ownIdentities.has(a.principalId.toLowerCase()))
    .map((a) => ({ assignment: a, role: deployRole(a, definitions) }))
    .filter((x): x is { assignment: RoleAssignment; role: DeployRole } => x.role !== undefined)
    // Only scopes that cover the whole resource group let the pipeline create the resources in it.
    .filter((x) => isWithinScope(groupScope, x.assignment.scope));

  if (deploying.length === 0) {
    return combine({
      missing: [
        item(
          false,
          `No service principal holds Contributor (or Owner) on resource group ${ws.resourceGroup} or on subscription ${ws.subscriptionId}.`,
          `Grant the lab's service principal Contributor on the resource group: az role assignment create --assignee <appId> --role Contributor --scope ${groupScope}`,
        ),
      ],
      unread: [],
      advice: [],
      ok: [],
    });
  }

  const ok: LabValidationItem[] = [];
  const advice: LabValidationItem[] = [];
  for (const { assignment, role } of deploying) {
    const who = `Service principal ${assignment.principalId}`;
    const onGroup = isWithinScope(assignment.scope, groupScope);
    if (onGroup && role === 'Contributor') {
      ok.push(item(true, `${who} holds Contributor on resource group ${ws.resourceGroup}: enough for the deployment.`));
      continue;
    }
    const where = onGroup ? `resource group ${ws.resourceGroup}` : sameScope(assignment.scope, subscriptionScope) ? `the whole subscription ${ws.subscriptionId}` : `scope ${assignment.scope} (above the subscription)`;
    ok.push(item(true, `${who} holds ${role} on ${where}.`));
    advice.push(
      item(
        false,
        `${role} on ${where} is more than the deployment needs: the pipeline only deploys into resource group ${ws.resourceGroup}${role === 'Owner' ? ', and Owner can also grant access to anyone' : ''}.`,
        `Narrower: az role assignment create --assignee ${assignment.principalId} --role Contributor --scope ${groupScope} ; then az role assignment delete --assignee ${assignment.principalId} --role ${role} --scope ${assignment.scope} . If a pipeline must assign roles, add "Role Based Access Control Administrator" on the resource group with a condition limiting the roles it may assign, or a custom role — not Owner.`,
      ),
    );
  }
  return combine({ missing: [], unread: [], advice, ok });
}

function deployRole(a: RoleAssignment, definitions: readonly RoleDefinition[]): DeployRole | undefined {
  const guid = lastSegment(a.roleDefinitionId).toLowerCase();
  if (guid === BUILT_IN_ROLES.contributor) return 'Contributor';
  if (guid === BUILT_IN_ROLES.owner) return 'Owner';
  const name = definitions.find((d) => d.name.toLowerCase() === guid)?.roleName;
  return name === 'Contributor' || name === 'Owner' ? name : undefined;
}

function sameScope(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\/+$/, '') === b.toLowerCase().replace(/\/+$/, '');
}
