/**
 * `guardian scan --format table` (the default): a readable summary for a terminal. Colour only when the
 * output is a TTY (the caller decides); no escape codes in files or pipes.
 */
import type { Finding, ScanReport, Status } from '../checks/types';
import { actionable, needsAction, sortFindings, tallyByCategory } from './order';
import {
  acceptedSentence,
  categoryTitle,
  evidenceSentence,
  findingBadge,
  fixCommand,
  scannedAtSentence,
  scoreSentence,
  summarySentence,
  truncatedSentence,
  verdictSentence,
} from './wording';

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
const STATUS_PAINT: Readonly<Record<Status, keyof typeof CODES>> = { fail: 'red', error: 'yellow', pass: 'green', manual: 'dim', not_applicable: 'dim', accepted: 'dim' };

// Terminal output must not carry control characters from Azure-side strings.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function clean(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/**
 * Breaks `text` into lines of at most `width` characters at spaces, so that no fact is cut mid-word; a single
 * word longer than the line (a resource id, a URL) is kept whole on its own line rather than broken.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Wrapped lines, each with the indent. */
function indented(text: string, width: number, indent = '    '): string[] {
  return wrapWords(clean(text), Math.max(20, width - indent.length)).map((l) => `${indent}${l}`);
}

/**
 * Evidence rows shown per finding: a role-assignment check can carry dozens, which would bury the next finding.
 * The rest are counted, never dropped silently; one hidden row is shown instead, as it takes the line its count would.
 */
const EVIDENCE_ROWS = 3;

function evidenceLines(f: Finding, width: number): string[] {
  const shown = f.evidence.length <= EVIDENCE_ROWS + 1 ? f.evidence : f.evidence.slice(0, EVIDENCE_ROWS);
  const lines = shown.flatMap((e) => indented(evidenceSentence(e), width));
  const hidden = f.evidence.length - shown.length;
  return hidden > 0 ? [...lines, ...indented(truncatedSentence(hidden), width)] : lines;
}

const COUNT_COLUMNS: readonly { readonly status: Status; readonly title: string }[] = [
  { status: 'fail', title: 'Failed' },
  { status: 'error', title: 'Not assessed' },
  { status: 'accepted', title: 'Accepted' },
  { status: 'manual', title: 'Manual' },
  { status: 'not_applicable', title: 'N/A' },
  { status: 'pass', title: 'Passed' },
];

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
  out.push([`${'Category'.padEnd(nameWidth)}`, ...COUNT_COLUMNS.map((c) => c.title)].join('  '));
  for (const { category, counts } of categories) {
    const cells = COUNT_COLUMNS.map(({ status, title }) => {
      const cell = String(counts[status]).padStart(title.length);
      return status === 'fail' && counts.fail > 0 ? paint('red', cell) : cell;
    });
    out.push([categoryTitle(category).padEnd(nameWidth), ...cells].join('  '));
  }
  out.push('');
  // Accepted risks are listed after what needs action, with their owner and expiry, so they stay in sight.
  const accepted = sortFindings(report.findings.filter((f) => f.status === 'accepted'));
  const others = options.all === true ? report.findings.filter((f) => !needsAction(f) && f.status !== 'accepted') : [];
  const rows: Finding[] = [...actionable(report), ...accepted, ...others];
  for (const f of rows) {
    // The badge and id lead; the title and the key fact wrap under them rather than losing their ends.
    const [firstTitle = '', ...moreTitle] = wrapWords(clean(f.title), Math.max(20, width - 42));
    out.push(`${paint(STATUS_PAINT[f.status], findingBadge(f).padEnd(28))} ${f.checkId.padEnd(12)} ${firstTitle}`.trimEnd());
    for (const l of moreTitle) out.push(`${' '.repeat(42)}${l}`);
    out.push(...indented(f.message, width));
    if (f.exception !== undefined) out.push(...indented(acceptedSentence(f.exception), width));
    out.push(...evidenceLines(f, width).map((l) => paint('dim', l)));
    const command = f.status === 'fail' ? fixCommand(f) : undefined;
    if (command !== undefined) out.push(`    fix: ${clean(command)}`);
    if (f.status === 'fail') out.push(paint('dim', `    ${f.remediation.url}`));
  }
  out.push('');
  out.push(paint(report.summary.fail > 0 ? 'red' : report.summary.error > 0 ? 'yellow' : 'green', clean(verdictSentence(report))));
  return `${out.join('\n')}\n`;
}
