/**
 * Raw ARM reads at a pinned api-version, for what the SDK models drop (the ML client speaks 2022-10-01) or do
 * not have (outbound rules, App Insights, policy, Defender's 2024-01-01 pricing shape). They go through an SDK
 * client's own pipeline, so authentication, TLS trust, retries and the Retry-After cap are the same as for
 * every other read. Bodies leave here as JsonReaders: parsed at the edge, never `any`.
 */
import { createPipelineRequest, RestError, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { JsonReader, parseJsonBody } from './parse/json-reader';

/** What can send a pipeline request: any core-client ServiceClient (the SDK clients are). */
export interface PipelineHost {
  sendRequest(request: PipelineRequest): Promise<PipelineResponse>;
}

export interface RawArm {
  /** GET one resource. `path` is a resource id or an ARM path starting with `/`. */
  get(path: string, apiVersion: string, signal: AbortSignal): Promise<JsonReader>;
  /** GET a collection, following `nextLink` pages (same host only), as ARM's list operations page. */
  list(path: string, apiVersion: string, signal: AbortSignal, query?: Readonly<Record<string, string>>): Promise<JsonReader[]>;
  /** POST a query (policy states) and return its `value` items, following `@odata.nextLink`. */
  postList(path: string, apiVersion: string, signal: AbortSignal): Promise<JsonReader[]>;
}

const MAX_PAGES = 200;

export function createRawArm(host: PipelineHost, endpoint: string): RawArm {
  const origin = new URL(endpoint).origin;

  const urlFor = (path: string, apiVersion: string, query: Readonly<Record<string, string>> = {}): string => {
    if (!path.startsWith('/') || /[?#]/.test(path)) throw new Error(`Not an ARM path: ${path}`);
    const params = [`api-version=${encodeURIComponent(apiVersion)}`, ...Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)];
    return `${endpoint}${encodeURI(path)}?${params.join('&')}`;
  };

  const send = async (method: 'GET' | 'POST', url: string, signal: AbortSignal): Promise<JsonReader> => {
    if (new URL(url).origin !== origin) throw new Error('ARM returned a next link to another host; not following it.');
    const request = createPipelineRequest({
      url,
      method,
      abortSignal: signal,
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    if (method === 'POST') request.headers.set('content-type', 'application/json');
    const response = await host.sendRequest(request);
    if (response.status >= 400) throw toRestError(response, request);
    return parseJsonBody(response.bodyAsText ?? undefined, `${method} ${new URL(url).pathname}`);
  };

  /** Each list names its own paging link: `nextLink` for ARM lists, `@odata.nextLink` for the policy-states query. */
  const collect = async (method: 'GET' | 'POST', firstUrl: string, signal: AbortSignal, nextLinkName: 'nextLink' | '@odata.nextLink'): Promise<JsonReader[]> => {
    const items: JsonReader[] = [];
    let url: string | undefined = firstUrl;
    for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
      const body: JsonReader = await send(method, url, signal);
      items.push(...body.list('value'));
      url = body.str(nextLinkName);
      if (url === '') url = undefined;
    }
    return items;
  };

  return {
    get: (path, apiVersion, signal) => send('GET', urlFor(path, apiVersion), signal),
    list: (path, apiVersion, signal, query) => collect('GET', urlFor(path, apiVersion, query), signal, 'nextLink'),
    postList: (path, apiVersion, signal) => collect('POST', urlFor(path, apiVersion), signal, '@odata.nextLink'),
  };
}

/** The same error the SDK operations throw: status plus ARM's `error.code` and message. */
function toRestError(response: PipelineResponse, request: PipelineRequest): RestError {
  let code: string | undefined;
  let message = `HTTP ${response.status}`;
  try {
    const body = JsonReader.of(JSON.parse(response.bodyAsText ?? '{}'), 'error body').obj('error');
    code = body.str('code');
    message = body.str('message') ?? message;
  } catch {
    // not JSON: keep the status alone
  }
  return new RestError(message, { statusCode: response.status, ...(code !== undefined ? { code } : {}), request, response });
}
