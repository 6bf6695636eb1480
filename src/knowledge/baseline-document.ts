/**
 * Compiles the customer's security baseline as one Markdown document: per category, the participants' workshop
 * answers, the reference guidance, and — when a scan report is given — the current findings. The same function
 * serves the bot (file offered in chat) and `guardian baseline`.
 *
 * With a workshop, the document covers what the workshop covered: its categories and its prompts, so that the
 * header ("2 of 10 prompts answered") and the summary agree. Findings in other categories get a section of their
 * own. Without a workshop it is the reference baseline of all 25 prompts. Times read like the cards' ("2026-11-25
 * 21:07 UTC").
 */
import { CATEGORIES, CATEGORY_TITLES, type Category, type Finding, type ScanReport, type Status } from '../checks/types';
import type { KnowledgeContent } from './content-types';
import { formatTime } from '../report/wording';
import { escapeMarkdownInline } from './escape';
import type { WorkshopRecord } from './workshop-record';

export interface BaselineInput {
  readonly content: KnowledgeContent;
  /** The workshop of this conversation; absent: the reference baseline with empty participant answers. */
  readonly workshop?: WorkshopRecord;
  /** The last scan of this conversation. */
  readonly report?: ScanReport;
  readonly generatedAt?: Date;
}

export interface BaselineDocument {
  readonly fileName: string;
  readonly markdown: string;
}

export interface CategorySummary {
  readonly category: Category;
  readonly title: string;
  readonly prompts: number;
  readonly answered: number;
  /** Findings per status, when a report was given. */
  readonly findings?: Readonly<Record<Status, number>>;
}

const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'accepted', 'manual', 'pass', 'not_applicable'];

function emptyCounts(): Record<Status, number> {
  return { pass: 0, fail: 0, error: 0, not_applicable: 0, manual: 0, accepted: 0 };
}

/** The categories and prompts the document covers: the workshop's, or all of them for the reference baseline. */
export function baselineScope(content: KnowledgeContent, workshop: WorkshopRecord | undefined): { categories: Category[]; questionIds: Set<string> } {
  if (workshop === undefined) return { categories: [...CATEGORIES], questionIds: new Set(content.questions.map((q) => q.id)) };
  const questionIds = new Set(workshop.questionIds);
  const named = new Set<Category>([...workshop.categories, ...content.questions.filter((q) => questionIds.has(q.id)).map((q) => q.category)]);
  return { categories: CATEGORIES.filter((c) => named.has(c)), questionIds };
}

/** Per-category counts over the categories the document covers, for the summary card and the document's table. */
export function summarizeBaseline(input: Omit<BaselineInput, 'generatedAt'>): CategorySummary[] {
  const scope = baselineScope(input.content, input.workshop);
  return scope.categories.map((category) => {
    const questions = input.content.questions.filter((q) => q.category === category && scope.questionIds.has(q.id));
    const answered = questions.filter((q) => (input.workshop?.answers[q.id]?.length ?? 0) > 0).length;
    let findings: Record<Status, number> | undefined;
    if (input.report !== undefined) {
      findings = emptyCounts();
      for (const f of input.report.findings) if (f.category === category) findings[f.status] += 1;
    }
    return { category, title: CATEGORY_TITLES[category], prompts: questions.length, answered, ...(findings !== undefined ? { findings } : {}) };
  });
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

function findingsTable(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['_No findings in this category._', ''];
  const sorted = [...findings].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.checkId.localeCompare(b.checkId));
  return [
    '| Check | Status | Severity | Finding |',
    '|---|---|---|---|',
    ...sorted.map((f) => `| ${f.checkId} ${escapeMarkdownInline(f.title, 120)} | ${f.status} | ${f.severity} | ${escapeMarkdownInline(f.message, 300)} |`),
    '',
  ];
}

/** The decisions the baseline rests on: every accepted risk with its owner, expiry and reason. */
function acceptedRisks(findings: readonly Finding[]): string[] {
  const accepted = findings.filter((f) => f.status === 'accepted' && f.exception !== undefined);
  if (accepted.length === 0) return [];
  return [
    '## Accepted risks',
    '',
    '| Check | Resource | Owner | Expires | Reason |',
    '|---|---|---|---|---|',
    ...accepted.map((f) => `| ${f.checkId} ${escapeMarkdownInline(f.title, 120)} | \`${f.resourceId.replace(/[`|]/g, '')}\` | ${escapeMarkdownInline(f.exception?.owner ?? '', 120)} | ${f.exception?.expires ?? ''} | ${escapeMarkdownInline(f.exception?.reason ?? '', 300)} |`),
    '',
  ];
}

