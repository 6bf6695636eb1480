/**
 * Adaptive Card inputs (Input.Text, Input.Number, Input.Date, Input.Time, Input.ChoiceSet, Input.Toggle) for
 * `guardian chat`: what to ask for each, how to read what the user types, and how the values join the button's
 * data — the way the Adaptive Cards renderer Teams uses does it for Action.Submit and Action.Execute: a copy of
 * the action's data with each input that has a value set under its id, as a string (a multi-select is the chosen
 * values joined by commas; a toggle is its valueOn or valueOff; an empty input is left out).
 */
import { isRecord } from '../shared/is-record';

export interface ChatChoice {
  readonly title: string;
  readonly value: string;
}

interface InputBase {
  readonly id: string;
  readonly label: string;
  readonly required: boolean;
  /** The value the card shows at first ('' for none). */
  readonly initial: string;
}

export type ChatInput =
  | (InputBase & { readonly kind: 'text'; readonly placeholder: string; readonly maxLength: number | undefined; readonly regex: string | undefined; readonly hint: string })
  | (InputBase & { readonly kind: 'number'; readonly min: number | undefined; readonly max: number | undefined })
  | (InputBase & { readonly kind: 'choice'; readonly choices: readonly ChatChoice[]; readonly multi: boolean })
  | (InputBase & { readonly kind: 'toggle'; readonly valueOn: string; readonly valueOff: string });

export type InputAnswer = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

type Json = Readonly<Record<string, unknown>>;
const isObject = isRecord;
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The chat's model of a card input element, or undefined when it is not an input (or has no id). */
export function readInput(element: Json): ChatInput | undefined {
  const type = str(element.type);
  const id = str(element.id);
  if (!type.startsWith('Input.') || id === '') return undefined;
  const base: InputBase = { id, label: str(element.label) || str(element.title) || str(element.placeholder) || id, required: element.isRequired === true, initial: str(element.value) };
  switch (type) {
    case 'Input.Number':
      return { ...base, kind: 'number', min: num(element.min), max: num(element.max) };
    case 'Input.ChoiceSet': {
      const choices = (Array.isArray(element.choices) ? element.choices : []).filter(isObject).map((c) => ({ title: str(c.title) || str(c.value), value: str(c.value) }));
      return { ...base, kind: 'choice', choices, multi: element.isMultiSelect === true };
    }
    case 'Input.Toggle': {
      const valueOn = str(element.valueOn) || 'true';
      const valueOff = str(element.valueOff) || 'false';
      return { ...base, label: str(element.title) || base.label, kind: 'toggle', valueOn, valueOff, initial: base.initial === '' ? valueOff : base.initial };
    }
    default: {
      const hint = type === 'Input.Date' ? 'a date, YYYY-MM-DD' : type === 'Input.Time' ? 'a time, HH:MM' : '';
      const regex = str(element.regex);
      return { ...base, kind: 'text', placeholder: str(element.placeholder), maxLength: num(element.maxLength), regex: regex === '' ? undefined : regex, hint };
    }
  }
}

/**
 * How the input shows on a card in the terminal: "▸ Subscription id [subscriptionId] (text)". The name in brackets
 * is the one `N name=value` takes; a label that is the name already is not repeated.
 */
export function inputSummary(input: ChatInput): string {
  const initial = input.kind === 'choice' ? titlesOf(input, input.initial) : input.initial;
  const kind =
    input.kind === 'choice' ? `choose ${input.multi ? 'any' : 'one'} of ${input.choices.length}` : input.kind === 'toggle' ? 'yes/no' : input.kind === 'number' ? 'number' : 'text';
  const name = input.label.toLowerCase() === input.id.toLowerCase() ? '' : ` [${input.id}]`;
  return `▸ ${input.label}${name} (${kind}${input.required ? ', required' : ''})${initial !== '' && input.kind !== 'toggle' ? `: ${initial}` : ''}`;
}

/** The lines that ask for one input: the question, the choices numbered, and what an empty answer does. */
export function inputQuestion(input: ChatInput): string[] {
  const keep = input.kind === 'toggle' ? (input.initial === input.valueOn ? 'yes' : 'no') : input.kind === 'choice' ? titlesOf(input, input.initial) : input.initial;
  const empty = keep !== '' ? `empty keeps "${keep}"` : input.required ? 'required' : 'empty leaves it blank';
  switch (input.kind) {
    case 'choice':
      return [
        `${input.label}: ${input.multi ? 'type the numbers (or titles) of your choices, separated by commas' : 'type the number (or title) of your choice'} (${empty})`,
        ...input.choices.map((c, i) => `  ${i + 1}. ${c.title}`),
      ];
    case 'toggle':
      return [`${input.label}: yes or no (${empty})`];
    case 'number':
      return [`${input.label}: a number${input.min !== undefined ? ` from ${input.min}` : ''}${input.max !== undefined ? ` to ${input.max}` : ''} (${empty})`];
    case 'text':
      return [`${input.label}${input.hint !== '' ? `: ${input.hint}` : input.placeholder !== '' ? ` (e.g. ${input.placeholder})` : ''} (${empty})`];
  }
}

