/**
 * Adaptive Cards as terminal text for `guardian chat`: headings, text (Markdown shown plainly, code verbatim),
 * facts, tables, bars as proportional text, inputs, and numbered buttons the user clicks by typing the number.
 * In a terminal that shows colour, headings are bold and text the card colours (a severity, a verdict) keeps its
 * colour; prose wraps between words at the terminal's width (code never wraps: it copies as written).
 */
import { wrapWords } from '../report/table';
import { isRecord } from '../shared/is-record';
import { inputSummary, readInput, type ChatInput } from './chat-inputs';

export type ChatButton =
  /**
   * `inputs`: what a click asks for (the inputs of the button's own card); `carried`: the inputs of the card a shown
   * card sits in, which the click also sends as they stand, as the renderer Teams uses does.
   */
  | { readonly kind: 'submit'; readonly title: string; readonly data: unknown; readonly inputs: readonly ChatInput[]; readonly carried: readonly ChatInput[] }
  | { readonly kind: 'execute'; readonly title: string; readonly verb: string; readonly data: unknown; readonly inputs: readonly ChatInput[]; readonly carried: readonly ChatInput[] }
  | { readonly kind: 'imBack'; readonly title: string; readonly text: string }
  | { readonly kind: 'openUrl'; readonly title: string; readonly url: string }
  /** `inputs`: the card's own inputs, which a submit inside the shown card also sends. */
  | { readonly kind: 'showCard'; readonly title: string; readonly card: unknown; readonly inputs: readonly ChatInput[] };

export interface RenderedCard {
  readonly lines: string[];
  /** Buttons in the order shown; the caller numbers them. */
  readonly buttons: ChatButton[];
}

type Json = Readonly<Record<string, unknown>>;

const isObject = isRecord;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const BAR_WIDTH = 20;
/** One glyph per column style, so that a bar of several segments still reads in a terminal without colour. */
const BAR_FILL: Readonly<Record<string, string>> = { attention: '█', accent: '█', warning: '▓', good: '▒', emphasis: '░' };

/** How the terminal shows text: colour (a TTY that allows it) and its width in columns. */
export interface RenderStyle {
  readonly color: boolean;
  readonly width?: number;
}

const ANSI: Readonly<Record<string, string>> = { attention: '\u001b[31m', warning: '\u001b[33m', good: '\u001b[32m', accent: '\u001b[36m', bold: '\u001b[1m' };
const RESET = '\u001b[0m';

/**
 * Renders a card; `firstButton` is the number the first button gets (buttons are numbered across a turn);
 * `parentInputs` are the inputs of the card a shown card (Action.ShowCard) belongs to.
 */
