/**
 * The request body reader of every route, run before any authentication. It decides from the headers alone,
 * before reading a byte, whether a body may be read at all (JSON only, never compressed, never over the limit),
 * then streams it with a byte counter and stops at the limit. restify's generic body parser is not used: it
 * counted compressed bytes and then inflated without bound, and sent multipart bodies to a parser that wrote
 * them to the temp folder.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export interface BodyRefusal {
  readonly status: 400 | 408 | 413 | 415;
  readonly error: string;
  readonly message: string;
}

export type BodyResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly refusal: BodyRefusal };

/** Only identity: a compressed body's decoded size cannot be known before inflating it. */
function encodingProblem(headers: IncomingHttpHeaders): BodyRefusal | undefined {
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding === undefined || encoding === '' || encoding === 'identity') return undefined;
  return { status: 415, error: 'unsupported content encoding', message: 'Send the JSON body uncompressed (no Content-Encoding).' };
}

/** `application/json`, with at most a UTF-8 charset parameter (RFC 8259: JSON is UTF-8). */
export function isJsonContentType(value: string): boolean {
  const [mediaType, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset\s*=\s*"?utf-8"?$/.test(p));
}

function declaredLength(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['content-length'];
  if (raw === undefined) return undefined;
  const length = Number(raw);
  return Number.isSafeInteger(length) && length >= 0 ? length : Number.NaN;
}

/** Whether the request carries a body: a positive Content-Length, or any Transfer-Encoding (chunked). */
function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = declaredLength(headers);
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== 0);
}

/** What the headers alone say is wrong with the body, before anything of it is read. */
export function bodyHeaderProblem(headers: IncomingHttpHeaders, maxBytes: number): BodyRefusal | undefined {
  const encoding = encodingProblem(headers);
  if (encoding !== undefined) return encoding;
  const contentType = headers['content-type'];
  if ((contentType !== undefined || hasBody(headers)) && !isJsonContentType(contentType ?? '')) {
    return { status: 415, error: 'unsupported media type', message: 'Only application/json bodies are accepted.' };
  }
  const length = declaredLength(headers);
  if (length !== undefined && Number.isNaN(length)) return { status: 400, error: 'invalid request', message: 'The Content-Length header is not a number.' };
  if (length !== undefined && length > maxBytes) return tooLarge(maxBytes);
  return undefined;
}

function tooLarge(maxBytes: number): BodyRefusal {
  return { status: 413, error: 'payload too large', message: `The body is larger than ${maxBytes} bytes.` };
}

/**
 * Reads the body as JSON under `maxBytes`: refuses from the headers first, then counts bytes as they arrive and
 * stops reading (the request is paused, not drained) when the count passes the limit. An empty body is `undefined`.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const problem = bodyHeaderProblem(req.headers, maxBytes);
  if (problem !== undefined) return { ok: false, refusal: problem };
  if (!hasBody(req.headers)) return { ok: true, body: undefined };
  const raw = await new Promise<Buffer | 'too large' | 'aborted'>((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (outcome: Buffer | 'too large' | 'aborted'): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.pause();
        finish('too large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish(Buffer.concat(chunks, received));
    const onAbort = (): void => finish('aborted');
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onAbort);
    req.once('close', onAbort);
  });
  if (raw === 'too large') return { ok: false, refusal: tooLarge(maxBytes) };
  if (raw === 'aborted') return { ok: false, refusal: { status: 400, error: 'invalid request', message: 'The request body was not received completely.' } };
  if (raw.length === 0) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false, refusal: { status: 400, error: 'invalid request', message: 'The request body is not valid JSON.' } };
  }
}
