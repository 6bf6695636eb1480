/**
 * An Azure Resource Manager stand-in for entry-point tests: a small HTTPS server on loopback that serves the
 * OFFICIAL example response bodies of Azure/azure-rest-api-specs (copied to test/fixtures/arm-examples with
 * their repository paths) at their real REST paths, for the api-versions the product pins, and records every
 * request (method, path, query, body) so that a test can prove what was — and was not — read.
 *
 * It is deliberately not the sample environment (src/sample): those bodies are ours; these are the contract.
 * A request for an api-version other than the pinned one gets ARM's 400 `InvalidApiVersionParameter`, and a path
 * no example covers gets ARM's 404, so a drifted read shows up as an error finding, not as silence.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import type { JsonObject } from '../../src/sample/json';
import { exampleBody, EXAMPLES, text } from './arm-example';

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path, as sent (case kept). */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body of a POST (Resource Graph queries, policy states). */
  readonly body: unknown;
  /** False when no route answered it (404 or wrong api-version). */
  readonly served: boolean;
  /** The Authorization header the client sent. */
  readonly authorization: string | undefined;
}

/** An answer a test imposes on matching requests instead of the example. */
export interface Fault {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** How many requests it answers before the route serves normally again (default: all). */
  readonly times?: number;
  /** Only requests for this api-version (default: any). */
  readonly apiVersion?: string;
  /** Wait this long before answering (a slow ARM; the status is still sent, if the client is still there). */
  readonly delayMs?: number;
}

export type GraphTable = 'resources' | 'securityresources' | 'authorizationresources' | 'policyresources';
export type GraphRow = Readonly<Record<string, unknown>>;

export interface ArmStandIn {
  /** https://127.0.0.1:<port> */
  readonly endpoint: string;
  /** The PEM file of the CA that signed the server's certificate (NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
  readonly caPem: string;
  readonly requests: readonly RecordedRequest[];
  /** Answers requests whose path matches (case-insensitive) with the fault, first-added first. */
  fault(path: RegExp, fault: Fault): void;
  /** Rows Resource Graph holds, by table (the workspace example is in `resources` from the start). */
  addGraphRows(table: GraphTable, rows: readonly GraphRow[]): void;
  /** Forgets recorded requests, faults and added rows. */
  reset(): void;
  close(): Promise<void>;
}

const ML = 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable';
/** The example files served, by their repository path (below test/fixtures/arm-examples). */
export const EXAMPLE_FILES = {
  ...EXAMPLES,
  computes: `${ML}/2025-09-01/examples/Compute/list.json`,
  onlineEndpoints: `${ML}/2025-09-01/examples/Workspace/OnlineEndpoint/list.json`,
  connections: `${ML}/2025-09-01/examples/WorkspaceConnection/list.json`,
  outboundRules: `${ML}/2025-09-01/examples/ManagedNetwork/listRule.json`,
  registries: `${ML}/2025-09-01/examples/Registries/list.json`,
  deployments: `${ML}/2022-10-01/examples/OnlineDeployment/list.json`,
  datastores: `${ML}/2022-10-01/examples/Datastore/list.json`,
  keys: 'specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2026-02-01/examples/listKeys.json',
  appInsights: 'specification/applicationinsights/resource-manager/Microsoft.Insights/ApplicationInsights/stable/2020-02-02/examples/ComponentsGet.json',
  diagnostics: 'specification/monitor/resource-manager/Microsoft.Insights/Insights/preview/2021-05-01-preview/examples/listDiagnosticSettings.json',
  roleAssignments: 'specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/examples/RoleAssignments_ListForScope.json',
  roleDefinitions: 'specification/authorization/resource-manager/Microsoft.Authorization/Authorization/stable/2022-04-01/examples/GetRoleDefinitionAtScope.json',
  securityConnectors: 'specification/security/resource-manager/Microsoft.Security/Security/preview/2023-10-01-preview/examples/SecurityConnectors/GetSecurityConnectorsSubscription_example.json',
  policyAssignments: 'specification/resources/resource-manager/Microsoft.Authorization/policy/stable/2023-04-01/examples/listPolicyAssignmentsForResource.json',
  policyStates: 'specification/policyinsights/resource-manager/Microsoft.PolicyInsights/PolicyInsights/stable/2019-10-01/examples/PolicyStates_QueryResourceGroupScopeNextLink.json',
  systemTopics: 'specification/eventgrid/resource-manager/Microsoft.EventGrid/stable/2022-06-15/examples/SystemTopics_ListBySubscription.json',
  systemTopicEventSubscription: 'specification/eventgrid/resource-manager/Microsoft.EventGrid/stable/2022-06-15/examples/SystemTopicEventSubscriptions_Get.json',
  queue: 'specification/storage/resource-manager/Microsoft.Storage/stable/2023-01-01/examples/QueueOperationGet.json',
} as const;

