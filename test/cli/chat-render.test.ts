import { plainMarkdown, renderCard } from '../../src/cli/chat-render';

/** A bar segment as the cards draw it: an empty column, coloured by its style, as wide as its weight. */
const barColumn = (width: number, style: string) => ({ type: 'Column', width, style, minHeight: '8px', items: [] });

describe('chat rendering', () => {
  it('draws a progress bar in proportion, with its count', () => {
    const card = { body: [{ type: 'ColumnSet', columns: [barColumn(3, 'accent'), barColumn(5, 'emphasis')] }] };
    expect(renderCard(card).lines).toEqual([`${'█'.repeat(8)}${'░'.repeat(12)} 3/8`]);
  });

  it('draws a bar of statuses with one glyph per colour, every present segment visible', () => {
    const card = { body: [{ type: 'ColumnSet', columns: [barColumn(1, 'attention'), barColumn(38, 'good'), barColumn(1, 'emphasis')] }] };
    const [line] = renderCard(card).lines;
    expect(line).toHaveLength(20);
    expect(line).toMatch(/^█▒+░$/);
  });

  it('shows Markdown text plainly and code in TextRuns verbatim', () => {
    const card = {
      body: [
        { type: 'TextBlock', text: 'az ml workspace update -n \\<ws\\> --managed-network allow\\_only\\_approved\\_outbound', fontType: 'Monospace' },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'name: mlw-${environment}\n--flag \\<x\\>', fontType: 'Monospace' }] },
        { type: 'TextBlock', text: 'See [Learn](https://learn.microsoft.com/x) and **bold**' },
      ],
    };
    expect(renderCard(card).lines).toEqual([
      'az ml workspace update -n <ws> --managed-network allow_only_approved_outbound',
      'name: mlw-${environment}',
      '--flag \\<x\\>',
      'See Learn (https://learn.microsoft.com/x) and bold',
    ]);
    expect(plainMarkdown('$\\{environment\\}')).toBe('${environment}');
  });

  it('asks for the inputs of a button\'s own card and carries those of the card a shown card sits in, unless associatedInputs is none', () => {
    const card = {
      body: [{ type: 'Container', items: [{ type: 'Input.Text', id: 'name', label: 'Name', value: 'a' }] }],
      actions: [
        { type: 'Action.Submit', title: 'Save', data: { verb: 'save' } },
        { type: 'Action.Submit', title: 'Cancel', data: { verb: 'cancel' }, associatedInputs: 'none' },
        { type: 'Action.ShowCard', title: 'More', card: { body: [{ type: 'Input.Toggle', id: 'all', title: 'All' }], actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go' }] } },
      ],
    };
    const rendered = renderCard(card);
    expect(rendered.lines).toEqual(['▸ Name (text): a', '[1] Save  [2] Cancel  [3] More']);
    const labelled = renderCard({ body: [{ type: 'Input.Text', id: 'subscriptionId', label: 'Subscription id' }] });
    expect(labelled.lines).toEqual(['▸ Subscription id [subscriptionId] (text)']);
    const [save, cancel, more] = rendered.buttons;
    expect(save?.kind === 'submit' ? save.inputs.map((i) => i.id) : undefined).toEqual(['name']);
    expect(cancel?.kind === 'submit' ? cancel.inputs : undefined).toEqual([]);
    if (more?.kind !== 'showCard') throw new Error('expected a show-card button');
    const shown = renderCard(more.card, 1, more.inputs);
    const go = shown.buttons[0];
    expect(go?.kind === 'execute' ? go.inputs.map((i) => i.id) : undefined).toEqual(['all']);
    expect(go?.kind === 'execute' ? go.carried.map((i) => i.id) : undefined).toEqual(['name']);
  });

  it('keeps identifiers as written, bolds headings and colours severities only when the terminal shows colour', () => {
    const card = {
      body: [
        { type: 'TextBlock', text: 'mlw-Contoso-Prod', weight: 'Bolder', size: 'Large' },
        { type: 'TextBlock', text: 'High · Failed', color: 'attention', weight: 'Bolder' },
        { type: 'TextBlock', text: 'Passed', color: 'good' },
      ],
    };
    expect(renderCard(card).lines).toEqual(['mlw-Contoso-Prod', 'High · Failed', 'Passed']);
    expect(renderCard(card, 1, [], { color: true }).lines).toEqual(['\u001b[1mmlw-Contoso-Prod\u001b[0m', '\u001b[31mHigh · Failed\u001b[0m', '\u001b[32mPassed\u001b[0m']);
  });

  it('wraps prose between words at the terminal width, and never wraps code', () => {
    const long = 'The workspace mlw-contoso-prod allows public network access from every network on the internet today.';
    const command = `az ml workspace update -n mlw-contoso-prod -g rg-contoso-prod --public-network-access Disabled --yes`;
    const card = { body: [{ type: 'TextBlock', text: long, wrap: true }, { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: command, fontType: 'Monospace' }] }] };
    const lines = renderCard(card, 1, [], { color: false, width: 50 }).lines;
    expect(lines.at(-1)).toBe(command);
    const prose = lines.slice(0, -1);
    expect(prose.length).toBeGreaterThan(1);
    expect(prose.join(' ')).toBe(long);
    for (const line of prose) expect(line.length).toBeLessThanOrEqual(45);
  });

  it('reads escapes first: escaped brackets are literal text, not a link, and escaped asterisks are not bold (review 2, item 8)', () => {
    // What the bot sends for a user's "[click me](https://evil.example)" (markdownText escapes the brackets).
    expect(plainMarkdown('You said \\[click me\\](https://evil.example)')).toBe('You said [click me](https://evil.example)');
    expect(plainMarkdown('\\*\\*not bold\\*\\* and **bold**')).toBe('**not bold** and bold');
    expect(plainMarkdown('[a \\] b](https://learn.microsoft.com/x)')).toBe('a ] b (https://learn.microsoft.com/x)');
    expect(plainMarkdown('C:\\\\temp and 50\\% \\_x\\_')).toBe('C:\\temp and 50% _x_');
  });
});
