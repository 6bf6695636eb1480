/**
 * Fault and latency injection for the sample ARM server: tests (and lab demos) make a read fail with a real
 * ARM error shape, throttle with Retry-After, or hang, without touching the data.
 */

export interface FaultRule {
  /** Only this HTTP method (any when absent). */
  readonly method?: string;
  /** A RegExp tested against the request path, or a case-insensitive substring of it. */
  readonly pathPattern: RegExp | string;
  /** Only requests at this api-version (any when absent), e.g. a preview version the service has retired. */
  readonly apiVersion?: string;
  /** The HTTP status to answer with; absent means "serve normally" (after `delayMs`). */
  readonly status?: number;
  /** ARM error code for the body; a sensible one per status when absent. */
  readonly code?: string;
  readonly message?: string;
  /** Seconds, sent as the Retry-After header. */
  readonly retryAfter?: number;
  /** How many requests the rule applies to; every request when absent. */
  readonly times?: number;
  /** Delay before answering (or before serving normally). */
  readonly delayMs?: number;
}

export interface FaultOutcome {
  readonly status?: number;
  readonly code: string;
  readonly message: string;
  readonly retryAfter?: number;
  readonly delayMs: number;
}

const DEFAULT_CODES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'AuthorizationFailed',
  404: 'ResourceNotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export class FaultInjector {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first live rule matching the request, consuming one of its `times`. */
  take(method: string, path: string, apiVersion?: string): FaultOutcome | undefined {
    const hit = this.rules.find((r) => r.remaining > 0 && matches(r.rule, method, path, apiVersion));
    if (hit === undefined) return undefined;
    hit.remaining -= 1;
    const { rule } = hit;
    const code = rule.code ?? (rule.status !== undefined ? (DEFAULT_CODES[rule.status] ?? 'Error') : 'Delayed');
    return {
      ...(rule.status !== undefined ? { status: rule.status } : {}),
      code,
      message: rule.message ?? messageFor(rule.status, code, path),
      ...(rule.retryAfter !== undefined ? { retryAfter: rule.retryAfter } : {}),
      delayMs: rule.delayMs ?? 0,
    };
  }
}

function matches(rule: FaultRule, method: string, path: string, apiVersion: string | undefined): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.apiVersion !== undefined && rule.apiVersion !== apiVersion) return false;
  if (typeof rule.pathPattern === 'string') return path.toLowerCase().includes(rule.pathPattern.toLowerCase());
  rule.pathPattern.lastIndex = 0;
  return rule.pathPattern.test(path);
}

function messageFor(status: number | undefined, code: string, path: string): string {
  if (status === 403) {
    return `The client 'guardian-sample' with object id '00000000-0000-0000-0000-000000000000' does not have authorization to perform this action over scope '${path}' or the scope is invalid.`;
  }
  if (status === 404) return `The resource '${path}' was not found.`;
  if (status === 429) return 'The request was throttled. Please try again later.';
  return `Injected ${code} for '${path}'.`;
}
