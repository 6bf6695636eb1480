/**
 * `guardian scan --format markdown`: a report to attach to a ticket. Same sentences as the cards (wording.ts):
 * a summary table, failures by category with an evidence table, the `az` fix in code blocks, Learn links.
 */
import type { Finding, ScanReport } from '../checks/types';
import { CATEGORIES, SEVERITIES, STATUSES } from '../checks/types';
import type { CheckLookup } from './catalog';
import { actionable, failuresBySeverity, sortFindings, tallyByCategory } from './order';
import {
  fixCommand,
  HEADINGS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  categoryTitle,
  findingBadge,
  findingSentence,
  findingSubtitle,
  fixIntro,
  portalSteps,
  scannedAtSentence,
  scoreSentence,
  summarySentence,
  verdictSentence,
  whyItMatters,
  workshopSentence,
} from './wording';

/** Inline markdown text: backslash-escape punctuation that GitHub/Azure DevOps markdown would interpret. */
export function mdInline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_~[\]<>|#{}!]/g, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+])/, '\\$1');
}

function fence(text: string): string {
  // A fence longer than any run of backticks inside, so the command cannot close it.
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}sh\n${text.replace(/[\r\n]+/g, ' ')}\n${ticks}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function findingSection(f: Finding, lookup: CheckLookup | undefined): string[] {
  const lines = [`#### ${mdInline(f.title)}`, '', `**${mdInline(findingBadge(f))}** · ${mdInline(findingSubtitle(f))}`, '', mdInline(findingSentence(f)), ''];
  lines.push(`Resource: \`${f.resourceId.replace(/`/g, "'")}\``, '');
  if (f.evidence.length > 0) {
    lines.push(`**${HEADINGS.evidence}**`, '');
    lines.push(...table(['Property', 'Actual', 'Expected'], f.evidence.map((e) => [mdInline(e.property), mdInline(e.actual), mdInline(e.expected)])), '');
  }
  lines.push(`**${HEADINGS.why}**: ${mdInline(whyItMatters(lookup?.(f.checkId)))}`, '');
  lines.push(`**${HEADINGS.fix}**: ${mdInline(fixIntro(f))}`, '');
  if (f.status !== 'error') {
    portalSteps(f).forEach((step, i) => lines.push(`${i + 1}. ${mdInline(step)}`));
    if (portalSteps(f).length > 0) lines.push('');
    const command = fixCommand(f);
    if (command !== undefined) lines.push(fence(command), '');
  }
  lines.push(`[Microsoft Learn](${encodeURI(f.remediation.url).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`);
  const workshop = workshopSentence(f);
  if (workshop !== undefined) lines.push('', mdInline(workshop));
  lines.push('');
  return lines;
}

export function renderMarkdown(report: ScanReport, lookup?: CheckLookup): string {
  const lines: string[] = [];
  lines.push(`# ${HEADINGS.summary}: ${mdInline(report.workspace.name)}`, '');
  lines.push(mdInline(scannedAtSentence(report)), '');
  lines.push(`Workspace: \`${report.workspace.id.replace(/`/g, "'")}\``, '');
  lines.push(`**${mdInline(verdictSentence(report))}**`, '');
  lines.push(mdInline(summarySentence(report)), '');
  lines.push(mdInline(scoreSentence(report)), '');
  lines.push(...table(['Status', 'Count'], STATUSES.map((s) => [STATUS_LABELS[s], String(report.summary[s])])), '');
  const severity = failuresBySeverity(report);
  lines.push(...table(['Severity', 'Failed'], [...SEVERITIES].reverse().map((s) => [SEVERITY_LABELS[s], String(severity[s])])), '');
  lines.push(`## ${HEADINGS.byCategory}`, '');
  lines.push(
    ...table(
      ['Category', STATUS_LABELS.fail, STATUS_LABELS.error, STATUS_LABELS.accepted, STATUS_LABELS.pass, STATUS_LABELS.manual, STATUS_LABELS.not_applicable],
      tallyByCategory(report).map(({ category, counts }) => [
        categoryTitle(category),
        String(counts.fail),
        String(counts.error),
        String(counts.accepted),
        String(counts.pass),
        String(counts.manual),
        String(counts.not_applicable),
      ]),
    ),
    '',
  );
  const needing = actionable(report);
  lines.push(`## ${HEADINGS.findings}`, '');
  if (needing.length === 0) lines.push(mdInline(verdictSentence(report)), '');
  for (const category of CATEGORIES) {
    const inCategory = needing.filter((f) => f.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`### ${categoryTitle(category)}`, '');
    for (const f of inCategory) lines.push(...findingSection(f, lookup));
  }
  const accepted = sortFindings(report.findings.filter((f) => f.status === 'accepted'));
  if (accepted.length > 0) {
    lines.push(`## ${HEADINGS.accepted}`, '');
    lines.push(
      ...table(
        ['Check', 'Severity', 'Resource', 'Owner', 'Expires', 'Reason'],
        accepted.map((f) => [mdInline(f.checkId), SEVERITY_LABELS[f.severity], `\`${f.resourceId.replace(/`/g, "'")}\``, mdInline(f.exception?.owner ?? ''), f.exception?.expires ?? '', mdInline(f.exception?.reason ?? '')]),
      ),
      '',
    );
  }
  const rest = sortFindings(report.findings.filter((f) => f.status !== 'fail' && f.status !== 'error' && f.status !== 'accepted'));
  if (rest.length > 0) {
    lines.push('## Other results', '');
    lines.push(...table(['Check', 'Status', 'Result'], rest.map((f) => [mdInline(f.checkId), STATUS_LABELS[f.status], mdInline(f.message)])), '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