/** The workspace of the official `Workspaces_Get` example: the one workspace this ARM has. */
export const EXAMPLE_WORKSPACE: JsonObject = exampleBody(EXAMPLE_FILES.workspace);
export const EXAMPLE_WORKSPACE_ID = text(EXAMPLE_WORKSPACE, 'id');
export const EXAMPLE_SUBSCRIPTION = EXAMPLE_WORKSPACE_ID.split('/')[2] ?? '';

/**
 * The example list bodies carry placeholder next links ("string", "nextLink") that no client could follow; the
 * stand-in serves each list as one complete page, as ARM does when there is no more to read.
 */
function onePage(file: string): () => JsonObject {
  return () => {
    const { nextLink: _nextLink, '@odata.nextLink': _odata, ...rest } = exampleBody(file);
    return rest;
  };
}

/** A single-resource example served as a one-item list, where the spec's list operation has no example of its own. */
function listOf(file: string): () => JsonObject {
  return () => ({ value: [exampleBody(file)] });
}

interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  readonly apiVersion: string;
  readonly body: () => unknown;
}

const ID = '[^/]+';
const RG = `/subscriptions/${ID}/resourcegroups/${ID}`;
const WS = `${RG}/providers/microsoft\\.machinelearningservices/workspaces/${ID}`;
const ANY_SCOPE = '/subscriptions/.+';
const route = (method: Route['method'], pattern: string, apiVersion: string, body: () => unknown): Route => ({ method, path: new RegExp(`^${pattern}$`, 'i'), apiVersion, body });
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ROUTES: readonly Route[] = [
  route('GET', escape(EXAMPLE_WORKSPACE_ID), '2025-09-01', () => EXAMPLE_WORKSPACE),
  // The second workspace read (networkAcls, softDeleteRetentionInDays) has no stored example at 2025-07-01-preview;
  // the stable example is served, a body the preview spec's Workspace schema also describes (without those two).
  route('GET', escape(EXAMPLE_WORKSPACE_ID), '2025-07-01-preview', () => EXAMPLE_WORKSPACE),
  route('GET', `${WS}/computes`, '2025-09-01', onePage(EXAMPLE_FILES.computes)),
  route('GET', `${WS}/onlineendpoints`, '2025-09-01', onePage(EXAMPLE_FILES.onlineEndpoints)),
  route('GET', `${WS}/onlineendpoints/${ID}/deployments`, '2022-10-01', onePage(EXAMPLE_FILES.deployments)),
  route('GET', `${WS}/datastores`, '2022-10-01', onePage(EXAMPLE_FILES.datastores)),
  route('GET', `${WS}/connections`, '2025-09-01', onePage(EXAMPLE_FILES.connections)),
  route('GET', `${WS}/outboundrules`, '2025-09-01', onePage(EXAMPLE_FILES.outboundRules)),
  // Registries_ListBySubscription has no stored example; its page schema is Registries_List's, whose example is served.
  route('GET', `/subscriptions/${ID}/providers/microsoft\\.machinelearningservices/registries`, '2025-09-01', onePage(EXAMPLE_FILES.registries)),
  route('GET', `${RG}/providers/microsoft\\.storage/storageaccounts/${ID}`, '2026-06-01', () => exampleBody(EXAMPLE_FILES.storageAccount)),
  // Blob service properties (BlobServices_GetServiceProperties) have no example at 2026-06-01: this body is built
  // from the spec's BlobServiceProperties schema (openapi.json, not stored: see arm-specs/README.md).
  route('GET', `${RG}/providers/microsoft\\.storage/storageaccounts/${ID}/blobservices/default`, '2026-06-01', () => ({
    id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/res9407/providers/Microsoft.Storage/storageAccounts/sto8596/blobServices/default',
    name: 'default',
    type: 'Microsoft.Storage/storageAccounts/blobServices',
    properties: { deleteRetentionPolicy: { enabled: true, days: 7 }, containerDeleteRetentionPolicy: { enabled: true, days: 7 }, isVersioningEnabled: true },
  })),
  route('GET', `${RG}/providers/microsoft\\.keyvault/vaults/${ID}`, '2026-02-01', () => exampleBody(EXAMPLE_FILES.vault)),
  // Keys_Get has no example at 2026-02-01; its Key schema is the item of Keys_List, so the first key of the
  // official listKeys example is served.
  route('GET', `${RG}/providers/microsoft\\.keyvault/vaults/${ID}/keys/${ID}`, '2026-02-01', () => {
    const keys = exampleBody(EXAMPLE_FILES.keys).value;
    return Array.isArray(keys) ? keys[0] : undefined;
  }),
  route('GET', `${RG}/providers/microsoft\\.containerregistry/registries/${ID}`, '2023-11-01-preview', () => exampleBody(EXAMPLE_FILES.containerRegistry)),
  route('GET', `${RG}/providers/microsoft\\.insights/components/${ID}`, '2020-02-02', () => exampleBody(EXAMPLE_FILES.appInsights)),
  route('GET', `${ANY_SCOPE}/providers/microsoft\\.insights/diagnosticsettings`, '2021-05-01-preview', onePage(EXAMPLE_FILES.diagnostics)),
  route('GET', `${ANY_SCOPE}/providers/microsoft\\.authorization/roleassignments`, '2022-04-01', onePage(EXAMPLE_FILES.roleAssignments)),
  route('GET', `/subscriptions/${ID}/providers/microsoft\\.authorization/roledefinitions`, '2022-04-01', onePage(EXAMPLE_FILES.roleDefinitions)),
  route('GET', `/subscriptions/${ID}/providers/microsoft\\.security/pricings`, '2024-01-01', onePage(EXAMPLE_FILES.pricings)),
  route('GET', `/subscriptions/${ID}/providers/microsoft\\.security/securityconnectors`, '2023-10-01-preview', onePage(EXAMPLE_FILES.securityConnectors)),
  // Assessments_List has no stored example; its items are SecurityAssessmentResponse, the body of Assessments_Get.
  route('GET', `${ANY_SCOPE}/providers/microsoft\\.security/assessments`, '2021-06-01', listOf(EXAMPLE_FILES.assessment)),
  route('GET', `${ANY_SCOPE}/providers/microsoft\\.authorization/policyassignments`, '2023-04-01', onePage(EXAMPLE_FILES.policyAssignments)),
  route('POST', `${RG}/providers/microsoft\\.policyinsights/policystates/latest/queryresults`, '2019-10-01', onePage(EXAMPLE_FILES.policyStates)),
  // guardian events: the subscription's system topics, a topic's event subscriptions (no list example: the Get
  // example as a one-item list) and a storage queue.
  route('GET', `/subscriptions/${ID}/providers/microsoft\\.eventgrid/systemtopics`, '2022-06-15', onePage(EXAMPLE_FILES.systemTopics)),
  route('GET', `${RG}/providers/microsoft\\.eventgrid/systemtopics/${ID}/eventsubscriptions`, '2022-06-15', listOf(EXAMPLE_FILES.systemTopicEventSubscription)),
  route('GET', `${RG}/providers/microsoft\\.storage/storageaccounts/${ID}/queueservices/default/queues/${ID}`, '2023-01-01', () => exampleBody(EXAMPLE_FILES.queue)),
];