function titlesOf(input: Extract<ChatInput, { kind: 'choice' }>, values: string): string {
  if (values === '') return '';
  return values
    .split(',')
    .map((v) => input.choices.find((c) => c.value === v)?.title ?? v)
    .join(', ');
}

const YES = /^(y|yes|on|true|1)$/i;
const NO = /^(n|no|off|false|0)$/i;

/** Reads what the user typed for `input` ('' keeps the initial value). */
export function answerInput(input: ChatInput, typed: string): InputAnswer {
  const text = typed.trim();
  if (text === '') {
    if (input.required && input.initial === '') return { ok: false, problem: `${input.label} is required.` };
    return { ok: true, value: input.initial };
  }
  switch (input.kind) {
    case 'toggle':
      if (YES.test(text) || text === input.valueOn) return { ok: true, value: input.valueOn };
      if (NO.test(text) || text === input.valueOff) return { ok: true, value: input.valueOff };
      return { ok: false, problem: 'Answer yes or no.' };
    case 'number': {
      const n = Number(text);
      if (!Number.isFinite(n)) return { ok: false, problem: `"${text}" is not a number.` };
      if ((input.min !== undefined && n < input.min) || (input.max !== undefined && n > input.max)) return { ok: false, problem: `${n} is out of range.` };
      return { ok: true, value: text };
    }
    case 'choice':
      return answerChoice(input, text);
    case 'text':
      if (input.maxLength !== undefined && text.length > input.maxLength) return { ok: false, problem: `At most ${input.maxLength} characters.` };
      if (input.regex !== undefined && !matches(input.regex, text)) return { ok: false, problem: `"${text}" is not in the expected form.` };
      return { ok: true, value: text };
  }
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return true;
  }
}

/**
 * A choice by its number, its value or title, the start of its title, or a word in it ("network" → Network
 * Security), case-insensitive; several separated by commas if multi. A part that fits more than one choice is
 * refused with the ones it fits, never guessed.
 */
function answerChoice(input: Extract<ChatInput, { kind: 'choice' }>, text: string): InputAnswer {
  // A single choice is the whole line (a title may hold a comma); "1,2" is then no title and no number.
  const parts = input.multi ? text.split(',').map((p) => p.trim()).filter((p) => p !== '') : [text];
  if (!input.multi && /^\d+(\s*,\s*\d+)+$/.test(text)) return { ok: false, problem: 'Choose one.' };
  const values: string[] = [];
  for (const part of parts) {
    const found = findChoice(input.choices, part);
    if (found.length > 1) return { ok: false, problem: `"${part}" fits ${found.map((c) => c.title).join(', ')}: type more of the title, or its number.` };
    const choice = found[0];
    if (choice === undefined) return { ok: false, problem: `"${part}" is not one of the choices: type a number from 1 to ${input.choices.length}, or a title or a word of it.` };
    if (!values.includes(choice.value)) values.push(choice.value);
  }
  return { ok: true, value: values.join(',') };
}

const wordsOf = (title: string): string[] => title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/** The choices `part` names, by the first rule that names any: number, exact, title prefix, word, word prefix. */
function findChoice(choices: readonly ChatChoice[], part: string): readonly ChatChoice[] {
  if (/^\d+$/.test(part)) {
    const numbered = choices[Number(part) - 1];
    if (numbered !== undefined) return [numbered];
  }
  const typed = part.toLowerCase().replace(/\s+/g, ' ');
  const rules: ((c: ChatChoice) => boolean)[] = [
    (c) => c.value.toLowerCase() === typed || c.title.toLowerCase() === typed,
    (c) => c.title.toLowerCase().startsWith(typed),
    (c) => wordsOf(c.title).includes(typed),
    // A word's start ("priv" → Privileged Access), from three letters on: shorter is a guess.
    (c) => typed.length >= 3 && wordsOf(c.title).some((w) => w.startsWith(typed)),
  ];
  for (const rule of rules) {
    const found = choices.filter(rule);
    if (found.length > 0) return found;
  }
  return [];
}

/** The action's data with the inputs' values, as the renderer sends it (inputs without a value are left out). */
export function mergeInputs(data: unknown, values: ReadonlyMap<string, string>): unknown {
  if (data !== undefined && !isObject(data)) return data;
  const merged: Record<string, unknown> = isObject(data) ? { ...structuredClone(data) } : {};
  for (const [id, value] of values) if (value !== '') merged[id] = value;
  return merged;
}

/** The values every input starts with (what a click without typing anything sends). */
export function initialValues(inputs: readonly ChatInput[]): Map<string, string> {
  return new Map(inputs.map((i) => [i.id, i.initial]));
}

/**
 * `key=value key2="two words" …` → the pairs, or undefined when the text is not only such pairs (so that
 * "3 scans please" is not mistaken for button 3 with inputs).
 */
export function parseAssignments(text: string): [string, string][] | undefined {
  const pairs: [string, string][] = [];
  const pattern = /\s*([A-Za-z_][\w.-]*)=(?:"([^"]*)"|'([^']*)'|(\S*))/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m === null) return text.slice(at).trim() === '' ? (pairs.length > 0 ? pairs : undefined) : undefined;
    pairs.push([m[1] ?? '', m[2] ?? m[3] ?? m[4] ?? '']);
    at = pattern.lastIndex;
  }
  return pairs.length > 0 ? pairs : undefined;
}
