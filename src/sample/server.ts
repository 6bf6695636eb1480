/**
 * The sample ARM server: a local HTTPS server that answers the Azure Resource Manager reads the collectors make,
 * at their real REST paths, from a ResourceStore. The real SDK clients talk to it with `endpoint` set to
 * `https://localhost:PORT` and the throwaway certificate trusted per client (`tlsOptions.ca`).
 *
 * Built on node built-ins and `selfsigned` only: it is shared by tests, the CLI's `--sample` and the bot's
 * sample mode, and must never need Azure.
 */
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generate } from 'selfsigned';
import { DEFAULT_SAMPLE_CALLER, SampleActivityLog, type SampleCaller } from './activity-log';
import { seedSampleWorkspaces } from './data';
import { FaultInjector, type FaultRule } from './faults';
import { isJsonObject, type Json, type JsonObject } from './json';
import { normalizePath, pathKey, splitUrl } from './paths';
import { runFleetGraphQuery } from './fleet-graph';
import { ThrottleFault, type ThrottleSettings } from './fleet-throttle';
import { parseGraphRequest, runGraphQuery } from './resource-graph';
import { ResourceStore } from './resource-store';
import { listeningAddress } from '../shared/listening-address';

export interface LoggedRequest {
  readonly method: string;
  /** Normalised path (repeated slashes collapsed), original case. */
  readonly path: string;
  readonly apiVersion: string | undefined;
  /** The page asked for (`$skipToken`), so that pages of one list are not mistaken for repeated reads. */
  readonly skipToken: string | undefined;
  readonly status: number;
}

export interface SampleArmOptions {
  /** Items per page of a list before `nextLink` is used (default 4, so that role assignments page). */
  readonly pageSize?: number;
  /** Fills the store; the default loads the two sample workspaces. */
  readonly seed?: (store: ResourceStore) => void;
  readonly latencyMs?: number;
  /** Rows per Resource Graph page (default: `pageSize`). Real ARG pages by up to 1000 rows. */
  readonly graphPageSize?: number;
  /** Answer a share of all requests with 429 + Retry-After (fleet throttling runs). */
  readonly throttle?: ThrottleSettings;
  /** Sees every JSON response with the request it answers (contract tests validate the bodies). */
  readonly onResponse?: (exchange: SampleExchange) => void;
}

export interface SampleExchange {
  readonly method: string;
  readonly path: string;
  readonly apiVersion: string | undefined;
  readonly status: number;
  readonly body: Json;
}

export interface SampleArm {
  /** `https://localhost:PORT` */
  readonly endpoint: string;
  /** PEM of the server's self-signed certificate, for `tlsOptions.ca`. */
  readonly ca: string;
  readonly requests: readonly LoggedRequest[];
  readonly requestCount: number;
  readonly store: ResourceStore;
  resetLog(): void;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  setPageSize(size: number): void;
  /** Throttles a share of all requests from now on (429 + Retry-After); `undefined` stops it. */
  setThrottle(settings: ThrottleSettings | undefined): void;
  /** Stores (replaces) a resource body at its ARM path. */
  setResource(path: string, body: JsonObject): void;
  /** Deep-merges into the resource's `properties`. */
  patch(path: string, partialProperties: JsonObject): void;
  /** Removes the resource and everything below it. */
  deleteResource(path: string): void;
  getResource(path: string): JsonObject | undefined;
  /** A recorded change: deep-merges into `properties` and adds a write to the Activity Log. */
  write(path: string, partialProperties: JsonObject, caller?: SampleCaller): void;
  /** A recorded change: replaces the body and adds a write to the Activity Log. */
  replace(path: string, body: JsonObject, caller?: SampleCaller): void;
  /** The Activity Log the writes are recorded in. */
  readonly activityLog: SampleActivityLog;
  close(): Promise<void>;
}

const GRAPH_PATH = '/providers/microsoft.resourcegraph/resources';
const POLICY_STATES_QUERY = '/providers/microsoft.policyinsights/policystates/latest/queryresults';
const ACTIVITY_LOG = /^\/subscriptions\/([^/]+)\/providers\/microsoft\.insights\/eventtypes\/management\/values$/;
const MAX_BODY_BYTES = 1024 * 1024;

