/**
 * Reading policy assignments: which definition or initiative an assignment points at, whether it reaches the
 * workspace, whether it is enforced, and its parameter values.
 */
import type { PolicyAssignment } from '../../azure/snapshot';
import { isWithinScope, lastSegment } from '../../shared/resource-id';

/**
 * The Microsoft cloud security benchmark initiative (formerly Azure Security Benchmark), the default
 * Defender for Cloud policy set. Source: Azure/azure-policy `policySetDefinitions/Security Center/AzureSecurityCenter.json`.
 */
export const MCSB_INITIATIVE_GUID = '1f3afdf9-d0c9-4c3d-847f-89da613e70a8';

/** The GUID (last segment, lower-case) of a policy definition or policy set id. */
export function definitionGuid(policyDefinitionId: string): string {
  return lastSegment(policyDefinitionId).toLowerCase();
}

export function isInitiative(policyDefinitionId: string): boolean {
  return /\/policysetdefinitions\//i.test(policyDefinitionId);
}

/** Assignments of one built-in definition (not of an initiative that may contain it). */
export function assignmentsOfDefinition(assignments: readonly PolicyAssignment[], guid: string): readonly PolicyAssignment[] {
  return assignments.filter((a) => !isInitiative(a.policyDefinitionId) && definitionGuid(a.policyDefinitionId) === guid.toLowerCase());
}

/** Assignments of one initiative (policy set). */
export function assignmentsOfInitiative(assignments: readonly PolicyAssignment[], guid: string): readonly PolicyAssignment[] {
  return assignments.filter((a) => isInitiative(a.policyDefinitionId) && definitionGuid(a.policyDefinitionId) === guid.toLowerCase());
}

/**
 * The `notScopes` entry that excludes `resourceId` — the resource itself or a scope above it (its resource group,
 * its subscription) — or undefined. Azure Policy does not evaluate resources in an excluded scope, so an
 * assignment read at the workspace does not govern it when one of its notScopes contains it.
 */
export function exclusionOf(assignment: PolicyAssignment, resourceId: string): string | undefined {
  return assignment.notScopes.find((notScope) => isWithinScope(resourceId, notScope));
}

/** The assignments whose notScopes leave `resourceId` in scope. */
export function applyingTo(assignments: readonly PolicyAssignment[], resourceId: string): readonly PolicyAssignment[] {
  return assignments.filter((a) => exclusionOf(a, resourceId) === undefined);
}

/** A sentence per assignment whose notScopes exclude the workspace, each led by a space; '' when none does. */
export function exclusionNotes(assignments: readonly PolicyAssignment[], workspaceId: string): string {
  return assignments
    .map((assignment) => {
      const notScope = exclusionOf(assignment, workspaceId);
      return notScope === undefined ? '' : ` ${assignmentLabel(assignment)} is assigned but its notScopes exclude the workspace (${notScope}).`;
    })
    .join('');
}

/** ARM's default enforcement mode is `Default` (enforced); only `DoNotEnforce` switches effects off. */
export function isEnforced(assignment: PolicyAssignment): boolean {
  return assignment.enforcementMode === undefined || assignment.enforcementMode.toLowerCase() === 'default';
}

/** A parameter value, whether the collector flattened it or kept ARM's `{ value }` wrapper. */
export function parameterValue(assignment: PolicyAssignment, name: string): unknown {
  const key = Object.keys(assignment.parameters).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) return undefined;
  const raw = assignment.parameters[key];
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) return raw.value;
  return raw;
}

/** How to name an assignment to people. */
export function assignmentLabel(assignment: PolicyAssignment): string {
  return assignment.displayName !== undefined && assignment.displayName !== '' ? `"${assignment.displayName}" (${assignment.name})` : assignment.name;
}
