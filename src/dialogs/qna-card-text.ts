/**
 * Turns the knowledge base's own (trusted) Markdown into Adaptive Card elements: TextBlocks render only a Markdown
 * subset, so headings become bold blocks, code fences monospace blocks and tables simple lines.
 * Never pass user text here: user text goes through src/cards/escape.ts.
 */
export type CardElement = Record<string, unknown>;

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function tableRow(line: string): string | undefined {
  const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  if (cells.every((c) => /^:?-{2,}:?$/.test(c))) return undefined;
  return `- ${cells.join(' — ')}`;
}

export function markdownToCardElements(markdown: string): CardElement[] {
  const elements: CardElement[] = [];
  const parts = markdown.split(/```[a-z]*\n?/);
  parts.forEach((part, i) => {
    const code = i % 2 === 1;
    if (code) {
      const text = part.trim();
      if (text.length > 0) elements.push(textBlock(text, { fontType: 'Monospace', size: 'Small' }));
      return;
    }
    for (const paragraph of part.split(/\n\s*\n/)) {
      const lines = paragraph.split('\n').filter((l) => l.trim().length > 0);
      if (lines.length === 0) continue;
      const heading = /^#{1,6}\s+(.*)$/.exec(lines[0] ?? '');
      if (heading !== null && lines.length === 1) {
        elements.push(textBlock(heading[1] ?? '', { weight: 'Bolder' }));
        continue;
      }
      const text = lines
        .map((line) => (line.trim().startsWith('|') ? tableRow(line) : line))
        .filter((line): line is string => line !== undefined)
        .join('\n');
      elements.push(textBlock(text));
    }
  });
  return elements;
}