export function buildBaselineDocument(input: BaselineInput): BaselineDocument {
  const generatedAt = input.generatedAt ?? new Date();
  const date = generatedAt.toISOString().slice(0, 10);
  const { content, workshop, report } = input;
  const scope = baselineScope(content, workshop);
  const summaries = summarizeBaseline({ content, ...(workshop !== undefined ? { workshop } : {}), ...(report !== undefined ? { report } : {}) });
  const lines: string[] = ['# Azure Machine Learning security baseline', ''];
  lines.push(`Generated ${formatTime(generatedAt.toISOString())} by Baseline Guardian.`, '');
  if (workshop !== undefined) {
    const answers = [...scope.questionIds].flatMap((id) => workshop.answers[id] ?? []);
    const participants = new Set(answers.map((a) => a.userName ?? a.userId));
    const answered = summaries.reduce((sum, s) => sum + s.answered, 0);
    const prompts = summaries.reduce((sum, s) => sum + s.prompts, 0);
    const covered = scope.categories.length === CATEGORIES.length ? `all ${CATEGORIES.length} categories` : scope.categories.map((c) => CATEGORY_TITLES[c]).join(', ');
    lines.push(`Workshop: ${answered} of ${prompts} prompts answered by ${participants.size} participant(s); categories: ${covered}.`, '');
  } else {
    lines.push('Workshop: no participant answers recorded — this is the reference baseline.', '');
  }
  if (report !== undefined) {
    lines.push(`Scan: ${escapeMarkdownInline(report.workspace.name, 200)} (\`${report.workspace.id}\`) at ${formatTime(report.scannedAt)}, check set ${report.checkSetVersion}.`, '');
  }

  lines.push('## Summary', '', report !== undefined ? '| Category | Prompts answered | Failed | Errors | Passed |' : '| Category | Prompts answered |');
  lines.push(report !== undefined ? '|---|---|---|---|---|' : '|---|---|');
  for (const s of summaries) {
    const base = `| ${s.title} | ${s.answered} / ${s.prompts} |`;
    lines.push(s.findings !== undefined ? `${base} ${s.findings.fail} | ${s.findings.error} | ${s.findings.pass} |` : base);
  }
  lines.push('');
  const outside = CATEGORIES.filter((c) => !scope.categories.includes(c));
  if (outside.length > 0) lines.push(`Not covered by this workshop: ${outside.map((c) => CATEGORY_TITLES[c]).join(', ')}.`, '');

  for (const category of scope.categories) {
    lines.push(`## ${CATEGORY_TITLES[category]}`, '');
    const explainer = content.categories.get(category);
    if (explainer !== undefined) lines.push(explainer.body, '');
    for (const question of content.questions.filter((q) => q.category === category && scope.questionIds.has(q.id))) {
      const entry = content.answers.get(question.id);
      lines.push(`### ${question.id} — ${entry?.title ?? question.section}`, '', `> ${question.question}`, '');
      lines.push('**Participants\' answers**', '');
      const answers = workshop?.answers[question.id] ?? [];
      if (answers.length === 0) lines.push(workshop?.skipped.includes(question.id) === true ? '_Skipped._' : '_No answer recorded._');
      for (const a of answers) {
        const who = escapeMarkdownInline(a.userName ?? a.userId, 80);
        lines.push(`- **${who}**: ${escapeMarkdownInline(a.text)} _(covers ${a.covered.length} of ${a.covered.length + a.missed.length} key points)_`);
      }
      lines.push('');
      if (entry !== undefined) {
        lines.push('**Reference guidance**', '', ...entry.keyPoints.map((p) => `- ${p}`), '', entry.body, '');
        lines.push('Learn more:', '', ...entry.learn.map((link) => `- [${link.title}](<${link.url}>)`), '');
        if (entry.checks.length > 0) lines.push(`Related checks: ${entry.checks.map((id) => `${content.checks.get(id)?.title ?? id} (${id})`).join('; ')}`, '');
      }
    }
    if (report !== undefined) {
      lines.push(`**Current findings — ${CATEGORY_TITLES[category]}**`, '', ...findingsTable(report.findings.filter((f) => f.category === category)));
    }
  }
  const outsideFindings = report?.findings.filter((f) => outside.includes(f.category)) ?? [];
  if (outsideFindings.length > 0) {
    lines.push('## Findings in categories outside this workshop', '');
    for (const category of outside) {
      const findings = outsideFindings.filter((f) => f.category === category);
      if (findings.length > 0) lines.push(`**${CATEGORY_TITLES[category]}**`, '', ...findingsTable(findings));
    }
  }
  lines.push(...acceptedRisks(report?.findings ?? []));
  const workspacePart = report !== undefined ? `-${slug(report.workspace.name)}` : '';
  return { fileName: `aml-security-baseline${workspacePart}-${date}.md`, markdown: `${lines.join('\n').trimEnd()}\n` };
}
