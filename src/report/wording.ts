/**
 * Every sentence a person reads about a scan, in one place: the cards, the Markdown report and the terminal
 * table all call these, so that they say the same things. Text here is plain (no markup, no emoji); each
 * output format escapes it for its own medium.
 */
import { CATEGORY_TITLES, type Area, type Category, type Evidence, type Finding, type RiskException, type ScanReport, type Severity, type Status, type StatusCounts } from '../checks/types';
import type { CheckInfo } from './catalog';
import { failuresBySeverity } from './order';
import { reportScore } from './score';
import { fixCommand, hasPlaceholders } from '../checks/fix-command';

export { fixCommand };

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  fail: 'Failed',
  error: 'Not assessed',
  manual: 'Manual review',
  pass: 'Passed',
  not_applicable: 'Not applicable',
  accepted: 'Accepted risk',
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
  backToSummary: 'Back to summary',
  backToList: 'Back to all findings',
  sample: 'Scan the sample workspace',
  acceptRisk: 'Accept risk',
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
  accepted: 'Accepted risks',
} as const;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a scan covered: everything, or the part a person asked for ("check rbac"). */
export type ReportScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'area'; readonly area: Area }
  | { readonly kind: 'category'; readonly category: Category }
  | { readonly kind: 'checks'; readonly checkIds: readonly string[] };

const AREA_TITLES: Readonly<Record<Area, string>> = {
  'public-network': 'Public network access checks',
  rbac: 'RBAC checks',
  defender: 'Defender for Cloud checks',
};

/** A partial scan is titled as what it is; only a full scan is a "Security baseline scan" with a score. */
export function isPartialScope(scope: ReportScope | undefined): boolean {
  return scope !== undefined && scope.kind !== 'all';
}

export function scopeTitle(scope: ReportScope | undefined): string {
  switch (scope?.kind) {
    case undefined:
    case 'all':
      return HEADINGS.summary;
    case 'area':
      return AREA_TITLES[scope.area];
    case 'category':
      return `${CATEGORY_TITLES[scope.category]} checks`;
    case 'checks':
      return scope.checkIds.length <= 3 ? `Checks ${scope.checkIds.join(', ')}` : `${scope.checkIds.length} selected checks`;
  }
}

/**
 * The one way results are counted and said, everywhere: every finding is one check result, and a count names
 * its status. "8 failed · 2 not assessed · 3 passed · 1 other" (zeros left out, but failed and passed always).
 */
export function countsText(counts: StatusCounts): string {
  const parts = [`${counts.fail} failed`];
  if (counts.error > 0) parts.push(`${counts.error} not assessed`);
  // Accepted risks are failures someone answers for: counted apart, never hidden among "other".
  if (counts.accepted > 0) parts.push(`${counts.accepted} accepted`);
  parts.push(`${counts.pass} passed`);
  const other = counts.manual + counts.not_applicable;
  if (other > 0) parts.push(`${other} other`);
  return parts.join(' · ');
}

export function categoryTitle(category: Finding['category']): string {
  return CATEGORY_TITLES[category];
}

/** "ws-prod: 12 failed (3 critical, 5 high), 1 accepted risk, 4 not assessed, 30 passed, 2 to review by hand, 3 not applicable." */
export function summarySentence(report: ScanReport): string {
  const s = report.summary;
  const sev = failuresBySeverity(report);
  const bySeverity = (['critical', 'high', 'medium', 'low'] as const)
    .filter((k) => sev[k] > 0)
    .map((k) => `${sev[k]} ${k}`)
    .join(', ');
  const parts = [`${s.fail} failed${bySeverity === '' ? '' : ` (${bySeverity})`}`];
  if (s.accepted > 0) parts.push(plural(s.accepted, 'accepted risk'));
  if (s.error > 0) parts.push(`${s.error} not assessed`);
  parts.push(`${s.pass} passed`);
  if (s.manual > 0) parts.push(`${s.manual} to review by hand`);
  if (s.not_applicable > 0) parts.push(`${s.not_applicable} not applicable`);
  return `${report.workspace.name}: ${parts.join(', ')}.`;
}

/** The score as every output prints it: "11/100", or undefined when nothing could be assessed. */
export function scoreFigure(report: ScanReport): string | undefined {
  const score = reportScore(report);
  return score === undefined ? undefined : `${score}/100`;
}

export const SCORE_MEANING = 'severity-weighted share of assessed checks that pass; accepted risks count as not passing';

export function scoreSentence(report: ScanReport): string {
  const figure = scoreFigure(report);
  return figure === undefined ? 'No score: nothing could be assessed.' : `Score ${figure} (${SCORE_MEANING}).`;
}

