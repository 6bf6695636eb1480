/**
 * Where a role assignment's scope sits relative to the workspace. Assignments listed for the workspace
 * include the ones inherited from its subscription and resource group; `scope` tells them apart.
 */
export type ScopeLevel = 'root' | 'management-group' | 'subscription' | 'resource-group' | 'resource';

const normalise = (scope: string): string => scope.replace(/\/+$/, '').toLowerCase();

export function scopeLevel(scope: string): ScopeLevel {
  const parts = normalise(scope).split('/').filter((s) => s !== '');
  if (parts.length === 0) return 'root';
  if (parts[0] === 'providers' && parts[1] === 'microsoft.management') return 'management-group';
  if (parts[0] === 'subscriptions' && parts.length === 2) return 'subscription';
  if (parts[0] === 'subscriptions' && parts[2] === 'resourcegroups' && parts.length === 4) return 'resource-group';
  return 'resource';
}

/** Subscription, management group or tenant root: scopes far wider than one workspace. */
export function isBroadScope(scope: string): boolean {
  const level = scopeLevel(scope);
  return level === 'root' || level === 'management-group' || level === 'subscription';
}

/** Words for a scope in messages: "subscription /subscriptions/…", "resource group rg", "workspace". */
export function describeScope(scope: string, workspaceId?: string): string {
  if (workspaceId !== undefined && normalise(scope) === normalise(workspaceId)) return 'the workspace';
  switch (scopeLevel(scope)) {
    case 'root':
      return 'the tenant root';
    case 'management-group':
      return `management group ${scope.split('/').pop() ?? scope}`;
    case 'subscription':
      return `subscription ${scope.split('/')[2] ?? scope}`;
    case 'resource-group':
      return `resource group ${scope.split('/')[4] ?? scope}`;
    case 'resource':
      return `resource ${scope.split('/').pop() ?? scope}`;
  }
}

export function sameScope(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}
