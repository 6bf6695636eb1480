/**
 * Turns the knowledge base's own (trusted) Markdown into Adaptive Card elements: TextBlocks render only a Markdown
 * subset, so headings become bold blocks and tables simple lines. Code fences become code blocks
 * (src/cards/code-block.ts): TextRuns that are not Markdown, so a command keeps its `<ws>` placeholders, its `\`
 * continuations and its line breaks, and copies exactly as the knowledge file writes it.
 * Never pass user text here: user text goes through src/cards/escape.ts.
 */
import { codeBlock } from '../cards/code-block';

export type CardElement = Record<string, unknown>;

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function tableRow(line: string): string | undefined {
  const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  if (cells.every((c) => /^:?-{2,}:?$/.test(c))) return undefined;
  return `- ${cells.join(' — ')}`;
}

/** A fenced block (```lang … ```), at the start of a line; the text between the fences is the code. */
const FENCE = /^```[a-z]*[ \t]*\n([\s\S]*?)\n?^```[ \t]*$/gm;

export interface MarkdownPart {
  readonly kind: 'prose' | 'code';
  readonly text: string;
}

/** The Markdown split into prose and fenced code, in order (the code without its fences). */
export function markdownParts(markdown: string): MarkdownPart[] {
  const parts: MarkdownPart[] = [];
  let last = 0;
  for (const match of markdown.matchAll(FENCE)) {
    parts.push({ kind: 'prose', text: markdown.slice(last, match.index) });
    parts.push({ kind: 'code', text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  parts.push({ kind: 'prose', text: markdown.slice(last) });
  return parts.filter((part) => part.text.trim().length > 0);
}

function proseElements(prose: string): CardElement[] {
  return prose.split(/\n\s*\n/).flatMap((paragraph) => {
    const lines = paragraph.split('\n').filter((l) => l.trim().length > 0);
    if (lines.length === 0) return [];
    const heading = /^#{1,6}\s+(.*)$/.exec(lines[0] ?? '');
    if (heading !== null && lines.length === 1) return [textBlock(heading[1] ?? '', { weight: 'Bolder' })];
    const text = lines
      .map((line) => (line.trim().startsWith('|') ? tableRow(line) : line))
      .filter((line): line is string => line !== undefined)
      .join('\n');
    return [textBlock(text)];
  });
}

export function markdownToCardElements(markdown: string): CardElement[] {
  return markdownParts(markdown).flatMap((part) => (part.kind === 'code' ? [codeBlock(part.text)] : proseElements(part.text)));
}
