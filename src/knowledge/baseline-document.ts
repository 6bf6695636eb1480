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
import { formatTime, isPartialScope, scopeTitle, STATUS_LABELS, type ReportScope } from '../report/wording';
import { escapeMarkdownInline } from './escape';
import type { WorkshopRecord } from './workshop-record';

export interface BaselineInput {
  readonly content: KnowledgeContent;
  /** The workshop of this conversation; absent: the reference baseline with empty participant answers. */
  readonly workshop?: WorkshopRecord;
  /** The last scan of this conversation. */
  readonly report?: ScanReport;
  /** What that scan covered (absent: the whole baseline); a partial scan's other categories are not reported as 0/0. */
  readonly scanScope?: ReportScope;
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
  /** Findings per status, when a report was given and its scan checked this category. */
  readonly findings?: Readonly<Record<Status, number>>;
  /** A partial scan was given that did not check this category. */
  readonly notScanned?: true;
}

const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'accepted', 'manual', 'pass', 'not_applicable'];

/**
 * The counts a baseline summary shows per category, in the product's words: an accepted risk is its own column,
 * so every finding that needs a decision is counted somewhere, and a read that failed is "not assessed".
 */
export const SUMMARY_COLUMNS: readonly { readonly status: Status; readonly label: string }[] = (['fail', 'error', 'accepted', 'pass'] as const).map((status) => ({
  status,
  label: status === 'accepted' ? 'Accepted' : STATUS_LABELS[status],
}));

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

/** How a partial scan is named wherever the baseline shows its findings; undefined for a full scan. */
export function partialScanLabel(scanScope: ReportScope | undefined): string | undefined {
  return isPartialScope(scanScope) ? `partial scan: ${scopeTitle(scanScope)} only` : undefined;
}

/** The categories a scan checked: all of them for a full scan, else those its findings (or its named category) cover. */
function scannedCategories(report: ScanReport, scanScope: ReportScope | undefined): ReadonlySet<Category> {
  if (!isPartialScope(scanScope)) return new Set(CATEGORIES);
  const categories = new Set(report.findings.map((f) => f.category));
  if (scanScope?.kind === 'category') categories.add(scanScope.category);
  return categories;
}

/** Per-category counts over the categories the document covers, for the summary card and the document's table. */
export function summarizeBaseline(input: Omit<BaselineInput, 'generatedAt'>): CategorySummary[] {
  const scope = baselineScope(input.content, input.workshop);
  return scope.categories.map((category) => {
    const questions = input.content.questions.filter((q) => q.category === category && scope.questionIds.has(q.id));
    const answered = questions.filter((q) => (input.workshop?.answers[q.id]?.length ?? 0) > 0).length;
    const base = { category, title: CATEGORY_TITLES[category], prompts: questions.length, answered };
    if (input.report === undefined) return base;
    if (!scannedCategories(input.report, input.scanScope).has(category)) return { ...base, notScanned: true };
    const findings = emptyCounts();
    for (const f of input.report.findings) if (f.category === category) findings[f.status] += 1;
    return { ...base, findings };
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
  const { content, workshop, report, scanScope } = input;
  const scope = baselineScope(content, workshop);
  const summaries = summarizeBaseline(input);
  const partial = partialScanLabel(scanScope);
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
    lines.push(`Scan: ${escapeMarkdownInline(report.workspace.name, 200)} (\`${report.workspace.id}\`) at ${formatTime(report.scannedAt)}, check set ${report.checkSetVersion}${partial !== undefined ? ` — ${partial}; categories it did not check show "not checked"` : ''}.`, '');
  }

  const columns = report !== undefined ? SUMMARY_COLUMNS : [];
  lines.push('## Summary', '', `| Category | Prompts answered |${columns.map((c) => ` ${c.label} |`).join('')}`);
  lines.push(`|---|---|${columns.map(() => '---|').join('')}`);
  for (const s of summaries) {
    const base = `| ${s.title} | ${s.answered} / ${s.prompts} |`;
    const { findings } = s;
    if (findings !== undefined) lines.push(`${base}${columns.map((c) => ` ${findings[c.status]} |`).join('')}`);
    else lines.push(s.notScanned === true ? `${base}${columns.map(() => ' not checked |').join('')}` : base);
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
      const checked = summaries.find((s) => s.category === category)?.notScanned !== true;
      const table = checked ? findingsTable(report.findings.filter((f) => f.category === category)) : ['_Not checked by this partial scan._', ''];
      lines.push(`**Current findings — ${CATEGORY_TITLES[category]}**`, '', ...table);
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
