/**
 * Which workspace does the user mean? A full resource id is parsed strictly (a malformed one gets a precise
 * reason); a bare name is looked up with Azure Resource Graph across the allowed scopes (or, with none
 * configured, every subscription the identity can see), which may find it once, several times (the caller asks
 * which) or not at all. The query itself is bounded by the scopes, so nothing outside them is ever listed.
 */
import type { ArmClients } from './clients';
import { isInGraphScope, type GraphScope } from './graph-scope';
import { JsonReader } from './parse/json-reader';
import { parseWorkspaceId, ResourceIdError } from '../shared/resource-id';
import type { Resolution, WorkspaceRef } from '../shared/workspace';

/** The target text cannot name a workspace (malformed id, impossible name). */
export class WorkspaceTargetError extends Error {
  override readonly name = 'WorkspaceTargetError';
}

export type ParsedTarget = { readonly kind: 'id'; readonly id: string } | { readonly kind: 'name'; readonly name: string };

// AML workspace names: 3–33 letters, digits, hyphens and underscores, starting with a letter or digit.
const WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{2,32}$/;
const WORKSPACE_TYPE = 'microsoft.machinelearningservices/workspaces';
const MAX_PAGES = 50;

/** Classifies and validates the target; throws WorkspaceTargetError with a reason a user can fix. */
export function parseWorkspaceTarget(target: string): ParsedTarget {
  const text = target.trim();
  if (text.startsWith('/')) {
    try {
      return { kind: 'id', id: parseWorkspaceId(text).id };
    } catch (error) {
      if (error instanceof ResourceIdError) throw new WorkspaceTargetError(`That workspace id is not valid: ${error.message}`);
      throw error;
    }
  }
  if (text.includes('/')) throw new WorkspaceTargetError('Give a workspace name, or its full resource id starting with "/subscriptions/".');
  if (!WORKSPACE_NAME.test(text)) {
    throw new WorkspaceTargetError('A workspace name has 3 to 33 letters, digits, hyphens or underscores, and starts with a letter or digit.');
  }
  return { kind: 'name', name: text };
}

export interface WorkspaceQueryOptions {
  readonly signal?: AbortSignal;
  /** Where to look (graph-scope.ts); undefined: every subscription the identity can see. */
  readonly scope?: GraphScope;
}

/**
 * Resolves a name or id through Resource Graph (ids too: it confirms the identity can see the workspace). The
 * caller decides first whether an id is inside the scopes; here a name is only ever looked for inside them.
 */
export async function resolveWorkspace(clients: ArmClients, target: string, options: WorkspaceQueryOptions = {}): Promise<Resolution> {
  const parsed = parseWorkspaceTarget(target);
  // Both values are validated above (no quotes can occur), so they are safe inside the KQL string literal.
  const filter = parsed.kind === 'id' ? `| where id =~ '${parsed.id}'` : `| where name =~ '${parsed.name}'`;
  const matches = await queryWorkspaces(clients, filter, options);
  if (matches.length === 1 && matches[0] !== undefined) return { kind: 'found', workspace: matches[0] };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches };
  const what = parsed.kind === 'id' ? `the workspace ${parsed.id}` : `a workspace named "${parsed.name}"`;
  const where = options.scope === undefined ? 'No subscription this identity can read' : 'None of the scopes this identity may scan';
  return { kind: 'not_found', message: `${where} has ${what}. Check the name, or grant the identity Reader on it.` };
}

/** Every AML workspace the identity can see (inside the scope, when given), by name. */
export function listWorkspaces(clients: ArmClients, options: WorkspaceQueryOptions = {}): Promise<WorkspaceRef[]> {
  return queryWorkspaces(clients, '', options);
}

async function queryWorkspaces(clients: ArmClients, filter: string, { signal, scope }: WorkspaceQueryOptions): Promise<WorkspaceRef[]> {
  if (scope !== undefined && scope.subscriptions.length === 0) return [];
  const query = `resources | where type =~ '${WORKSPACE_TYPE}' ${filter} ${scope?.filter ?? ''} | project id, name, resourceGroup, subscriptionId, location | order by name asc`;
  const refs: WorkspaceRef[] = [];
  let skipToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await clients.graph.resources(
      {
        query,
        ...(scope !== undefined ? { subscriptions: [...scope.subscriptions] } : {}),
        options: { resultFormat: 'objectArray', top: 1000, ...(skipToken !== undefined ? { skipToken } : {}) },
      },
      signal !== undefined ? { abortSignal: signal } : {},
    );
    const rows: unknown = response.data;
    if (Array.isArray(rows)) for (const row of rows) refs.push(toRef(JsonReader.of(row, 'A Resource Graph row')));
    skipToken = response.skipToken;
    if (skipToken === undefined || skipToken === '') break;
  }
  // The query is already bounded; this guards against a Resource Graph that ignored the filter.
  return refs.filter((ref) => isInGraphScope(ref.id, scope));
}

function toRef(row: JsonReader): WorkspaceRef {
  const id = row.need('id', 'A Resource Graph row');
  const parsed = parseWorkspaceId(id);
  return {
    id,
    name: row.str('name') ?? parsed.name,
    resourceGroup: parsed.resourceGroup,
    subscriptionId: row.str('subscriptionId') ?? parsed.subscriptionId,
    location: row.str('location') ?? '',
  };
}
