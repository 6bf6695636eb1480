import { codeBlockText } from '../../src/cards/code-block';
import { checkById } from '../../src/checks/registry';
import { loadKnowledge } from '../../src/knowledge/content';
import { buildAnswerCard, buildCheckExplainerCard } from '../../src/dialogs/qna-cards';
import { markdownToCardElements } from '../../src/dialogs/qna-card-text';
import { cardSchemaErrors } from '../support/card-schema';
import { fencedBlocks } from '../support/az-commands';

const content = loadKnowledge();


/** The text of every code block (emphasis container of monospace runs) in a card, in order: what a user copies. */
function copiedCommands(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) copiedCommands(n, out);
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    const items = Array.isArray(o.items) ? (o.items as Record<string, unknown>[]) : [];
    if (o.type === 'Container' && items.length > 0 && items.every((i) => i.type === 'RichTextBlock')) out.push(codeBlockText(o));
    else for (const v of Object.values(o)) copiedCommands(v, out);
  }
  return out;
}

/** Lines of prose (outside fences) that are a whole `az` command: those could not be copied from a card. */
function proseCommands(markdown: string): string[] {
  let inFence = false;
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) inFence = !inFence;
    return !inFence && /^\s*(\$\s*)?az\s+[a-z]/.test(line);
  });
}

const entries = [...content.answers.values(), ...content.topics.values()];
const explainers = [...content.categories.values(), ...content.checks.values()];

describe('commands on answer cards', () => {
  it('the knowledge base has commands to copy (the test reads real content)', () => {
    expect(entries.flatMap((e) => fencedBlocks(e.body)).length).toBeGreaterThan(15);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s: every code block copies from the card byte for byte', (_id, entry) => {
    const card = buildAnswerCard(entry, checkById);
    expect(copiedCommands(card)).toEqual(fencedBlocks(entry.body));
    expect(cardSchemaErrors(card)).toEqual([]);
    // Never as Markdown, where <ws> vanishes and a "\" continuation is dropped.
    expect(JSON.stringify(card)).not.toMatch(/"type":"TextBlock","text":"az /);
  });

  it.each([...content.checks.values()].map((e) => [e.id, e] as const))('check explainer %s: every code block copies from its card byte for byte', (_id, explainer) => {
    const card = buildCheckExplainerCard(explainer, checkById);
    expect(copiedCommands(card)).toEqual(fencedBlocks(explainer.body));
    expect(cardSchemaErrors(card)).toEqual([]);
  });

  it.each([...content.categories.values()].map((e) => [e.id, e] as const))('category explainer %s: every code block copies from its card elements byte for byte', (_id, explainer) => {
    expect(copiedCommands(markdownToCardElements(explainer.body))).toEqual(fencedBlocks(explainer.body));
  });

  it.each([...entries, ...explainers].map((e) => [e.id, e] as const))('%s: writes every whole az command in a code block, not in prose', (_id, item) => {
    expect(proseCommands(item.body)).toEqual([]);
  });

  it('keeps placeholders, continuations and line breaks that Markdown would eat', () => {
    const command = 'az ml workspace update -n <ws> -g <rg> \\\n  --managed-network allow_only_approved_outbound\naz ml workspace provision-network -n <ws> -g <rg>';
    const elements = markdownToCardElements(`Run:\n\n\`\`\`bash\n${command}\n\`\`\`\n\nThen wait.`);
    expect(copiedCommands(elements)).toEqual([command]);
    expect(elements.filter((e) => e.type === 'TextBlock').map((e) => e.text)).toEqual(['Run:', 'Then wait.']);
  });
});
