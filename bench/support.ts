/** Small helpers shared by the benchmarks. Benchmarks print figures; they never assert on time. */
import type { LoggedRequest, SampleArm } from '../src/sample';

/** Prefix of the one stdout line that carries a benchmark's figures as JSON (read by bench/run.js). */
export const RESULT_PREFIX = 'BENCH_RESULT ';

export function emit(figures: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(figures)}\n`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The sample server logs a request when its response finishes, which can be a moment after the client has it:
 * wait until the log stops growing before reading it.
 */
export async function settledRequests(arm: SampleArm): Promise<readonly LoggedRequest[]> {
  let last = -1;
  while (arm.requestCount !== last) {
    last = arm.requestCount;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return arm.requests;
}

/** One key per distinct read: a page of a list is its own read, and so is the same resource at another api-version. */
export function requestKey(r: LoggedRequest): string {
  return `${r.method} ${r.path.toLowerCase()} ${r.apiVersion ?? ''} ${r.skipToken ?? ''}`;
}

export function duplicates(requests: readonly LoggedRequest[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const key of requests.map(requestKey)) {
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}