/** The headline when nothing needs action, or how much does. */
export function verdictSentence(report: ScanReport): string {
  const { fail, error } = report.summary;
  if (fail === 0 && error === 0) return 'No failed checks: this workspace meets the baseline for everything that was checked.';
  if (fail === 0) return `No failed checks, but ${plural(error, 'result')} could not be assessed; each says why (a missing permission, throttling, an outage): fix that and scan again.`;
  return `${plural(fail, 'check result')} failed and ${fail === 1 ? 'needs' : 'need'} fixing.`;
}

/** "Accepted until 2027-03-01 (owner jane@contoso.com): partner network needs the studio." */
export function acceptedSentence(exception: Pick<RiskException, 'expires' | 'owner' | 'reason'>): string {
  return `Accepted until ${exception.expires} (owner ${exception.owner}): ${exception.reason}`;
}

/** "Scanned 2025-01-31 14:05:09 UTC with check set …" ("Re-scanned at …" after Re-scan): to the second, so that a re-scan a moment later shows it is new. */
export function scannedAtSentence(report: ScanReport, rescanned = false): string {
  return `${rescanned ? 'Re-scanned at' : 'Scanned'} ${formatTime(report.scannedAt, true)} with check set ${report.checkSetVersion}.`;
}

/** ISO time shown the same way everywhere: "2025-01-31 14:05 UTC" (with seconds: "2025-01-31 14:05:09 UTC"). */
export function formatTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, seconds ? 19 : 16).replace('T', ' ')} UTC`;
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
  if (finding.status === 'error') return 'Remove what stopped the read (named above: a missing permission, throttling, an outage, the network), then re-check.';
  const command = fixCommand(finding);
  if (command === undefined) return 'Change the setting in the portal; no Azure CLI command changes it in place.';
  return hasPlaceholders(command)
    ? 'Change the setting in the portal, or run the Azure CLI command below (replace the <placeholders> the scan cannot know).'
    : 'Change the setting in the portal, or run the Azure CLI command below.';
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

/** "Page 1 of 9 · 87 check results: 68 failed · 5 not assessed · 14 passed" — the summary's counts, paged. */
export function pageSentence(page: number, pages: number, counts: StatusCounts): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `Page ${page + 1} of ${pages} · ${plural(total, 'check result')}: ${countsText(counts)}`;
}

export function moreFindingsSentence(shown: number, total: number): string {
  return `Showing ${shown} of ${total} check results that need action.`;
}

export function truncatedSentence(hidden: number): string {
  return `${plural(hidden, 'more evidence row')} not shown; see guardian scan --format markdown for everything.`;
}

/** The clear sentence for each way a scan can be refused. */
export function scanErrorSentence(kind: 'usage' | 'auth' | 'not_found' | 'forbidden' | 'timeout' | 'unavailable', message: string): string {
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
    case 'unavailable':
      return `I could not read that workspace, so nothing was checked: ${message}`;
  }
}

export const UNEXPECTED_FAILURE = 'The scan failed unexpectedly. Nothing was changed; please try again, and tell the bot owner if it keeps happening.';

// ------------------------------------------------------------------------------------------------------------
// Direct answers to area questions ("is public network access off on ws-prod?", "check rbac", "defender status")
// ------------------------------------------------------------------------------------------------------------

const AREA_CONTROLS: Readonly<Record<Area, string>> = {
  'public-network': 'public-access check results',
  rbac: 'RBAC check results',
  defender: 'Defender check results',
};

/** The report's own counts (the summary card shows the same): results that apply, failed, not assessed. */
function resultTally(report: ScanReport): { readonly total: number; readonly failing: number; readonly unassessed: number } {
  const s = report.summary;
  return { total: s.fail + s.error + s.pass + s.manual, failing: s.fail, unassessed: s.error };
}

/**
 * The first line of an area scan: a yes or no to the question the area stands for, the fact it rests on, and how
 * many of the area's controls fail. "No — public network access is not off: mlw-x has publicNetworkAccess Enabled;
 * 9 of 11 public-access controls fail."
 */
export function areaAnswerSentence(area: 'public-network' | 'rbac' | 'defender', report: ScanReport): string {
  const ws = report.workspace.name;
  const { total, failing, unassessed } = resultTally(report);
  const controls = AREA_CONTROLS[area];
  const tail = unassessed > 0 ? `; ${plural(unassessed, 'result')} could not be assessed` : '';
  const counted = `${failing} of ${total} ${controls} fail${tail}.`;
  if (total === 0) return `I could not answer: no ${controls} apply to ${ws}.`;
  switch (area) {
    case 'public-network': {
      const workspaceCheck = report.findings.find((f) => f.checkId === 'AML-NET-001');
      const value = workspaceCheck?.evidence.find((e) => /publicNetworkAccess$/i.test(e.property))?.actual;
      if (workspaceCheck === undefined || workspaceCheck.status === 'error') {
        return `I could not tell: the workspace's publicNetworkAccess could not be read; ${counted}`;
      }
      if (workspaceCheck.status === 'fail') return `No — public network access is not off: ${ws} has publicNetworkAccess ${value ?? 'not set (the default is Enabled)'}; ${counted}`;
      if (failing > 0) return `Partly — public network access is off on ${ws} itself, but ${failing} of ${total} ${controls} fail (linked resources, computes or endpoints are still reachable)${tail}.`;
      return `Yes — public network access is off on ${ws}, and all ${plural(total, 'public-access check result')} pass${tail}.`;
    }
    case 'rbac': {
      // "who has Owner on ws-prod?" is answered first: the Owner check's evidence names them.
      const owners = report.findings.find((f) => f.checkId === 'AML-PRA-006')?.evidence.find((e) => e.property === 'Owners')?.actual;
      const lead = owners !== undefined ? `Owners of the subscription: ${owners}. ` : '';
      if (failing > 0) return `${lead}No — role assignments on ${ws} are not least privilege: ${counted}`;
      return `${lead}Yes — role assignments on ${ws} pass all ${plural(total, 'RBAC check result')}${tail}.`;
    }
    case 'defender': {
      const off = [...new Set(report.findings.filter((f) => f.status === 'fail').flatMap((f) => /\/pricings\/([^/]+)$/i.exec(f.resourceId)?.[1] ?? []))];
      const plans = off.length > 0 ? ` (plans not on: ${off.join(', ')})` : '';
      if (failing > 0) return `No — Defender for Cloud does not fully protect ${ws}: ${failing} of ${total} ${controls} fail${plans}${tail}.`;
      return `Yes — Defender for Cloud protects ${ws}: all ${plural(total, 'Defender check result')} pass${tail}.`;
    }
  }
}

