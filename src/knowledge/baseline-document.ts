/**
 * Compiles the customer's security baseline as one Markdown document: per category, the participants' workshop
 * answers, the reference guidance, and — when a scan report is given — the current findings. The same function
 * serves the bot (file offered in chat) and `guardian baseline`.
 */
import { CATEGORIES, CATEGORY_TITLES, type Category, type Finding, type ScanReport, type Status } from '../checks/types';
import type { KnowledgeContent } from './content-types';
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

const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'manual', 'pass', 'not_applicable'];

function emptyCounts(): Record<Status, number> {
  return { pass: 0, fail: 0, error: 0, not_applicable: 0, manual: 0 };
}

/** Per-category counts, for the summary card and the document's table. */
export function summarizeBaseline(input: Omit<BaselineInput, 'generatedAt'>): CategorySummary[] {
  return CATEGORIES.map((category) => {
    const questions = input.content.questions.filter((q) => q.category === category);
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

export function buildBaselineDocument(input: BaselineInput): BaselineDocument {
  const generatedAt = input.generatedAt ?? new Date();
  const date = generatedAt.toISOString().slice(0, 10);
  const { content, workshop, report } = input;
  const lines: string[] = ['# Azure Machine Learning security baseline', ''];
  lines.push(`Generated ${generatedAt.toISOString()} by Baseline Guardian.`, '');
  if (workshop !== undefined) {
    const participants = new Set(Object.values(workshop.answers).flatMap((list) => list.map((a) => a.userName ?? a.userId)));
    lines.push(`Workshop: ${Object.keys(workshop.answers).length} of ${workshop.questionIds.length} prompts answered by ${participants.size} participant(s).`, '');
  } else {
    lines.push('Workshop: no participant answers recorded — this is the reference baseline.', '');
  }
  if (report !== undefined) {
    lines.push(`Scan: ${escapeMarkdownInline(report.workspace.name, 200)} (\`${report.workspace.id}\`) at ${report.scannedAt}, check set ${report.checkSetVersion}.`, '');
  }

  lines.push('## Summary', '', report !== undefined ? '| Category | Prompts answered | Failed | Errors | Passed |' : '| Category | Prompts answered |');
  lines.push(report !== undefined ? '|---|---|---|---|---|' : '|---|---|');
  for (const s of summarizeBaseline({ content, ...(workshop !== undefined ? { workshop } : {}), ...(report !== undefined ? { report } : {}) })) {
    const base = `| ${s.title} | ${s.answered} / ${s.prompts} |`;
    lines.push(s.findings !== undefined ? `${base} ${s.findings.fail} | ${s.findings.error} | ${s.findings.pass} |` : base);
  }
  lines.push('');

  for (const category of CATEGORIES) {
    lines.push(`## ${CATEGORY_TITLES[category]}`, '');
    const explainer = content.categories.get(category);
    if (explainer !== undefined) lines.push(explainer.body, '');
    for (const question of content.questions.filter((q) => q.category === category)) {
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
        lines.push('Learn more: ' + entry.learn.map((url) => `<${url}>`).join(' · '), '');
        if (entry.checks.length > 0) lines.push(`Related checks: ${entry.checks.join(', ')}`, '');
      }
    }
    if (report !== undefined) {
      lines.push(`**Current findings — ${CATEGORY_TITLES[category]}**`, '', ...findingsTable(report.findings.filter((f) => f.category === category)));
    }
  }
  const workspacePart = report !== undefined ? `-${slug(report.workspace.name)}` : '';
  return { fileName: `aml-security-baseline${workspacePart}-${date}.md`, markdown: `${lines.join('\n').trimEnd()}\n` };
}