export async function startSampleArm(options: SampleArmOptions = {}): Promise<SampleArm> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });

  const store = new ResourceStore();
  if (options.seed !== undefined) options.seed(store);
  else seedSampleWorkspaces(store);

  const activityLog = new SampleActivityLog();
  const write = (path: string, partialProperties: JsonObject, caller: SampleCaller = DEFAULT_SAMPLE_CALLER): void => {
    store.patch(path, partialProperties);
    activityLog.record(normalizePath(path), 'write', caller);
  };
  const replace = (path: string, body: JsonObject, caller: SampleCaller = DEFAULT_SAMPLE_CALLER): void => {
    store.set(path, { id: normalizePath(path), ...body });
    activityLog.record(normalizePath(path), 'write', caller);
  };

  const faults = new FaultInjector();
  const log: LoggedRequest[] = [];
  const pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let latencyMs = options.latencyMs ?? 0;
  let pageSize = options.pageSize ?? 4;
  const graphPageSize = options.graphPageSize;
  let throttle = options.throttle !== undefined ? new ThrottleFault(options.throttle) : undefined;
  let closed = false;
  let endpoint = '';

  const sleep = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const entry = {
            timer: setTimeout(() => {
              pending.delete(entry);
              resolve();
            }, ms),
            resolve,
          };
          pending.add(entry);
        });

  const requestOf = new WeakMap<ServerResponse, { method: string; path: string; apiVersion: string | undefined }>();
  const send = (res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void => {
    if (res.headersSent || res.destroyed) return;
    const request = requestOf.get(res);
    if (request !== undefined) options.onResponse?.({ ...request, status, body });
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': cryptoId(), ...headers });
    res.end(text);
  };
  const sendError = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void =>
    send(res, status, { error: { code, message } }, headers);

  /** One page of a list, with an absolute `nextLink` carrying `$skipToken` when more items remain. */
  const sendPage = (res: ServerResponse, path: string, apiVersion: string | undefined, items: readonly JsonObject[], skipToken: string | undefined, filter?: string): void => {
    const offset = Math.max(0, Number.parseInt(skipToken ?? '0', 10) || 0);
    const page = items.slice(offset, offset + pageSize);
    const more = offset + pageSize < items.length;
    const version = `${apiVersion !== undefined ? `api-version=${encodeURIComponent(apiVersion)}&` : ''}${filter !== undefined ? `$filter=${encodeURIComponent(filter)}&` : ''}`;
    send(res, 200, { value: page, ...(more ? { nextLink: `${endpoint}${path}?${version}$skipToken=${offset + pageSize}` } : {}) });
  };

  const route = (req: IncomingMessage, res: ServerResponse, path: string, query: ReadonlyMap<string, string>, body: Json | undefined): void => {
    const method = (req.method ?? 'GET').toUpperCase();
    const key = pathKey(path);
    const apiVersion = query.get('api-version');
    if (method === 'POST' && key === GRAPH_PATH) {
      const request = parseGraphRequest(body);
      if (request === undefined) return sendError(res, 400, 'BadRequest', 'The request body must hold a "query".');
      const graphPage = graphPageSize ?? pageSize;
      return send(res, 200, runFleetGraphQuery(store, request, graphPage) ?? runGraphQuery(store, request, graphPage));
    }
    if (method === 'POST' && key.endsWith(POLICY_STATES_QUERY)) {
      const scope = path.slice(0, path.length - POLICY_STATES_QUERY.length);
      const states = store.list(`${scope}/providers/Microsoft.PolicyInsights/policyStates`);
      if (states === undefined) return sendError(res, 404, 'ResourceNotFound', `The scope '${scope}' was not found.`);
      return send(res, 200, { '@odata.context': `${endpoint}${path}`, '@odata.count': states.length, value: states });
    }
    const activity = ACTIVITY_LOG.exec(key);
    if (method === 'GET' && activity !== null) {
      const records = activityLog.list(activity[1] ?? '', query.get('$filter'));
      if (records === undefined) return sendError(res, 400, 'BadRequest', "The $filter must be \"eventTimestamp ge '<time>' and eventTimestamp le '<time>'\".");
      return sendPage(res, path, apiVersion, records, query.get('$skiptoken'), query.get('$filter'));
    }
    if ((method === 'PATCH' || method === 'PUT') && store.has(path)) return acceptWrite(res, method, path, body);
    if (method !== 'GET') return sendError(res, 405, 'MethodNotAllowed', `The sample ARM server does not support ${method} on '${path}'.`);
    const resource = store.get(path);
    if (resource !== undefined) return send(res, 200, resource);
    const items = store.list(path);
    if (items !== undefined) return sendPage(res, path, apiVersion, items, query.get('$skiptoken'));
    return sendError(res, 404, 'ResourceNotFound', `The resource '${path}' was not found.`);
  };

  /** PATCH merges `properties`, PUT replaces them (the resource must exist: the sample creates nothing new). */
  const acceptWrite = (res: ServerResponse, method: string, path: string, body: Json | undefined): void => {
    const properties = isJsonObject(body) ? body.properties : undefined;
    if (!isJsonObject(properties)) return sendError(res, 400, 'InvalidRequestContent', 'The request body must hold a "properties" object.');
    if (method === 'PATCH') write(path, properties);
    else replace(path, { ...(store.get(path) ?? {}), properties });
    send(res, 200, store.get(path) ?? {});
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const { path, query } = splitUrl(req.url ?? '/');
    requestOf.set(res, { method, path, apiVersion: query.get('api-version') });
    let skipToken = query.get('$skiptoken');
    res.on('finish', () => log.push({ method, path, apiVersion: query.get('api-version'), skipToken, status: res.statusCode }));
    const body = await readJsonBody(req);
    // Resource Graph pages by a token in the body.
    if (isJsonObject(body) && isJsonObject(body.options) && typeof body.options.$skipToken === 'string') skipToken = body.options.$skipToken;
    await sleep(latencyMs);
    const fault = faults.take(method, path, query.get('api-version'));
    if (fault !== undefined) await sleep(fault.delayMs);
    if (closed) return;
    if (throttle?.draw() === true) {
      return sendError(res, 429, 'TooManyRequests', 'The request was throttled. Please try again later.', { 'retry-after': String(throttle.retryAfterSeconds) });
    }
    if (fault?.status !== undefined) {
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      return sendError(res, fault.status, fault.code, fault.message, headers);
    }
    if (body === INVALID_BODY) return sendError(res, 400, 'InvalidRequestContent', 'The request body is not valid JSON.');
    route(req, res, path, query, body);
  };

  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, 500, 'InternalServerError', error instanceof Error ? error.message : 'error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  endpoint = `https://localhost:${listeningAddress(server).port}`;

  return {
    endpoint,
    ca: pems.cert,
    get requests(): readonly LoggedRequest[] {
      return [...log];
    },
    get requestCount(): number {
      return log.length;
    },
    store,
    resetLog: () => {
      log.length = 0;
    },
    inject: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    setPageSize: (size) => {
      pageSize = Math.max(1, Math.floor(size));
    },
    setThrottle: (settings) => {
      throttle = settings !== undefined ? new ThrottleFault(settings) : undefined;
    },
    setResource: (path, body) => store.set(path, { id: normalizePath(path), ...body }),
    patch: (path, partialProperties) => store.patch(path, partialProperties),
    deleteResource: (path) => {
      store.delete(path);
    },
    getResource: (path) => store.get(path),
    write,
    replace,
    activityLog,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const entry of pending) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      pending.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const INVALID_BODY: JsonObject = Object.freeze({ invalid: true });

async function readJsonBody(req: IncomingMessage): Promise<Json | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return INVALID_BODY;
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return isJson(parsed) ? parsed : INVALID_BODY;
  } catch {
    return INVALID_BODY;
  }
}

function isJson(value: unknown): value is Json {
  return value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);
}

let requestCounter = 0;
function cryptoId(): string {
  requestCounter += 1;
  return `00000000-0000-4000-8000-${requestCounter.toString(16).padStart(12, '0')}`;
}
