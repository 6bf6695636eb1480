/**
 * Role-name resolution: an assignment's `roleDefinitionId` → its GUID, its display name and, when known,
 * its definition (from the snapshot's `roleDefinitions`, else the built-in table).
 */
import type { Collected, RoleAssignment, RoleDefinition } from '../../azure/snapshot';
import { BUILT_IN_ROLE_NAMES } from './built-in-roles';

export interface ResolvedRole {
  /** Lower-case GUID, the last segment of the role definition id. */
  readonly guid: string;
  readonly name: string;
  /** The definition when the snapshot had it (custom roles are only known this way). */
  readonly definition: RoleDefinition | undefined;
}

/** The GUID of a role definition id (`/subscriptions/…/roleDefinitions/<guid>` or `/providers/…/<guid>`). */
export function roleGuid(roleDefinitionId: string): string {
  const last = roleDefinitionId.split('/').filter((s) => s !== '').pop() ?? roleDefinitionId;
  return last.toLowerCase();
}

/** Looks roles up by GUID; build once per evaluation. */
export class RoleCatalog {
  private readonly byGuid: ReadonlyMap<string, RoleDefinition>;

  constructor(definitions: readonly RoleDefinition[] = []) {
    this.byGuid = new Map(definitions.map((d) => [roleGuid(d.name !== '' ? d.name : d.id), d]));
  }

  resolve(roleDefinitionId: string): ResolvedRole {
    const guid = roleGuid(roleDefinitionId);
    const definition = this.byGuid.get(guid);
    const name = definition?.roleName ?? BUILT_IN_ROLE_NAMES[guid] ?? `role ${guid}`;
    return { guid, name, definition };
  }

  /** Role names of an assignment, for messages. */
  nameOf(assignment: RoleAssignment): string {
    return this.resolve(assignment.roleDefinitionId).name;
  }

  customRoles(): readonly RoleDefinition[] {
    return [...this.byGuid.values()].filter((d) => d.roleType.toLowerCase() === 'customrole');
  }
}

/** The catalog from the snapshot's role definitions, or the built-in table alone when they could not be read. */
export function roleCatalogOf(definitions: Collected<readonly RoleDefinition[]>): RoleCatalog {
  return new RoleCatalog(definitions.ok ? definitions.value : []);
}
