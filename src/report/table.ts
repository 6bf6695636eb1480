/**
 * `guardian scan --format table` (the default): a readable summary for a terminal. Colour only when the
 * output is a TTY (the caller decides); no escape codes in files or pipes.
 */
import type { Finding, ScanReport, Status } from '../checks/types';
import { actionable, tallyByCategory } from './order';
import { categoryTitle, evidenceSentence, findingBadge, scannedAtSentence, scoreSentence, summarySentence, verdictSentence } from './wording';

export interface TableOptions {
  readonly color: boolean;
  /** Terminal width; default 100. */
  readonly width?: number;
  /** Show passed and other results too, not only what needs action. */
  readonly all?: boolean;
}

const CODES: Readonly<Record<'red' | 'yellow' | 'green' | 'dim' | 'bold', string>> = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  green: '\u001b[32m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
};
const STATUS_PAINT: Readonly<Record<Status, keyof typeof CODES>> = { fail: 'red', error: 'yellow', pass: 'green', manual: 'dim', not_applicable: 'dim' };

// Terminal output must not carry control characters from Azure-side strings.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function clean(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export function renderTable(report: ScanReport, options: TableOptions): string {
  const width = Math.max(60, options.width ?? 100);
  const paint = (code: keyof typeof CODES, text: string): string => (options.color ? `${CODES[code]}${text}\u001b[0m` : text);
  const out: string[] = [];
  out.push(paint('bold', clean(`Baseline Guardian: ${report.workspace.name}`)));
  out.push(clean(scannedAtSentence(report)));
  out.push(clean(summarySentence(report)));
  out.push(clean(scoreSentence(report)));
  out.push('');
  const categories = tallyByCategory(report);
  const nameWidth = Math.max(8, ...categories.map((c) => categoryTitle(c.category).length));
  out.push(`${'Category'.padEnd(nameWidth)}  ${'Failed'.padStart(6)}  ${'N/A'.padStart(4)}  ${'Not assessed'.padStart(12)}  ${'Passed'.padStart(6)}`);
  for (const { category, counts } of categories) {
    const failed = String(counts.fail).padStart(6);
    out.push(
      `${categoryTitle(category).padEnd(nameWidth)}  ${counts.fail > 0 ? paint('red', failed) : failed}  ${String(counts.not_applicable).padStart(4)}  ${String(counts.error).padStart(12)}  ${String(counts.pass).padStart(6)}`,
    );
  }
  out.push('');
  const rows: Finding[] = options.all === true ? actionable(report).concat(report.findings.filter((f) => f.status !== 'fail' && f.status !== 'error')) : actionable(report);
  for (const f of rows) {
    out.push(`${paint(STATUS_PAINT[f.status], cut(findingBadge(f), 28).padEnd(28))} ${f.checkId}  ${clean(cut(f.title, width - 40))}`);
    out.push(`    ${clean(cut(f.message, width - 4))}`);
    for (const e of f.evidence.slice(0, 3)) out.push(paint('dim', `    ${clean(cut(evidenceSentence(e), width - 4))}`));
    if (f.status === 'fail' && f.remediation.cli !== undefined) out.push(`    fix: ${clean(f.remediation.cli)}`);
    if (f.status === 'fail') out.push(paint('dim', `    ${f.remediation.url}`));
  }
  out.push('');
  out.push(paint(report.summary.fail > 0 ? 'red' : report.summary.error > 0 ? 'yellow' : 'green', clean(verdictSentence(report))));
  return `${out.join('\n')}\n`;
}
