/**
 * Every sentence a person reads about a scan, in one place: the cards, the Markdown report and the terminal
 * table all call these, so that they say the same things. Text here is plain (no markup, no emoji); each
 * output format escapes it for its own medium.
 */
import { CATEGORY_TITLES, type Evidence, type Finding, type ScanReport, type Severity, type Status } from '../checks/types';
import type { CheckInfo } from './catalog';
import { failuresBySeverity } from './order';
import { reportScore } from './score';

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  fail: 'Failed',
  error: 'Not assessed',
  manual: 'Manual review',
  pass: 'Passed',
  not_applicable: 'Not applicable',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const ACTION_TITLES = {
  recheck: 'Re-check',
  rescan: 'Re-scan',
  learnWhy: 'Learn why',
  openLearn: 'Microsoft Learn',
  showAll: 'Show all findings',
  next: 'Next page',
  previous: 'Previous page',
  details: 'Details',
  sample: 'Scan the sample workspace',
} as const;

export const HEADINGS = {
  summary: 'Security baseline scan',
  evidence: 'Evidence',
  why: 'Why it matters',
  fix: 'How to fix',
  cli: 'With the Azure CLI',
  topFailures: 'Top failures',
  byCategory: 'By category',
  findings: 'Findings',
} as const;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function categoryTitle(category: Finding['category']): string {
  return CATEGORY_TITLES[category];
}

/** "ws-prod: 12 failed (3 critical, 5 high), 4 not assessed, 30 passed, 2 to review by hand, 3 not applicable." */
export function summarySentence(report: ScanReport): string {
  const s = report.summary;
  const sev = failuresBySeverity(report);
  const bySeverity = (['critical', 'high', 'medium', 'low'] as const)
    .filter((k) => sev[k] > 0)
    .map((k) => `${sev[k]} ${k}`)
    .join(', ');
  const parts = [`${s.fail} failed${bySeverity === '' ? '' : ` (${bySeverity})`}`];
  if (s.error > 0) parts.push(`${s.error} not assessed`);
  parts.push(`${s.pass} passed`);
  if (s.manual > 0) parts.push(`${s.manual} to review by hand`);
  if (s.not_applicable > 0) parts.push(`${s.not_applicable} not applicable`);
  return `${report.workspace.name}: ${parts.join(', ')}.`;
}

export function scoreSentence(report: ScanReport): string {
  const score = reportScore(report);
  return score === undefined ? 'No score: nothing could be assessed.' : `Score ${score}/100 (severity-weighted share of assessed checks that pass).`;
}

/** The headline when nothing needs action, or how much does. */
export function verdictSentence(report: ScanReport): string {
  const { fail, error } = report.summary;
  if (fail === 0 && error === 0) return 'No failed checks: this workspace meets the baseline for everything that was checked.';
  if (fail === 0) return `No failed checks, but ${plural(error, 'result')} could not be assessed; grant the missing read permissions and scan again.`;
  return `${plural(fail, 'check result')} failed and ${fail === 1 ? 'needs' : 'need'} fixing.`;
}

export function scannedAtSentence(report: ScanReport): string {
  return `Scanned ${formatTime(report.scannedAt)} with check set ${report.checkSetVersion}.`;
}

/** ISO time shown the same way everywhere: "2025-01-31 14:05 UTC". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "High · Failed" */
export function findingBadge(finding: Pick<Finding, 'severity' | 'status'>): string {
  return `${SEVERITY_LABELS[finding.severity]} · ${STATUS_LABELS[finding.status]}`;
}

/** "AML-NET-001 · Network Security" */
export function findingSubtitle(finding: Pick<Finding, 'checkId' | 'category'>): string {
  return `${finding.checkId} · ${CATEGORY_TITLES[finding.category]}`;
}

/** What was found: the check's own sentence, which names the resource. */
export function findingSentence(finding: Finding): string {
  return finding.message;
}

/** "publicNetworkAccess = Enabled (expected Disabled)" */
export function evidenceSentence(e: Evidence): string {
  return `${e.property} = ${e.actual} (expected ${e.expected})`;
}

export function whyItMatters(info: Pick<CheckInfo, 'risk'> | undefined): string {
  return info?.risk ?? 'The Microsoft Learn page linked below explains the risk this check guards against.';
}

export function portalSteps(finding: Finding): readonly string[] {
  return finding.remediation.portal;
}

export function fixIntro(finding: Finding): string {
  if (finding.status === 'error') return 'Grant the read permission named above to the identity that scans, then re-check.';
  return finding.remediation.cli !== undefined
    ? 'Change the setting in the portal, or run the Azure CLI command below (replace the <placeholders>).'
    : 'Change the setting in the portal; no Azure CLI command changes it in place.';
}

export function learnSentence(finding: Finding): string {
  return `Microsoft Learn: ${finding.remediation.url}`;
}

export function workshopSentence(finding: Finding): string | undefined {
  const first = finding.workshopQuestions[0];
  return first === undefined ? undefined : `Workshop question ${first} discusses this.`;
}

export function recheckResultSentence(before: Status | undefined, after: Finding | undefined, checkId: string): string {
  if (after === undefined) return `${checkId} returned no result for this resource on re-check.`;
  if (before === 'fail' && after.status === 'pass') return `Fixed: ${checkId} passes now.`;
  if (before !== undefined && before === after.status) return `Re-checked: still ${STATUS_LABELS[after.status].toLowerCase()}.`;
  return `Re-checked: ${STATUS_LABELS[after.status].toLowerCase()}.`;
}

export function progressSentence(workspaceName: string, done: number, total: number): string {
  return total > 0 ? `Scanning ${workspaceName}… ${done}/${total} reads` : `Scanning ${workspaceName}…`;
}

export function progressDetail(label: string): string {
  return label === '' ? 'Starting' : `Last read: ${label}`;
}

export function pageSentence(page: number, pages: number, total: number): string {
  return `Page ${page + 1} of ${pages} · ${plural(total, 'finding')}`;
}

export function moreFindingsSentence(shown: number, total: number): string {
  return `Showing ${shown} of ${total} findings that need action.`;
}

export function truncatedSentence(hidden: number): string {
  return `${plural(hidden, 'more evidence row')} not shown; see guardian scan --format markdown for everything.`;
}

/** The clear sentence for each way a scan can be refused. */
export function scanErrorSentence(kind: 'usage' | 'auth' | 'not_found' | 'forbidden' | 'timeout', message: string): string {
  switch (kind) {
    case 'usage':
      return `I cannot scan that: ${message}`;
    case 'auth':
      return `I could not sign in to Azure: ${message}`;
    case 'not_found':
      return `I could not find that workspace: ${message}`;
    case 'forbidden':
      return `I am not allowed to scan that workspace: ${message}`;
    case 'timeout':
      return `The scan took too long and was stopped: ${message}`;
  }
}

export const UNEXPECTED_FAILURE = 'The scan failed unexpectedly. Nothing was changed; please try again, and tell the bot owner if it keeps happening.';
