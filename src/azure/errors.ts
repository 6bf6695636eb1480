/**
 * Turns whatever a read threw into a ReadError a person can act on: the kind, the HTTP status, the ARM code,
 * one sentence, and the RBAC action that would have allowed the read. Nothing secret is copied: only ARM's
 * code and our own words (ARM's message can quote the caller's object id, which is fine; tokens never appear).
 */
import { isRestError } from '@azure/core-rest-pipeline';
import type { ReadError, ReadErrorKind } from './snapshot';
import { describeCredentialError, isCredentialError } from './credentials';
import { PayloadError } from './parse/json-reader';
import { retryAfterMs, waitText } from './retry-after';

export interface ReadTarget {
  /** Words for the thing read, e.g. "the role assignments on the storage account". */
  readonly label: string;
  readonly resourceId: string;
  /** The RBAC action that allows the read. */
  readonly requiredAction: string;
}

export interface AbortContext {
  /** True when the scan's own deadline fired (as opposed to the caller cancelling). */
  readonly deadlineExpired: boolean;
  readonly timeoutMs: number;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'REQUEST_SEND_ERROR',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function toReadError(error: unknown, target: ReadTarget, abort: AbortContext): ReadError {
  const base = { resourceId: target.resourceId, requiredAction: target.requiredAction };
  if (isAbort(error)) {
    const message = abort.deadlineExpired
      ? `Reading ${target.label} did not finish within the scan's ${Math.round(abort.timeoutMs / 1000)} s deadline.`
      : `Reading ${target.label} was cancelled.`;
    return { kind: 'timeout', message, ...base };
  }
  if (isCredentialError(error)) {
    return { kind: 'unauthenticated', message: describeCredentialError(error) ?? 'No usable Azure credential.', ...base };
  }
  if (error instanceof PayloadError) {
    return { kind: 'invalid', message: `The response for ${target.label} could not be understood: ${error.message}.`, ...base };
  }
  if (isRestError(error)) {
    const status = error.statusCode;
    const code = error.code;
    const kind = kindOf(status, code);
    const withCode = code !== undefined && code !== '' ? ` (${code})` : '';
    const waitMs = kind === 'throttled' && error.response !== undefined ? retryAfterMs(error.response.headers) : undefined;
    const retryAfterSeconds = waitMs === undefined ? undefined : Math.ceil(waitMs / 1000);
    return {
      kind,
      ...(status !== undefined ? { status } : {}),
      ...(code !== undefined && code !== '' ? { code } : {}),
      message: sentence(kind, target.label, status, withCode, retryAfterSeconds),
      ...base,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
  return { kind: 'invalid', message: `Reading ${target.label} failed unexpectedly: ${detail}`, ...base };
}

/** The error of a read that was not attempted because another one (the workspace) failed first. */
export function dependentError(cause: ReadError, target: ReadTarget): ReadError {
  return {
    kind: cause.kind,
    ...(cause.status !== undefined ? { status: cause.status } : {}),
    ...(cause.code !== undefined ? { code: cause.code } : {}),
    message: `${capitalise(target.label)} could not be read because the workspace itself could not be read: ${cause.message}`,
    requiredAction: cause.requiredAction ?? target.requiredAction,
    resourceId: target.resourceId,
    ...(cause.retryAfterSeconds !== undefined ? { retryAfterSeconds: cause.retryAfterSeconds } : {}),
  };
}

function kindOf(status: number | undefined, code: string | undefined): ReadErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'throttled';
  if (status === 408) return 'timeout';
  if (status !== undefined && status >= 500) return 'server';
  if (status === undefined && code !== undefined && (NETWORK_CODES.has(code) || code.startsWith('E') || code.includes('CERT'))) return 'network';
  if (status === undefined) return 'network';
  return 'invalid';
}

function sentence(kind: ReadErrorKind, label: string, status: number | undefined, withCode: string, retryAfterSeconds: number | undefined): string {
  switch (kind) {
    case 'unauthenticated':
      return `Azure rejected the credential while reading ${label}${withCode}; sign in again.`;
    case 'forbidden':
      return `The identity is not allowed to read ${label}${withCode}.`;
    case 'not_found':
      return `${capitalise(label)} was not found${withCode}.`;
    case 'throttled':
      return retryAfterSeconds === undefined
        ? `Azure Resource Manager throttled the read of ${label}${withCode}; try again in a few minutes.`
        : `Azure Resource Manager throttled the read of ${label}${withCode} and asked to wait ${waitText(retryAfterSeconds)} before trying again.`;
    case 'timeout':
      return `Azure did not answer in time while reading ${label}${withCode}.`;
    case 'server':
      return `Azure returned HTTP ${status ?? '?'}${withCode} while reading ${label}: a failure on Azure's side, not a missing permission.`;
    case 'network':
      return `Could not reach Azure Resource Manager to read ${label}${withCode}.`;
    case 'invalid':
      return `Azure answered HTTP ${status ?? '?'}${withCode} while reading ${label}.`;
    case 'skipped':
      return `${capitalise(label)} was not read: the selected checks do not need it.`;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (isRestError(error) && error.code === 'ABORT_ERR'));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
