/**
 * The `az keyvault set-policy` that fixes one access policy, built from the permissions it holds. `set-policy`
 * replaces only the permission kinds it is given, so every kind holding All or Purge is passed in full; kinds
 * without them are left out and stay as they are.
 */
import type { KeyVaultAccessPolicy } from '../../azure/snapshot';

export type PermissionKind = 'keys' | 'secrets' | 'certificates';

/** Every access-policy permission of each kind (Key Vault REST API, AccessPolicyEntry.permissions), purge last. */
const EVERY_PERMISSION: Readonly<Record<PermissionKind, readonly string[]>> = {
  keys: ['get', 'list', 'update', 'create', 'import', 'delete', 'recover', 'backup', 'restore', 'decrypt', 'encrypt', 'unwrapKey', 'wrapKey', 'verify', 'sign', 'release', 'rotate', 'getrotationpolicy', 'setrotationpolicy', 'purge'],
  secrets: ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore', 'purge'],
  certificates: ['get', 'list', 'update', 'create', 'import', 'delete', 'recover', 'backup', 'restore', 'managecontacts', 'manageissuers', 'getissuers', 'listissuers', 'setissuers', 'deleteissuers', 'purge'],
};

const FLAG: Readonly<Record<PermissionKind, string>> = { keys: '--key-permissions', secrets: '--secret-permissions', certificates: '--certificate-permissions' };
const KINDS: readonly PermissionKind[] = ['keys', 'secrets', 'certificates'];

const isExcessive = (permission: string): boolean => ['all', 'purge'].includes(permission.toLowerCase());

/** `keys:all`, `secrets:purge`, …: what a policy holds that the check objects to. */
export function excessivePermissions(policy: KeyVaultAccessPolicy): string[] {
  return KINDS.flatMap((kind) => policy[kind].filter(isExcessive).map((p) => `${kind}:${p}`));
}

/**
 * The permissions a kind should keep. The workspace identity keeps everything but purge (Learn: Set up
 * authentication between Azure Machine Learning and other services); anyone else keeps what they hold without
 * All and Purge — and where All was all they held, the scan cannot know what they use, so the reader says.
 */
function kept(kind: PermissionKind, held: readonly string[], workspaceIdentity: boolean): string {
  if (workspaceIdentity) return EVERY_PERMISSION[kind].filter((p) => p !== 'purge').join(' ');
  const rest = held.filter((p) => !isExcessive(p));
  return rest.length > 0 ? rest.join(' ') : `<${kind.replace(/s$/, '')}-permissions-it-uses>`;
}

export function accessPolicyFix(policy: KeyVaultAccessPolicy, workspaceIdentity: boolean): string {
  const changed = KINDS.filter((kind) => policy[kind].some(isExcessive));
  const flags = changed.map((kind) => `${FLAG[kind]} ${kept(kind, policy[kind], workspaceIdentity)}`);
  return ['az keyvault set-policy -n <vault> -g <rg> --object-id <object-id>', ...flags].join(' ');
}
