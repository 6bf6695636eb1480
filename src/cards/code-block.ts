/**
 * A command to copy (an `az` command, a lab step), shown in monospace without markdown: one RichTextBlock with
 * a single monospace TextRun per line, in an emphasis container. TextRun text is not markdown-processed by
 * Adaptive Card hosts (Teams included), so `<workspace>`, `allow_only_approved_outbound` and `${environment}`
 * show — and copy — as written; a TextBlock would need backslash escapes that Teams does not document and that
 * end up in the copied command. `guardian chat` prints RichTextBlock inlines as plain text.
 */
import { codeRunText } from './escape';
import { isRecord } from '../shared/is-record';

type Element = Record<string, unknown>;

export interface CodeBlockOptions {
  /** Spacing above the block (Adaptive Card spacing); default `Small`. */
  readonly spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  /** Most lines shown; the rest is cut with a last line "…". Default 40. */
  readonly maxLines?: number;
  /** Most characters per line. Default 1500. */
  readonly maxLineChars?: number;
}

/**
 * The lines of a command as TextRun texts (codeRunText each): split on newlines, at most `maxLines` (the rest cut
 * with a last line "…"); an empty line keeps its place as a single space.
 */
export function codeLines(code: string, maxLines = 40, maxLineChars = 1500): string[] {
  const all = code.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '').split('\n');
  const lines = all.length > Math.max(1, maxLines) ? [...all.slice(0, Math.max(1, maxLines) - 1), '…'] : all;
  return lines.map((line) => codeRunText(line, maxLineChars) || ' ');
}

/** The RichTextBlock of one line (already codeRunText'd, e.g. from codeLines). */
function codeLineBlock(text: string): Element {
  return { type: 'RichTextBlock', spacing: 'None', inlines: [{ type: 'TextRun', text, fontType: 'Monospace', size: 'Small' }] };
}

/** The block for a command of one or more lines (split on newlines). */
export function codeBlock(code: string, options: CodeBlockOptions = {}): Element {
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: options.spacing ?? 'Small',
    items: codeLines(code, options.maxLines, options.maxLineChars).map(codeLineBlock),
  };
}

/** The command as the block carries it (lines joined with newlines): what a user copies, for tests and chat. */
export function codeBlockText(block: Element): string {
  const items: readonly unknown[] = Array.isArray(block.items) ? block.items : [];
  return items.map((item) => (isRecord(item) && Array.isArray(item.inlines) ? runsText(item.inlines) : '')).join('\n');
}

function runsText(runs: readonly unknown[]): string {
  return runs.map((run) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
}