export function renderCard(card: unknown, firstButton = 1, parentInputs: readonly ChatInput[] = [], style: RenderStyle = { color: false }): RenderedCard {
  const lines: string[] = [];
  const buttons: ChatButton[] = [];
  const label = (button: ChatButton): string => `[${firstButton + buttons.push(button) - 1}] ${button.title}`;
  // A submit sends every input of its card (and of the cards it is shown inside), wherever the input sits; it asks
  // for those of its own card, and sends those of the card it is shown inside as they stand.
  const ownInputs = collectInputs(isObject(card) ? card.body : undefined);
  const paint = (code: string | undefined, text: string): string => (style.color && code !== undefined && text !== '' ? `${code}${text}${RESET}` : text);
  const prose = (indent: string, text: string, code?: string): void => {
    const width = Math.max(20, (style.width ?? Infinity) - 5 - indent.length);
    for (const line of text.length <= width ? [text] : wrapWords(text, width)) lines.push(`${indent}${paint(code, line)}`);
  };

  const elements = (items: unknown, indent: string): void => {
    for (const item of arr(items)) element(item, indent);
  };
  const element = (item: unknown, indent: string): void => {
    if (!isObject(item)) return;
    switch (item.type) {
      case 'TextBlock':
      case 'RichTextBlock': {
        // A TextBlock is Markdown (shown plainly); a RichTextBlock's TextRuns are literal text, code included.
        const heading = item.weight === 'Bolder' || item.size === 'Large' || item.size === 'ExtraLarge' || item.style === 'heading';
        const code = ANSI[str(item.color).toLowerCase()] ?? (heading ? ANSI.bold : undefined);
        if (item.type === 'RichTextBlock') {
          for (const line of arr(item.inlines).map((i) => (isObject(i) ? str(i.text) : str(i))).join('').split('\n')) lines.push(`${indent}${line}`);
        } else {
          for (const line of plainMarkdown(str(item.text)).split('\n')) prose(indent, line, code);
        }
        break;
      }
      case 'FactSet':
        for (const fact of arr(item.facts)) if (isObject(fact)) prose(indent, `- ${str(fact.title)}: ${plainMarkdown(str(fact.value))}`);
        break;
      case 'Container':
        elements(item.items, indent);
        break;
      case 'ColumnSet': {
        const bar = barText(item);
        if (bar !== undefined) lines.push(`${indent}${bar}`);
        else for (const column of arr(item.columns)) if (isObject(column)) elements(column.items, indent);
        break;
      }
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
      default: {
        const input = readInput(item);
        if (input !== undefined) lines.push(`${indent}${inputSummary(input)}`);
      }
    }
  };
  const actions = (list: unknown, indent: string): void => {
    const labels: string[] = [];
    for (const action of arr(list)) {
      const button = toButton(action, ownInputs, parentInputs);
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

function toButton(action: unknown, cardInputs: readonly ChatInput[], parentInputs: readonly ChatInput[]): ChatButton | undefined {
  if (!isObject(action)) return undefined;
  const title = str(action.title) || '(button)';
  const none = str(action.associatedInputs).toLowerCase() === 'none';
  const inputs = none ? [] : cardInputs;
  const carried = none ? [] : parentInputs;
  switch (action.type) {
    case 'Action.Submit': {
      const data = action.data;
      const msteams = isObject(data) && isObject(data.msteams) ? data.msteams : undefined;
      if (msteams?.type === 'imBack' && typeof msteams.value === 'string') return { kind: 'imBack', title, text: msteams.value };
      if (msteams?.type === 'messageBack' && typeof msteams.text === 'string') return { kind: 'imBack', title, text: msteams.text };
      return { kind: 'submit', title, data: data ?? {}, inputs, carried };
    }
    case 'Action.Execute':
      return { kind: 'execute', title, verb: str(action.verb), data: action.data ?? {}, inputs, carried };
    case 'Action.OpenUrl':
      return { kind: 'openUrl', title, url: str(action.url) };
    case 'Action.ShowCard':
      return { kind: 'showCard', title, card: action.card, inputs: [...cardInputs, ...parentInputs] };
    default:
      return undefined;
  }
}

/** Every input in a card body, in order, without those of shown cards (Action.ShowCard) which have their own. */
function collectInputs(body: unknown): ChatInput[] {
  const found: ChatInput[] = [];
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) {
      for (const i of item) visit(i);
      return;
    }
    if (!isObject(item)) return;
    const input = readInput(item);
    if (input !== undefined) {
      found.push(input);
      return;
    }
    visit(item.items);
    visit(item.columns);
    for (const row of arr(item.rows)) if (isObject(row)) for (const cell of arr(row.cells)) if (isObject(cell)) visit(cell.items);
  };
  visit(body);
  return found;
}

/**
 * A ColumnSet of empty styled columns is a bar (each column a coloured segment, as wide as its weight):
 * "███░░░░░ 3/8" for a done/remaining bar, one glyph per style (█ failed, ▓ not assessed, ▒ passed, ░ other)
 * for a bar of statuses; undefined if it is not a bar.
 */
function barText(columnSet: Json): string | undefined {
  const segments: { weight: number; fill: string; color: string }[] = [];
  for (const column of arr(columnSet.columns)) {
    if (!isObject(column) || arr(column.items).length !== 0) return undefined;
    const fill = BAR_FILL[str(column.style)];
    const weight = Number(column.width);
    if (fill === undefined || !Number.isFinite(weight) || weight < 0) return undefined;
    segments.push({ weight, fill, color: str(column.style) === 'emphasis' ? 'subtle' : str(column.style) });
  }
  const total = segments.reduce((sum, s) => sum + s.weight, 0);
  if (segments.length === 0 || total <= 0) return undefined;
  // Largest remainder, and at least one glyph for any segment that is there at all.
  const exact = segments.map((s) => (s.weight / total) * BAR_WIDTH);
  const cells = exact.map((x, i) => (segments[i]!.weight > 0 ? Math.max(1, Math.floor(x)) : 0));
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  const sum = (): number => cells.reduce((a, b) => a + b, 0);
  for (let k = 0; sum() < BAR_WIDTH && k < order.length; k += 1) cells[order[k]!.i]! += 1;
  // The one-glyph minimum can overshoot: take the excess from the widest segment.
  while (sum() > BAR_WIDTH) {
    const widest = cells.indexOf(Math.max(...cells));
    cells[widest]! -= 1;
  }
  const bar = segments.map((s, i) => s.fill.repeat(cells[i] ?? 0)).join('');
  // A progress bar (an accent part, the rest pending) also says how far it is; a bar of statuses has its counts
  // in the text beside it.
  const progress = segments.every((s) => s.color === 'accent' || s.color === 'subtle');
  const done = progress ? segments.filter((s) => s.color === 'accent').reduce((sum, s) => sum + s.weight, 0) : undefined;
  return done !== undefined ? `${bar} ${done}/${total}` : bar;
}

/** CommonMark: any ASCII punctuation may be backslash-escaped. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
/** Escaped characters stand in the Unicode private use area while links and bold are read, so that they are not. */
const HIDDEN_BASE = 0xe000;
const HIDDEN = /[\ue000-\ue07f]/g;

/**
 * Markdown as plain terminal text: **bold** markers dropped, links as "title (url)", and backslash escapes
 * removed, so that commands copied from the chat work as typed. An escaped character is literal text, read
 * before anything else: `\[click me\](https://x)` (user text the bot escaped) prints as `[click me](https://x)`,
 * not as a link, and escaped asterisks are not bold.
 */
export function plainMarkdown(text: string): string {
  return text
    .replace(HIDDEN, '')
    .replace(ESCAPED, (_, c: string) => String.fromCharCode(HIDDEN_BASE + c.charCodeAt(0)))
    .replace(/\[([^\]]*)\]\((https?:[^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(HIDDEN, (c) => String.fromCharCode(c.charCodeAt(0) - HIDDEN_BASE));
}