/** A Defender plan as the status wording reads it; `condition` marks one needed only where workspaces use what it protects. */
interface PlanVerdict {
  readonly plan: string;
  readonly status: Status;
  readonly tier: string | undefined;
  readonly condition?: string;
}

/**
 * A subscription alone cannot say whether a conditional plan is needed (a scan of a workspace that does not use AI
 * services calls AML-LT-005 not applicable), so the counts are of the plans the baseline asks for unconditionally.
 */
function requiredPlans<P extends { readonly condition?: string }>(plans: readonly P[]): readonly P[] {
  return plans.filter((p) => p.condition === undefined);
}

/** The badge of one plan on the Defender card: a conditional plan says when it is needed, not a verdict. */
export function defenderPlanBadge(plan: { readonly checkId: string; readonly status: Status; readonly condition?: string }): string {
  if (plan.condition === undefined) return `${plan.checkId} · ${STATUS_LABELS[plan.status]}`;
  const on = plan.status === 'pass' ? 'on' : plan.status === 'error' ? 'not read' : 'not on';
  return `${plan.checkId} · Conditional (${on}): ${plan.condition}`;
}

/** The short line a Defender plans card opens with ("5 of 5 required plans not fully on"); the sentence below explains. */
export function defenderHeadline(status: { readonly plans: readonly { readonly status: Status; readonly condition?: string }[] }): string {
  const required = requiredPlans(status.plans);
  const total = required.length;
  const off = required.filter((p) => p.status === 'fail').length;
  const unread = required.filter((p) => p.status === 'error').length;
  if (off > 0) return `${off} of ${total} required plans not fully on`;
  if (unread > 0) return `${unread} of ${total} required plans could not be read`;
  return `All ${total} required plans on`;
}

function conditionalTail(plans: readonly PlanVerdict[]): string {
  const notOn = plans.filter((p) => p.condition !== undefined && p.status !== 'pass');
  if (notOn.length === 0) return '';
  const list = notOn.map((p) => `${p.plan} (${p.status === 'error' ? 'could not be read' : (p.tier ?? 'not enabled')}; ${p.condition ?? ''})`).join(', ');
  return ` Not on, and needed only where workspaces use what they protect: ${list}.`;
}

/** The first line of "defender status for subscription <id>": which required plans are not on, then the conditional ones. */
export function defenderStatusSentence(status: { readonly subscription: string; readonly plans: readonly PlanVerdict[] }): string {
  const required = requiredPlans(status.plans);
  const off = required.filter((p) => p.status === 'fail');
  const unread = required.filter((p) => p.status === 'error');
  const total = required.length;
  const tail = unread.length > 0 ? `; ${plural(unread.length, 'plan')} could not be read` : '';
  const conditional = conditionalTail(status.plans);
  if (off.length > 0) {
    const list = off.map((p) => `${p.plan} (${p.tier ?? 'not enabled'})`).join(', ');
    return `No — ${off.length} of ${total} Defender plans the baseline asks for in every subscription are not fully on in ${status.subscription}: ${list}${tail}.${conditional}`;
  }
  if (unread.length > 0) return `I could not tell: ${unread.length} of ${total} Defender plans the baseline asks for in every subscription could not be read in ${status.subscription}.${conditional}`;
  return `Yes — all ${total} Defender plans the baseline asks for in every subscription are on in ${status.subscription}.${conditional}`;
}