const GRAPH_PATH = /^\/providers\/microsoft\.resourcegraph\/resources$/i;
const GRAPH_API_VERSION = '2024-04-01';

/** A resource as Resource Graph returns it: the ARM body plus the lower-case type and its place (ResourcesBasicQuery). */
export function graphRowOf(resource: Readonly<Record<string, unknown>>): GraphRow {
  const id = String(resource.id);
  const [, , subscriptionId = '', , resourceGroup = ''] = id.split('/');
  return { ...resource, type: String(resource.type).toLowerCase(), subscriptionId, resourceGroup: resourceGroup.toLowerCase() };
}

export async function startArmStandIn(): Promise<ArmStandIn> {
  const { caPem, key, cert } = await certificates();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-arm-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, caPem);

  const requests: RecordedRequest[] = [];
  let faults: { path: RegExp; fault: Fault; left: number }[] = [];
  let graph: Record<GraphTable, GraphRow[]> = freshGraph();

  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const requestPath = decodeURIComponent(url.pathname);
      const query = Object.fromEntries(url.searchParams.entries());
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      const method = req.method ?? 'GET';
      const send = (status: number, payload: unknown, headers: Readonly<Record<string, string>> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-ms-request-id': `stand-in-${requests.length}`, ...headers });
        res.end(payload === undefined ? '' : JSON.stringify(payload));
      };
      const fault = faults.find((f) => f.left > 0 && f.path.test(requestPath) && (f.fault.apiVersion === undefined || f.fault.apiVersion === query['api-version']));
      const answer = (): { status: number; payload: unknown } => {
        if (GRAPH_PATH.test(requestPath) && method === 'POST') {
          if (query['api-version'] !== GRAPH_API_VERSION) return invalidApiVersion(query['api-version']);
          return { status: 200, payload: queryGraph(graph, body) };
        }
        const candidates = ROUTES.filter((r) => r.method === method && r.path.test(requestPath));
        const hit = candidates.find((r) => r.apiVersion === query['api-version']);
        if (hit !== undefined) return { status: 200, payload: hit.body() };
        if (candidates.length > 0) return invalidApiVersion(query['api-version']);
        return { status: 404, payload: { error: { code: 'ResourceNotFound', message: `The Resource '${requestPath}' was not found.` } } };
      };
      const normal = answer();
      requests.push({ method, path: requestPath, query, body, served: normal.status === 200, authorization: req.headers.authorization });
      if (fault === undefined) return send(normal.status, normal.payload);
      fault.left -= 1;
      const reply = (): void => send(fault.fault.status, fault.fault.body ?? armError(fault.fault.status), fault.fault.headers);
      if (fault.fault.delayMs === undefined) return reply();
      setTimeout(() => {
        if (!res.destroyed) reply();
      }, fault.fault.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `https://127.0.0.1:${port}`,
    caFile,
    caPem,
    requests,
    fault: (p, fault) => faults.push({ path: new RegExp(p.source, 'i'), fault, left: fault.times ?? Number.POSITIVE_INFINITY }),
    addGraphRows: (table, rows) => graph[table].push(...rows),
    reset: () => {
      requests.length = 0;
      faults = [];
      graph = freshGraph();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freshGraph(): Record<GraphTable, GraphRow[]> {
  return { resources: [graphRowOf(EXAMPLE_WORKSPACE)], securityresources: [], authorizationresources: [], policyresources: [] };
}

function invalidApiVersion(version: string | undefined): { status: number; payload: unknown } {
  return { status: 400, payload: { error: { code: 'InvalidApiVersionParameter', message: `The api-version '${version ?? ''}' is invalid for this path.` } } };
}

/** ARM's error body for a status, with the codes ARM uses. */
function armError(status: number): unknown {
  const code: Record<number, string> = { 401: 'InvalidAuthenticationToken', 403: 'AuthorizationFailed', 404: 'ResourceNotFound', 429: 'TooManyRequests', 500: 'InternalServerError', 503: 'ServiceUnavailable' };
  return { error: { code: code[status] ?? 'Error', message: `Stand-in answer ${status}.` } };
}

/**
 * Enough of Resource Graph for the product's queries: the table, `type =~`/`type in~`, `name =~` and `id =~`
 * filters and the request's `subscriptions` (none: every subscription). Anything else in the query is not
 * evaluated; tests read the recorded query text to check it.
 */
function queryGraph(graph: Record<GraphTable, GraphRow[]>, body: unknown): unknown {
  const request = (typeof body === 'object' && body !== null ? body : {}) as { query?: unknown; subscriptions?: unknown };
  const query = typeof request.query === 'string' ? request.query : '';
  const table = (/^\s*(\w+)/.exec(query)?.[1] ?? '').toLowerCase() as GraphTable;
  const subscriptions = Array.isArray(request.subscriptions) ? request.subscriptions.map((s) => String(s).toLowerCase()) : [];
  const types = typeFilter(query);
  const name = /\bname\s*=~\s*'([^']*)'/i.exec(query)?.[1]?.toLowerCase();
  const id = /(?:^|[\s(|])id\s*=~\s*'([^']*)'/i.exec(query)?.[1]?.toLowerCase();
  const rows = (graph[table] ?? []).filter(
    (row) =>
      (types === undefined || types.has(String(row.type).toLowerCase())) &&
      (name === undefined || String(row.name).toLowerCase() === name) &&
      (id === undefined || String(row.id).toLowerCase() === id) &&
      (subscriptions.length === 0 || subscriptions.includes(String(row.subscriptionId).toLowerCase())),
  );
  return { totalRecords: rows.length, count: rows.length, resultTruncated: 'false', facets: [], data: rows };
}

function typeFilter(query: string): Set<string> | undefined {
  const single = /\btype\s*=~\s*'([^']*)'/i.exec(query);
  if (single !== null) return new Set([(single[1] ?? '').toLowerCase()]);
  const list = /\btype\s+in~\s*\(([^)]*)\)/i.exec(query);
  if (list === null) return undefined;
  return new Set([...(list[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => (m[1] ?? '').toLowerCase()));
}

/** A CA made for this run, and a certificate it signed for 127.0.0.1. */
async function certificates(): Promise<{ caPem: string; key: string; cert: string }> {
  const notAfterDate = new Date(Date.now() + 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'Baseline Guardian test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { caPem: ca.cert, key: leaf.private, cert: leaf.cert };
}
