/**
 * The upload half of Teams' file-consent flow: after the user clicks Allow, Teams gives the bot an upload session
 * URL in the user's OneDrive, and the bot PUTs the whole file there in one range. The URL is a capability (its
 * query can carry a token), so it is never logged: only its host is.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface UploadPolicy {
  /**
   * Accept `http:` URLs on loopback (127.0.0.1, ::1, localhost). Tests only: the default is HTTPS only, since the
   * bytes are the customer's security baseline.
   */
  readonly allowHttpLoopback?: boolean;
}

export type UrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Where Teams puts a file the user allowed: the user's OneDrive for Business, i.e. SharePoint Online — commercial
 * and GCC (sharepoint.com), GCC High (sharepoint.us), DoD (sharepoint-mil.us), 21Vianet (sharepoint.cn). The
 * upload URL comes from the client's invoke; any other host could be an address inside our own network.
 */
export const FILE_HOST_SUFFIXES: readonly string[] = ['.sharepoint.com', '.sharepoint.us', '.sharepoint-mil.us', '.sharepoint.cn'];

function isFileHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return FILE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}

/** Whether the bot may send the file to (or link to) this URL. */
export function checkFileUrl(raw: string, policy: UploadPolicy = {}): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'URL with credentials' };
  if (url.protocol === 'http:' && policy.allowHttpLoopback === true && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, url };
  if (url.protocol !== 'https:') return { ok: false, reason: `${url.protocol} is not allowed` };
  if (url.port !== '') return { ok: false, reason: 'a port other than 443' };
  return isFileHost(url.hostname) ? { ok: true, url } : { ok: false, reason: 'not a SharePoint / OneDrive host' };
}

export type UploadResult = { readonly ok: true; readonly status: number } | { readonly ok: false; readonly detail: string };

/**
 * PUTs `bytes` as one range (Content-Range: bytes 0-(n-1)/n), without credentials and without following
 * redirects (a redirect could lead the bytes somewhere the URL check never saw).
 */
export async function uploadInOneRange(fetchImpl: FetchLike, url: URL, bytes: Uint8Array, timeoutMs: number): Promise<UploadResult> {
  if (bytes.length === 0) return { ok: false, detail: 'empty file' };
  let response: Response;
  try {
    response = await fetchImpl(url.href, {
      method: 'PUT',
      headers: { 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: bytes,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const name = e instanceof Error ? e.name : undefined;
    return { ok: false, detail: name === 'TimeoutError' ? 'the upload timed out' : 'the upload could not connect' };
  }
  // Drain the body so the connection is released; its content (OneDrive's JSON) is not needed.
  await response.arrayBuffer().catch(() => undefined);
  return response.ok ? { ok: true, status: response.status } : { ok: false, detail: `OneDrive answered HTTP ${response.status}` };
}
