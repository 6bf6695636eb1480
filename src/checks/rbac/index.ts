/** Shared RBAC helpers for the identity and privileged-access checks. */
export * from './built-in-roles';
export * from './roles';
export * from './scopes';
export * from './workspace-identity';
export * from './permissions';
