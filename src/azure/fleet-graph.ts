/**
 * Fleet-wide reads from Azure Resource Graph: one query per table, every page followed, each page under the
 * fleet's global limiter. ARG answers a fleet's properties in a handful of requests (1000 rows a page) where ARM
 * would need one request per resource. ARG's own quota (about 15 queries per 5 s per user) is why the fleet
 * asks four tables, not one query per type or per subscription.
 */
import type { ArmClients } from './clients';
import type { GraphScope } from './graph-scope';
import type { Limiter } from './limiter';
import { JsonReader } from './parse/json-reader';

export type GraphTable = 'resources' | 'securityresources' | 'authorizationresources' | 'policyresources';

/** What a fleet scan asks ARG for, by table. */
export const FLEET_GRAPH_QUERIES: Readonly<Record<GraphTable, readonly string[]>> = {
  resources: [
    'microsoft.machinelearningservices/workspaces',
    'microsoft.machinelearningservices/workspaces/computes',
    'microsoft.machinelearningservices/workspaces/onlineendpoints',
    'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments',
    'microsoft.machinelearningservices/registries',
    'microsoft.storage/storageaccounts',
    'microsoft.keyvault/vaults',
    'microsoft.containerregistry/registries',
    'microsoft.insights/components',
  ],
  securityresources: ['microsoft.security/pricings', 'microsoft.security/assessments', 'microsoft.security/securityconnectors'],
  authorizationresources: ['microsoft.authorization/roleassignments', 'microsoft.authorization/roledefinitions'],
  policyresources: ['microsoft.authorization/policyassignments', 'microsoft.policyinsights/policystates'],
};

const ROWS_PER_PAGE = 1000;
const MAX_PAGES = 500;

export interface GraphQueryResult {
  readonly rows: JsonReader[];
  readonly pages: number;
}

/**
 * All rows of the table's fleet types inside the scope (every subscription the identity can see without one).
 * The scope's resource-group and resource filter applies to `resources` only: the other tables hold what a
 * workspace's own scan reads too — its subscription's Defender plans, the role and policy assignments inherited
 * from above, the assignments on linked resources wherever they live — so they are bounded by subscription.
 */
export async function queryGraphTable(clients: ArmClients, table: GraphTable, scope: GraphScope | undefined, limit: Limiter, signal: AbortSignal): Promise<GraphQueryResult> {
  if (scope !== undefined && scope.subscriptions.length === 0) return { rows: [], pages: 0 };
  const types = FLEET_GRAPH_QUERIES[table].map((t) => `'${t}'`).join(', ');
  const bound = table === 'resources' ? (scope?.filter ?? '') : '';
  // The type list is our own constant and the scope filter is built from parsed ids: nothing user-supplied reaches the query text.
  const query = `${table} | where type in~ (${types}) ${bound} | project id, name, type, kind, location, resourceGroup, subscriptionId, tags, identity, sku, properties`;
  const rows: JsonReader[] = [];
  let skipToken: string | undefined;
  let pages = 0;
  do {
    const token = skipToken;
    const response = await limit(() => {
      signal.throwIfAborted();
      return clients.graph.resources(
        {
          query,
          ...(scope !== undefined ? { subscriptions: [...scope.subscriptions] } : {}),
          options: { resultFormat: 'objectArray', top: ROWS_PER_PAGE, ...(token !== undefined ? { skipToken: token } : {}) },
        },
        { abortSignal: signal },
      );
    });
    pages += 1;
    const data: unknown = response.data;
    if (Array.isArray(data)) for (const row of data) rows.push(JsonReader.of(row, `A ${table} row`));
    skipToken = response.skipToken !== undefined && response.skipToken !== '' ? response.skipToken : undefined;
  } while (skipToken !== undefined && pages < MAX_PAGES);
  return { rows, pages };
}
