/**
 * What a role allows, in the terms the privileged-access checks need: can it take over a scope (grant any
 * access), or change every resource in it, or neither.
 */
import type { RoleDefinition } from '../../azure/snapshot';
import { BUILT_IN_ROLE_IDS, PRIVILEGED_ROLE_IDS, TAKEOVER_ROLE_IDS } from './built-in-roles';
import type { ResolvedRole } from './roles';

export type Privilege = 'takeover' | 'write-all';

const lower = (xs: readonly string[]): string[] => xs.map((x) => x.toLowerCase());

/** Actions that let a role grant access (and so grant itself anything). */
const AUTHORIZATION_WRITE = ['microsoft.authorization/*', 'microsoft.authorization/*/write', 'microsoft.authorization/roleassignments/write', 'microsoft.authorization/roleassignments/*'];

/** The wildcard or authorization-write actions of a role, minus those its notActions take back. */
export function broadActions(definition: RoleDefinition): readonly string[] {
  const denied = new Set(lower(definition.notActions));
  return definition.actions.filter((a) => {
    const action = a.toLowerCase();
    return (action === '*' || action === '*/write' || AUTHORIZATION_WRITE.includes(action)) && !denied.has(action);
  });
}

/** Judges a custom role by its actions: a bare wildcard or a wildcard write, without excluding authorization writes, is owner-equivalent. */
export function customPrivilege(definition: RoleDefinition): Privilege | undefined {
  const actions = lower(broadActions(definition));
  if (actions.length === 0) return undefined;
  const denied = lower(definition.notActions);
  const authorizationExcluded = denied.some((a) => AUTHORIZATION_WRITE.includes(a));
  if (actions.some((a) => AUTHORIZATION_WRITE.includes(a))) return 'takeover';
  return authorizationExcluded ? 'write-all' : 'takeover';
}

export function privilegeOf(role: ResolvedRole): Privilege | undefined {
  if (TAKEOVER_ROLE_IDS.has(role.guid)) return 'takeover';
  if (role.guid === BUILT_IN_ROLE_IDS.contributor) return 'write-all';
  if (role.definition !== undefined && role.definition.roleType.toLowerCase() === 'customrole') return customPrivilege(role.definition);
  return PRIVILEGED_ROLE_IDS.has(role.guid) ? 'write-all' : undefined;
}

/** True when the role is neither built-in (known GUID) nor described by the snapshot's definitions. */
export function isUnresolved(role: ResolvedRole): boolean {
  return role.definition === undefined && role.name.startsWith('role ');
}
