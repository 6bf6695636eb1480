import { codeBlock, codeBlockText, codeLines } from '../../src/cards/code-block';
import { fixCommand } from '../../src/report/wording';
import { findingCard } from '../../src/cards/finding-card';
import { allChecks } from '../../src/checks/registry';
import { findingOf, WORKSPACE_ID } from '../support/report-fixtures';
import { cardSchemaErrors } from '../support/card-schema';

const scan = { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID };

/** Every TextRun text in a card, in order. */
function runs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) runs(n, out);
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextRun' && typeof o.text === 'string') out.push(o.text);
    for (const v of Object.values(o)) runs(v, out);
  }
  return out;
}

describe('codeBlock', () => {
  it('puts each line in a monospace TextRun, with no markdown escapes', () => {
    const command = 'az ml workspace update -n <ws> \\\n  --managed-network allow_only_approved_outbound';
    const block = codeBlock(command);
    expect(block).toMatchObject({ type: 'Container', style: 'emphasis' });
    expect(codeBlockText(block)).toBe(command);
    expect(JSON.stringify(block)).toContain('"fontType":"Monospace"');
    const card = { type: 'AdaptiveCard', version: '1.5', body: [block] };
    expect(cardSchemaErrors(card)).toEqual([]);
  });

  it('keeps empty lines and cuts long blocks with a last "…"', () => {
    expect(codeLines('a\n\nb')).toEqual(['a', ' ', 'b']);
    expect(codeLines(Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n'), 5)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', '…']);
  });
});

describe('the az command on every finding card', () => {
  it.each(allChecks.filter((c) => c.remediation.cli !== undefined).map((c) => [c.id, c] as const))('%s: copies exactly as filled from the finding', (_id, check) => {
    const finding = findingOf(check, 'fail');
    const card = findingCard(finding, { scan, info: check });
    expect(runs(card).join('\n')).toBe(fixCommand(finding));
    // The command is nowhere as markdown (a TextBlock would need escapes that get copied).
    expect(JSON.stringify(card)).not.toMatch(/"type":"TextBlock","text":"az /);
  });
});
