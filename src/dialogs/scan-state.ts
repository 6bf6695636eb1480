/**
 * The last report of each conversation, for paging, details and re-check notes (and for the baseline document
 * another feature builds). In the GuardianStore under `scan/last/<conversationId>` when there is one, else in a
 * small in-process map.
 */
import { summarize } from '../checks/runner';
import type { Finding, ScanReport } from '../checks/types';
import { isPartialScope, type ReportScope } from '../report/wording';
import type { GuardianStore } from '../storage/store';

export interface LastScan {
  readonly report: ScanReport;
  /** What to hand the scan service to scan it again: the workspace id or `sample…`. */
  readonly target: string;
  /** Who ran the scan (their user id): in user-delegated mode the report shows what their Azure rights could read. */
  readonly scannedBy?: string;
  /** What the scan covered (absent: the whole baseline), so that its summary keeps its title after paging. */
  readonly scope?: ReportScope;
  /**
   * The latest full scan of the same workspace, kept while scoped scans ("is public network access off?") follow
   * it: the baseline document needs every category's counts, which a scoped scan does not have.
   */
  readonly fullScan?: FullScan;
}

export type FullScan = Omit<LastScan, 'fullScan'>;

function sameWorkspace(a: LastScan, b: LastScan): boolean {
  return a.report.workspace.id.toLowerCase() === b.report.workspace.id.toLowerCase();
}

/** The full scan to keep beside `next`: none when `next` is itself full, else the previous record's of that workspace. */
function fullScanBeside(next: LastScan, previous: LastScan | undefined): FullScan | undefined {
  if (!isPartialScope(next.scope) || previous === undefined || !sameWorkspace(next, previous)) return undefined;
  if (!isPartialScope(previous.scope)) {
    const { fullScan: _older, ...full } = previous;
    return full;
  }
  return previous.fullScan;
}

/** The scan that speaks for the whole baseline: the latest full scan of the last scanned workspace, else the last scan. */
export function baselineScan(last: LastScan): FullScan {
  const { fullScan, ...latest } = last;
  return isPartialScope(last.scope) && fullScan !== undefined ? fullScan : latest;
}

export const lastScanKey = (conversationId: string): string => `scan/last/${conversationId}`;

const MEMORY_LIMIT = 200;

export class LastScans {
  private readonly memory = new Map<string, LastScan>();

  constructor(private readonly store: GuardianStore | undefined) {}

  async get(conversationId: string): Promise<LastScan | undefined> {
    if (this.store === undefined) return this.memory.get(conversationId);
    return (await this.store.get<LastScan>(lastScanKey(conversationId)))?.value;
  }

  async put(conversationId: string, next: LastScan): Promise<void> {
    const { fullScan: _given, ...latest } = next;
    const fullScan = fullScanBeside(latest, await this.get(conversationId));
    const value: LastScan = fullScan === undefined ? latest : { ...latest, fullScan };
    if (this.store !== undefined) {
      await this.store.put(lastScanKey(conversationId), value);
      return;
    }
    this.memory.delete(conversationId);
    this.memory.set(conversationId, value);
    if (this.memory.size > MEMORY_LIMIT) this.memory.delete(this.memory.keys().next().value as string);
  }
}

/** The report with one check's findings replaced by a re-check's, and the summary recounted. */
export function withRechecked(report: ScanReport, checkId: string, fresh: readonly Finding[], scannedAt: string): ScanReport {
  const findings = [...report.findings.filter((f) => f.checkId !== checkId), ...fresh];
  return { ...report, findings, summary: summarize(findings), scannedAt };
}
