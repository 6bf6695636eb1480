/**
 * Adaptive Cards as terminal text for `guardian chat`: headings, text, facts, tables, and numbered buttons the
 * user clicks by typing the number.
 */

export type ChatButton =
  | { readonly kind: 'submit'; readonly title: string; readonly data: unknown }
  | { readonly kind: 'execute'; readonly title: string; readonly verb: string; readonly data: unknown }
  | { readonly kind: 'imBack'; readonly title: string; readonly text: string }
  | { readonly kind: 'openUrl'; readonly title: string; readonly url: string }
  | { readonly kind: 'showCard'; readonly title: string; readonly card: unknown };

export interface RenderedCard {
  readonly lines: string[];
  /** Buttons in the order shown; the caller numbers them. */
  readonly buttons: ChatButton[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Renders a card; `firstButton` is the number the first button gets (buttons are numbered across a turn). */
export function renderCard(card: unknown, firstButton = 1): RenderedCard {
  const lines: string[] = [];
  const buttons: ChatButton[] = [];
  const label = (button: ChatButton): string => `[${firstButton + buttons.push(button) - 1}] ${button.title}`;

  const elements = (items: unknown, indent: string): void => {
    for (const item of arr(items)) element(item, indent);
  };
  const element = (item: unknown, indent: string): void => {
    if (!isObject(item)) return;
    switch (item.type) {
      case 'TextBlock':
      case 'RichTextBlock': {
        const text = item.type === 'TextBlock' ? str(item.text) : arr(item.inlines).map((i) => (isObject(i) ? str(i.text) : str(i))).join('');
        const heading = item.weight === 'Bolder' || item.size === 'Large' || item.size === 'ExtraLarge' || item.style === 'heading';
        for (const line of text.split('\n')) lines.push(`${indent}${heading ? line.toUpperCase() : line}`);
        break;
      }
      case 'FactSet':
        for (const fact of arr(item.facts)) if (isObject(fact)) lines.push(`${indent}- ${str(fact.title)}: ${str(fact.value)}`);
        break;
      case 'Container':
        elements(item.items, indent);
        break;
      case 'ColumnSet':
        for (const column of arr(item.columns)) if (isObject(column)) elements(column.items, indent);
        break;
      case 'Table':
        for (const row of arr(item.rows)) {
          if (!isObject(row)) continue;
          const cells = arr(row.cells).map((cell) => (isObject(cell) ? renderCard({ body: cell.items }).lines.join(' ').trim() : ''));
          lines.push(`${indent}| ${cells.join(' | ')} |`);
        }
        break;
      case 'Image':
        if (str(item.altText) !== '') lines.push(`${indent}[image: ${str(item.altText)}]`);
        break;
      case 'ActionSet':
        actions(item.actions, indent);
        break;
      default:
        if (typeof item.type === 'string' && item.type.startsWith('Input.')) lines.push(`${indent}[${item.type} "${str(item.label) || str(item.id)}": not supported in chat]`);
    }
  };
  const actions = (list: unknown, indent: string): void => {
    const labels: string[] = [];
    for (const action of arr(list)) {
      const button = toButton(action);
      if (button !== undefined) labels.push(label(button));
    }
    if (labels.length > 0) lines.push(`${indent}${labels.join('  ')}`);
  };

  if (isObject(card)) {
    elements(card.body, '');
    actions(card.actions, '');
  }
  return { lines, buttons };
}

function toButton(action: unknown): ChatButton | undefined {
  if (!isObject(action)) return undefined;
  const title = str(action.title) || '(button)';
  switch (action.type) {
    case 'Action.Submit': {
      const data = action.data;
      const msteams = isObject(data) && isObject(data.msteams) ? data.msteams : undefined;
      if (msteams?.type === 'imBack' && typeof msteams.value === 'string') return { kind: 'imBack', title, text: msteams.value };
      if (msteams?.type === 'messageBack' && typeof msteams.text === 'string') return { kind: 'imBack', title, text: msteams.text };
      return { kind: 'submit', title, data: data ?? {} };
    }
    case 'Action.Execute':
      return { kind: 'execute', title, verb: str(action.verb), data: action.data ?? {} };
    case 'Action.OpenUrl':
      return { kind: 'openUrl', title, url: str(action.url) };
    case 'Action.ShowCard':
      return { kind: 'showCard', title, card: action.card };
    default:
      return undefined;
  }
}
