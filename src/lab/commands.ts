/**
 * What a lab command means — the one grammar of the lab. The router hands the lab feature `command: 'lab'` with
 * the rest of the message as `args` ("find mlw-x", "params namespace=…", "validate 3", "continue lab",
 * "where am i"), without interpreting it; the router also asks `parseLabCommand` whether a message that merely
 * mentions the lab is a lab command at all. Typed text and card buttons end up as the same LabCommand.
 */
import { withinOneEdit } from '../knowledge/text-analysis';
import { looksLikeParameters } from './parameters';

export type LabCommand =
  | { readonly kind: 'start' }
  | { readonly kind: 'continue' }
  | { readonly kind: 'status' }
  | { readonly kind: 'validate'; readonly exercise?: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'back' }
  | { readonly kind: 'next' }
  | { readonly kind: 'help' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'goto'; readonly exercise: number }
  | { readonly kind: 'params'; readonly text: string }
  | { readonly kind: 'find'; readonly target: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'unknown'; readonly text: string };

type Simple = Exclude<LabCommand['kind'], 'validate' | 'goto' | 'params' | 'find' | 'unknown'>;

/** Whole phrases (after the lab word, politeness and fillers are removed). */
const PHRASES: Readonly<Record<string, Simple>> = {
  '': 'start',
  overview: 'start',
  'where am i': 'continue',
  'where was i': 'continue',
  'where are we': 'continue',
  'which exercise am i on': 'continue',
  'what exercise am i on': 'continue',
  'which exercise': 'continue',
  'current exercise': 'continue',
  'carry on': 'continue',
  'pick up': 'continue',
  'go on': 'next',
  'move on': 'next',
  'go back': 'back',
  'start over': 'reset',
  'i am done': 'done',
  "i'm done": 'done',
  'mark done': 'done',
  'mark as done': 'done',
  'take a break': 'pause',
  'show progress': 'status',
  'show my progress': 'status',
  'my progress': 'status',
  'show status': 'status',
  'how far am i': 'status',
};

/** One-word commands (the first word decides; a following "exercise", "it" or "this" changes nothing). */
const VERBS: Readonly<Record<string, Simple>> = {
  start: 'start',
  begin: 'start',
  open: 'start',
  launch: 'start',
  run: 'start',
  do: 'start',
  continue: 'continue',
  resume: 'continue',
  current: 'continue',
  status: 'status',
  progress: 'status',
  done: 'done',
  finished: 'done',
  complete: 'done',
  completed: 'done',
  skip: 'skip',
  back: 'back',
  previous: 'back',
  prev: 'back',
  next: 'next',
  help: 'help',
  hint: 'help',
  pause: 'pause',
  stop: 'pause',
  quit: 'pause',
  exit: 'pause',
  reset: 'reset',
  restart: 'reset',
};

const VALIDATE_WORDS = ['validate', 'check', 'verify', 'test'];
const PARAMS_WORDS = ['params', 'parameters', 'param', 'settings', 'set'];
const FIND_WORDS = ['find', 'locate'];
/** The noun after a params verb ("set parameters", "set my lab params"): it names the form, it is no value. */
const PARAMS_NOUN = /^(?:(?:the|my|lab)\s+)*(?:params|parameters|param|settings)\b:?\s*/i;
/** Every command word; a typo of one of the longer ones (one edit) is read as the word. */
const KNOWN_WORDS = [...Object.keys(VERBS), ...VALIDATE_WORDS, ...PARAMS_WORDS, ...FIND_WORDS, 'exercise', 'goto'];

const POLITE = /^(?:(?:please|pls|ok|okay|now|then|can we|could we|can you|could you|can i|let'?s|lets|i want to|i'd like to|i would like to|we want to|i wanna|go ahead and|show me)\s+)+/i;
const LAB_PREFIX = /^(?:the\s+|my\s+)?lab(?:[\s:,]+|$)/i;
const LAB_SUFFIX = /\s+(?:(?:in|of|on|with)\s+)?(?:(?:the|my|our|this)\s+)?lab(?:\s+please)?$/i;
/** Words that add nothing after a verb: "skip this exercise", "do the next one". */
const FILLER = /\b(?:this|that|it|the|my|me|one|step|please|exercise|current)\b/g;

/** The command word `word` stands for, forgiving one typo in words of five letters or more. */
function commandWord(word: string): string {
  if (KNOWN_WORDS.includes(word) || word.length < 5) return word;
  return KNOWN_WORDS.find((known) => known.length >= 5 && withinOneEdit(word, known)) ?? word;
}

/** The message without politeness, the lab word (first or last) and trailing punctuation, case kept. */
export function labRest(args: string): string {
  return args
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[?!.]+$/, '')
    .replace(POLITE, '')
    .replace(LAB_PREFIX, '')
    .replace(LAB_SUFFIX, '')
    .replace(/\s+please$/i, '')
    .trim();
}

export function parseLabCommand(args: string | undefined): LabCommand {
  const original = (args ?? '').trim();
  const rest = labRest(original);
  const text = rest.toLowerCase();
  const phrase = PHRASES[text];
  if (phrase !== undefined) return { kind: phrase };

  const [first = '', ...others] = text.split(' ');
  const verb = commandWord(first);
  const tail = others.join(' ');
  const restAfterVerb = rest.slice(first.length).trim();
  const number = /^(?:(?:exercise|ex|number|no\.?)\s*)?#?(\d{1,3})$/.exec(tail.replace(FILLER, ' ').replace(/\s+/g, ' ').trim())?.[1];

  if (VALIDATE_WORDS.includes(verb)) {
    const what = tail.replace(/\b(?:work|exercise|step|this|it|the|my|current|one|please)\b/g, ' ').trim();
    if (what === '') return { kind: 'validate' };
    if (number !== undefined) return { kind: 'validate', exercise: Number(number) };
    return { kind: 'unknown', text: original };
  }
  if (PARAMS_WORDS.includes(verb)) return { kind: 'params', text: restAfterVerb.replace(PARAMS_NOUN, '') };
  if (FIND_WORDS.includes(verb)) return { kind: 'find', target: restAfterVerb.replace(/^(?:my\s+)?(?:workspace\b)?\s*/i, '').trim() };

  const go = /^(?:(?:go\s*to|goto|jump to|open|show|show me)\s+)?(?:(?:exercise|ex)\s*)?#?(\d{1,3})$/.exec(text);
  if (go !== null) return { kind: 'goto', exercise: Number(go[1]) };
  if (verb === 'exercise' && number !== undefined) return { kind: 'goto', exercise: Number(number) };

  const simple = VERBS[verb];
  if (number !== undefined && (simple === 'start' || simple === 'continue')) return { kind: 'goto', exercise: Number(number) };
  // The verb alone or with fillers ("skip this one", "next exercise"); anything else is not understood.
  if (simple !== undefined && tail.replace(FILLER, ' ').trim() === '') return { kind: simple };
  if (looksLikeParameters(rest)) return { kind: 'params', text: rest };
  return { kind: 'unknown', text: original };
}
